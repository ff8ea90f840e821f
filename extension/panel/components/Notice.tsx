import type { ReactNode } from 'react';

export type Tone = 'info' | 'success' | 'warning' | 'error';

export function Notice({ tone, title, children }: { tone: Tone; title?: string; children?: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <strong className="notice__title">{title}</strong> : null}
      {children ? <div className="notice__body">{children}</div> : null}
    </div>
  );
}

export function MessageList({ items, tone }: { items: readonly string[]; tone: Tone }) {
  if (items.length === 0) return null;
  return (
    <Notice tone={tone}>
      <ul className="plain-list">
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </Notice>
  );
}

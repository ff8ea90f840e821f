/**
 * Small pieces every page uses: rich text that is sanitised again at render time (the database may
 * hold text written before a policy change, or by a path that skipped the write rules), links that
 * only ever point to http(s)/mailto/tel, Russian dates.
 */
import { isAllowedUrl } from '@nastavnik/shared';
import type { ReactNode } from 'react';
import { sanitizeHtmlWith } from '../../html.js';
import type { PageContext } from '../context.js';
import type { MediaFile } from '../data.js';

const DATE = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric' });

/** `2025-09-01` → «1 сентября 2025 г.»; anything unparsable is shown as written. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(`${value.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : DATE.format(date);
}

export function Period({ start, end }: { start?: string | null; end?: string | null }) {
  if (!start && !end) return null;
  return (
    <>
      {start ? `с ${formatDate(start)}` : ''}
      {start && end ? ' ' : ''}
      {end ? `по ${formatDate(end)}` : ''}
    </>
  );
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Stored rich text is HTML under the shared policy; plain text keeps its paragraphs. */
export function richTextHtml(value: string): string {
  if (!/<[a-z!/]/i.test(value)) {
    return value
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => `<p>${escapeText(p)}</p>`)
      .join('');
  }
  return sanitizeHtmlWith('richText', value);
}

export function RichText({ value, className }: { value?: string | null; className?: string }) {
  if (!value?.trim()) return null;
  return (
    <div className={className ?? 'rich-text'} dangerouslySetInnerHTML={{ __html: richTextHtml(value) }} />
  );
}

/** Plain text with its line breaks as paragraphs. */
export function Paragraphs({ text }: { text?: string | null }) {
  if (!text?.trim()) return null;
  return (
    <>
      {text
        .split(/\n+/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, i) => (
          <p key={i}>{line}</p>
        ))}
    </>
  );
}

/** A stored address made safe to link: only what the shared HTML policy allows in a link. */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const url = value.trim();
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return isAllowedUrl('href', url) ? url : null;
}

/** A link when the address is safe, the bare text otherwise. */
export function SafeLink({ url, children }: { url: string | null | undefined; children: ReactNode }) {
  const safe = safeUrl(url);
  if (!safe) return <>{children}</>;
  const external = /^https?:/i.test(safe);
  return (
    <a href={safe} {...(external ? { rel: 'noopener noreferrer nofollow' } : {})}>
      {children}
    </a>
  );
}

export function fileSize(bytes: number | null | undefined): string {
  // Strapi stores media sizes in kilobytes.
  if (!bytes) return '';
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1).replace('.', ',')} МБ` : `${Math.round(bytes)} КБ`;
}

export function FileLink({ file, title }: { file: MediaFile; title?: string }) {
  const details = [file.ext?.replace('.', '').toUpperCase(), fileSize(file.size)].filter(Boolean).join(', ');
  return (
    <SafeLink url={file.url}>
      {title ?? file.name ?? 'Файл'}
      {details ? ` (${details})` : ''}
    </SafeLink>
  );
}

/** Tags as stored (a JSON list of strings); anything else is ignored. */
export const tagList = (tags: unknown): string[] =>
  Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];

/** The list item a preview link shows as its draft, among the published ones. */
export const isPreviewed = (ctx: PageContext, documentId: string) => ctx.preview?.documentId === documentId;

/** Marks the previewed draft where a list shows it among published items. */
export function PreviewMark() {
  return (
    <p className="preview-mark" role="note">
      Черновик в предпросмотре: так эта запись будет выглядеть после публикации.
    </p>
  );
}

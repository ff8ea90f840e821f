import { useMemo } from 'react';
import type { ArticlePayload } from '@nastavnik/shared/capture';
import { sanitisePreviewHtml } from '@/utils/sanitize';

export function ArticlePreview({
  payload,
  onChange,
}: {
  payload: ArticlePayload;
  onChange: (next: ArticlePayload) => void;
}) {
  // Sanitised again here although the page side already did: the panel trusts no page output.
  const html = useMemo(() => sanitisePreviewHtml(payload.html, window), [payload.html]);
  return (
    <section className="article-preview">
      <label className="field">
        <span className="field__label">Заголовок кейса</span>
        <input
          value={payload.title}
          maxLength={500}
          onChange={(event) => onChange({ ...payload, title: event.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">Краткое описание</span>
        <textarea
          rows={3}
          maxLength={3000}
          value={payload.summary ?? ''}
          onChange={(event) => onChange({ ...payload, summary: event.target.value })}
        />
      </label>
      <div className="field__label">Текст (как он будет сохранён)</div>
      <div
        className="article-preview__body"
        data-testid="article-body"
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <p className="hint">
        Изображений: {payload.images.length}. Источник:{' '}
        <a href={payload.sourceUrl} target="_blank" rel="noopener noreferrer">
          {new URL(payload.sourceUrl).hostname}
        </a>
      </p>
    </section>
  );
}

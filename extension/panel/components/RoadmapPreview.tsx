import { useMemo } from 'react';
import type { RoadmapTablePayload } from '@nastavnik/shared/capture';
import { sanitisePreviewHtml } from '@/utils/sanitize';
import { RoadmapDraftView } from './RoadmapDraft';

const SHOWN = 60;

export function RoadmapPreview({ payload }: { payload: RoadmapTablePayload }) {
  // The heading above the table travels with it for the engine; the preview shows it separately.
  const html = useMemo(
    () => sanitisePreviewHtml(payload.html.replace(/^<h1>[\s\S]*?<\/h1>/, ''), window),
    [payload.html],
  );
  const draft = payload.draft;
  return (
    <section className="roadmap-preview">
      {draft ? (
        <RoadmapDraftView draft={draft} warnings={payload.warnings?.length ?? 0} shown={SHOWN} />
      ) : null}
      <details className="source" open={!draft}>
        <summary>Исходная таблица</summary>
        <div className="table-scroll roadmap-preview__table" dangerouslySetInnerHTML={{ __html: html }} />
      </details>
    </section>
  );
}

import { useMemo } from 'react';
import { canSend, type Draft, draftOf, type PreviewStep, withRole } from '../../capture';
import { ArticlePreview } from '../ArticlePreview';
import { AuditPreview } from '../AuditPreview';
import { MessageList, Notice } from '../Notice';
import { RoadmapPreview } from '../RoadmapPreview';
import { TablePreview } from '../TablePreview';

/** One offer as read from the page: the user checks (and for tables, maps) it, then sends it. */
export function CapturePreview({
  preview,
  sending,
  onBack,
  onPickTable,
  onEdit,
  onSend,
  importing = null,
  onImportLink,
}: {
  preview: PreviewStep;
  sending: boolean;
  /** A road-map file linked from the page being fetched for the file tab. */
  importing?: string | null;
  onImportLink?: (href: string) => void;
  onBack: () => void;
  onPickTable: (tableIndex: number) => void;
  onEdit: (change: (preview: PreviewStep) => PreviewStep) => void;
  onSend: (draft: Draft) => void;
}) {
  const draft = useMemo(() => draftOf(preview), [preview]);
  const { table, payload, issues } = draft;
  return (
    <div className="preview">
      <div className="preview__head">
        <button type="button" className="link-button" onClick={onBack}>
          ← Другие данные на странице
        </button>
        <span className="hint">
          {preview.offer.adapterLabel} · прочитано за {preview.extracted.elapsedMs} мс
        </span>
      </div>
      <TableChoice preview={preview} onPick={onPickTable} />
      {preview.extracted.table && table ? (
        <TablePreview
          draft={preview.extracted.table}
          roles={preview.roles}
          kind={table.payload.kind}
          accepted={table.accepted}
          skipped={table.skipped}
          onRoleChange={(column, role) => onEdit((current) => withRole(current, column, role))}
        />
      ) : null}
      {preview.article ? (
        <ArticlePreview
          payload={preview.article}
          onChange={(article) => onEdit((current) => ({ ...current, article }))}
        />
      ) : null}
      {payload?.kind === 'site_audit' ? (
        <AuditPreview payload={payload} importing={importing} onImportLink={onImportLink} />
      ) : null}
      {payload?.kind === 'roadmap_table' ? <RoadmapPreview payload={payload} /> : null}
      {/* For tables the warnings are recomputed with the user's mapping; the page's first reading is stale. */}
      <MessageList tone="warning" items={table ? table.warnings : preview.extracted.warnings.slice(0, 12)} />
      {issues.length > 0 ? (
        <Notice tone="error" title="Нельзя отправить: исправьте сопоставление или данные">
          <ul className="plain-list">
            {issues.map((issue, index) => (
              <li key={index}>{issue}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!canSend(draft) || sending}
          onClick={() => onSend(draft)}
        >
          {sending ? 'Сохраняю…' : 'Отправить в «Наставник»'}
        </button>
      </div>
    </div>
  );
}

/** Another table of the same page, when it has several. */
function TableChoice({ preview, onPick }: { preview: PreviewStep; onPick: (tableIndex: number) => void }) {
  const tables = preview.offer.tables;
  if (!tables || tables.length <= 1) return null;
  return (
    <label className="field field--inline">
      <span className="field__label">Таблица</span>
      <select
        value={preview.tableIndex ?? tables[0]?.index ?? 0}
        onChange={(event) => onPick(Number(event.target.value))}
      >
        {tables.map((choice) => (
          <option key={choice.index} value={choice.index}>
            {choice.label} ({choice.rows.toLocaleString('ru-RU')} стр.)
          </option>
        ))}
      </select>
    </label>
  );
}

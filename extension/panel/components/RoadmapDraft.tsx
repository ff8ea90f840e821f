import type { ImportWarning, RoadmapDraft } from '@nastavnik/shared/roadmap/schema';
import { warningPlace } from '@/utils/roadmap/result';

type Activity = RoadmapDraft['activities'][number];

const dateFormat = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

function formatDate(iso: string | null): string {
  return iso ? dateFormat.format(new Date(`${iso}T00:00:00Z`)) : '…';
}

/** What the engine understood of a deadline: «до 01.10.2024», «01.10.2024 – 30.11.2024», or why not. */
function deadlineText(activity: Activity): { text: string; parsed: boolean } {
  const { deadline } = activity;
  if (deadline.windows.length > 0) {
    const windows = deadline.windows.map((window) =>
      window.start === null
        ? `до ${formatDate(window.end)}`
        : window.end === null
          ? `с ${formatDate(window.start)}`
          : `${formatDate(window.start)} – ${formatDate(window.end)}`,
    );
    return { text: `${deadline.text} → ${windows.join('; ')}`, parsed: true };
  }
  if (deadline.kind === 'continuous' || deadline.kind === 'external' || deadline.kind === 'as_needed') {
    return { text: deadline.text, parsed: true };
  }
  return { text: deadline.text ? `${deadline.text} (не распознан)` : 'срок не указан', parsed: false };
}

/** «приказ № 435-о от 01.06.2020, Директор»; the approval as written when nothing could be parsed. */
function approvalText(approval: NonNullable<RoadmapDraft['approval']>): string {
  const parts = [
    approval.orderNumber ? `приказ № ${approval.orderNumber}` : '',
    approval.date ? `от ${formatDate(approval.date)}` : '',
  ].filter(Boolean);
  const who = [approval.approver, approval.approverName].filter(Boolean).join(' ');
  const parsed = [parts.join(' '), who].filter(Boolean).join(', ');
  return parsed || approval.text;
}

function periodText(period: NonNullable<RoadmapDraft['period']>): string {
  const years = period.start === period.end ? `${period.start}` : `${period.start}–${period.end}`;
  return `${years}${period.academicYear ? ' (учебные годы)' : ''}`;
}

/**
 * The draft as the engine read it: counts, title, period, approval and the first activities with
 * the deadlines it understood. `kpis` adds the count of indicators (a file may carry a KPI table;
 * a table on a page never does).
 */
export function RoadmapDraftView({
  draft,
  warnings,
  shown,
  kpis = false,
}: {
  draft: RoadmapDraft;
  warnings: number;
  shown: number;
  kpis?: boolean;
}) {
  return (
    <>
      <dl className={kpis ? 'facts facts--compact' : 'facts'}>
        <div>
          <dt>Разделов</dt>
          <dd>{draft.sections.length}</dd>
        </div>
        <div>
          <dt>Мероприятий</dt>
          <dd>{draft.activities.length}</dd>
        </div>
        {kpis ? (
          <div>
            <dt>Показателей</dt>
            <dd>{draft.kpis.length}</dd>
          </div>
        ) : null}
        <div>
          <dt>Замечаний</dt>
          <dd>{warnings}</dd>
        </div>
      </dl>
      {draft.title ? <p className="roadmap-preview__title">{draft.title}</p> : null}
      {draft.period || draft.approval ? (
        <dl className="roadmap-meta">
          {draft.period ? (
            <div>
              <dt>Период</dt>
              <dd>{periodText(draft.period)}</dd>
            </div>
          ) : null}
          {draft.approval ? (
            <div>
              <dt>Утверждена</dt>
              <dd>{approvalText(draft.approval)}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {draft.activities.length > 0 ? (
        <ul className="activities" aria-label="Мероприятия черновика">
          {draft.activities.slice(0, shown).map((activity, index) => {
            const deadline = deadlineText(activity);
            const previous = draft.activities[index - 1];
            const newSection = activity.sectionTitle && activity.sectionTitle !== previous?.sectionTitle;
            return (
              <li key={activity.order}>
                {newSection ? <div className="activity__section">{activity.sectionTitle}</div> : null}
                <div className="activity">
                  <span className="activity__code">{activity.code || '•'}</span>
                  <span className="activity__title">{activity.title}</span>
                  <span className={deadline.parsed ? 'activity__meta' : 'activity__meta is-unparsed'}>
                    Срок: {deadline.text}
                  </span>
                  {activity.responsible.text ? (
                    <span className="activity__meta">Ответственные: {activity.responsible.text}</span>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {draft.activities.length > shown ? (
        <p className="hint">
          Показаны первые {shown} мероприятий из {draft.activities.length}.
        </p>
      ) : null}
    </>
  );
}

const WARNINGS_SHOWN = 100;

/** The engine's remarks with where they point (table, row, column), problems before notes. */
export function ImportWarningList({ warnings }: { warnings: readonly ImportWarning[] }) {
  if (warnings.length === 0) return null;
  const severalTables = new Set(warnings.map((warning) => warning.table ?? 1)).size > 1;
  const sorted = [...warnings].sort(
    (a, b) => Number(b.severity === 'warning') - Number(a.severity === 'warning') || a.row - b.row,
  );
  return (
    <section className="import-warnings" aria-label="Замечания разбора">
      <h3 className="import-warnings__title">Замечания разбора: {warnings.length}</h3>
      <ul className="import-warnings__list">
        {sorted.slice(0, WARNINGS_SHOWN).map((warning, index) => (
          <li key={index} className={`import-warning import-warning--${warning.severity}`}>
            <span className="import-warning__place">{warningPlace(warning, severalTables)}</span>
            <span className="import-warning__message">{warning.message}</span>
          </li>
        ))}
      </ul>
      {warnings.length > WARNINGS_SHOWN ? (
        <p className="hint">
          Показаны {WARNINGS_SHOWN} замечаний из {warnings.length}; остальные сохранятся вместе с дорожной
          картой.
        </p>
      ) : null}
    </section>
  );
}

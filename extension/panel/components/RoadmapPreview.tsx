import { useMemo } from 'react';
import type { RoadmapTablePayload } from '@nastavnik/shared/capture';
import { sanitisePreviewHtml } from '@/utils/sanitize';

type Draft = NonNullable<RoadmapTablePayload['draft']>;
type Activity = Draft['activities'][number];

const SHOWN = 60;
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
        <>
          <dl className="facts">
            <div>
              <dt>Разделов</dt>
              <dd>{draft.sections.length}</dd>
            </div>
            <div>
              <dt>Мероприятий</dt>
              <dd>{draft.activities.length}</dd>
            </div>
            <div>
              <dt>Замечаний</dt>
              <dd>{payload.warnings?.length ?? 0}</dd>
            </div>
          </dl>
          {draft.title ? <p className="roadmap-preview__title">{draft.title}</p> : null}
          {draft.period ? (
            <p className="hint">
              Период:{' '}
              {draft.period.start === draft.period.end
                ? draft.period.start
                : `${draft.period.start}–${draft.period.end}`}
              {draft.period.academicYear ? ' (учебный год)' : ''}
            </p>
          ) : null}
          <ul className="activities" aria-label="Мероприятия черновика">
            {draft.activities.slice(0, SHOWN).map((activity, index) => {
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
          {draft.activities.length > SHOWN ? (
            <p className="hint">
              Показаны первые {SHOWN} мероприятий из {draft.activities.length}.
            </p>
          ) : null}
        </>
      ) : null}
      <details className="source" open={!draft}>
        <summary>Исходная таблица</summary>
        <div className="table-scroll roadmap-preview__table" dangerouslySetInnerHTML={{ __html: html }} />
      </details>
    </section>
  );
}

/**
 * Дорожная карта: the road map in force (or an archived version), with live progress per section and
 * every activity with its deadline as written, its status and the evidence link. Responsible persons
 * are left out on purpose: they are names, and the page is about what is done, not by whom.
 */
import { activityStatuses, roadmapStates, type RoadmapState } from '@nastavnik/shared';
import { href, type PageContext } from '../context.js';
import type { Organisation, RoadmapSummary } from '../data.js';
import type { RoadmapProgress } from '../../roadmaps/progress.js';
import { Layout } from './layout.js';
import { formatDate, isPreviewed, Period, SafeLink } from './parts.js';
import { ProgressLine } from './progress.js';

type Activity = RoadmapProgress['activities'][number];

/** What a visitor needs to know of an activity's status: done, under way, overdue, or waiting. */
function statusOf(a: Activity): { label: string; className: string } {
  if (a.activityStatus === 'done') return { label: 'Выполнено', className: 'status-done' };
  if (a.activityStatus === 'cancelled') return { label: 'Отменено', className: 'status-cancelled' };
  if (a.state === 'overdue') return { label: 'Просрочено', className: 'status-overdue' };
  return {
    label: activityStatuses.label(a.activityStatus),
    className: a.activityStatus === 'in_progress' ? 'status-progress' : 'status-planned',
  };
}

function Evidence({ link }: { link: string | null }) {
  const urls = (link ?? '').split(/\s*\n\s*/).filter(Boolean);
  if (!urls.length) return <>—</>;
  return (
    <>
      {urls.map((url, i) => (
        <span key={i} className="evidence">
          <SafeLink url={url}>{urls.length > 1 ? `Подтверждение ${i + 1}` : 'Подтверждение'}</SafeLink>
        </span>
      ))}
    </>
  );
}

function ActivityTable({ activities, caption }: { activities: Activity[]; caption: string }) {
  return (
    <table className="activities">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">№</th>
          <th scope="col">Мероприятие</th>
          <th scope="col">Срок</th>
          <th scope="col">Статус</th>
          <th scope="col">Подтверждение</th>
        </tr>
      </thead>
      <tbody>
        {activities.map((a) => {
          const status = statusOf(a);
          return (
            <tr key={a.documentId}>
              <td>{a.code ?? ''}</td>
              <th scope="row">{a.title}</th>
              <td>{a.deadlineText || '—'}</td>
              <td>
                <span className={`status ${status.className}`}>{status.label}</span>
                {a.activityStatus === 'done' && a.completedAt ? (
                  <span className="muted"> {formatDate(a.completedAt)}</span>
                ) : null}
              </td>
              <td>
                <Evidence link={a.evidenceLink} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export interface RoadmapPageData {
  organisation: Organisation;
  roadmap: RoadmapSummary;
  progress: RoadmapProgress;
  versions: RoadmapSummary[];
  isCurrent: boolean;
}

export function RoadmapPage({ ctx, data }: { ctx: PageContext; data: RoadmapPageData }) {
  const { organisation, roadmap, progress, versions } = data;
  const base = `/${organisation.slug}/dorozhnaya-karta/`;
  const inProgress = progress.activities.filter((a) => a.activityStatus === 'in_progress').length;
  const sectionsWithActivities = progress.sections.filter((s) => s.total > 0);
  const unsectioned = progress.activities.filter(
    (a) => a.sectionIndex == null || !progress.sections.some((s) => s.index === a.sectionIndex),
  );
  const files = `${ctx.prefix}${base}${roadmap.documentId}/`;
  return (
    <Layout
      ctx={ctx}
      title={data.isCurrent ? 'Дорожная карта' : `Дорожная карта, версия ${roadmap.version ?? 1}`}
      description={`Дорожная карта внедрения целевой модели наставничества в организации «${organisation.name}» и ход её выполнения.`}
      organisation={organisation}
      current="dorozhnaya-karta/"
      crumbs={data.isCurrent ? undefined : [{ label: 'Дорожная карта', path: base }]}
    >
      <h1>
        Дорожная карта
        <span className="subtitle">{roadmap.shortTitle || roadmap.title}</span>
      </h1>
      {!data.isCurrent || roadmap.roadmapState === 'archived' ? (
        <p className="notice">Это архивная версия дорожной карты.</p>
      ) : null}
      <dl className="facts">
        <dt>Состояние</dt>
        <dd>{roadmapStates.label(roadmap.roadmapState as RoadmapState)}</dd>
        {roadmap.periodStart || roadmap.periodEnd ? (
          <>
            <dt>Период</dt>
            <dd>
              <Period start={roadmap.periodStart} end={roadmap.periodEnd} />
            </dd>
          </>
        ) : null}
        {roadmap.approvalOrderNumber || roadmap.approvalDate ? (
          <>
            <dt>Утверждена</dt>
            <dd>
              приказом{roadmap.approvalOrderNumber ? ` № ${roadmap.approvalOrderNumber}` : ''}
              {roadmap.approvalDate ? ` от ${formatDate(roadmap.approvalDate)}` : ''}
            </dd>
          </>
        ) : null}
        <dt>Скачать</dt>
        {/* The files are made from the published version, never from the draft shown here. */}
        <dd>
          {isPreviewed(ctx, roadmap.documentId) ? (
            'DOCX и XLSX — после публикации'
          ) : (
            <>
              <a href={`${files}file.docx`}>DOCX</a>, <a href={`${files}file.xlsx`}>XLSX</a>
            </>
          )}
        </dd>
      </dl>
      <h2>Ход выполнения на {formatDate(progress.today)}</h2>
      <ProgressLine
        id="progress-total"
        figures={{ total: progress.total, done: progress.done, inProgress, overdue: progress.overdueCount }}
      />
      {sectionsWithActivities.length ? (
        <table>
          <caption>Выполнение по разделам</caption>
          <thead>
            <tr>
              <th scope="col">Раздел</th>
              <th scope="col">Всего</th>
              <th scope="col">Выполнено</th>
              <th scope="col">Выполняется</th>
              <th scope="col">Просрочено</th>
            </tr>
          </thead>
          <tbody>
            {sectionsWithActivities.map((s) => (
              <tr key={s.index}>
                <th scope="row">
                  <a href={`#section-${s.index}`}>{[s.code, s.title].filter(Boolean).join(' ')}</a>
                </th>
                <td>{s.total}</td>
                <td>{s.done}</td>
                <td>{s.inProgress}</td>
                <td>{s.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2>Мероприятия</h2>
      {sectionsWithActivities.map((s) => (
        <section key={s.index} id={`section-${s.index}`} aria-labelledby={`section-title-${s.index}`}>
          <h3 id={`section-title-${s.index}`}>{[s.code, s.title].filter(Boolean).join(' ')}</h3>
          <ActivityTable
            caption={`Мероприятия раздела «${s.title}»`}
            activities={progress.activities.filter((a) => a.sectionIndex === s.index)}
          />
        </section>
      ))}
      {unsectioned.length ? (
        <ActivityTable
          caption={sectionsWithActivities.length ? 'Прочие мероприятия' : 'Мероприятия дорожной карты'}
          activities={unsectioned}
        />
      ) : null}
      {versions.length > 1 ? (
        <section aria-labelledby="versions">
          <h2 id="versions">Все версии</h2>
          <ul>
            {versions.map((v) => (
              <li key={v.documentId}>
                {v.documentId === roadmap.documentId ? (
                  <span aria-current="page">Версия {v.version ?? 1} (открыта)</span>
                ) : (
                  <a href={href(ctx, `${base}${v.documentId}/`)}>Версия {v.version ?? 1}</a>
                )}
                <span className="muted"> — {roadmapStates.label(v.roadmapState as RoadmapState)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

export function NoRoadmapPage({ ctx, organisation }: { ctx: PageContext; organisation: Organisation }) {
  return (
    <Layout
      ctx={ctx}
      title="Дорожная карта"
      description={`Дорожная карта организации «${organisation.name}».`}
      organisation={organisation}
      current="dorozhnaya-karta/"
    >
      <h1>Дорожная карта</h1>
      <p>Организация пока не опубликовала дорожную карту.</p>
    </Layout>
  );
}

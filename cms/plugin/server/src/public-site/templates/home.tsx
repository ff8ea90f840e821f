/**
 * An organisation's Главная: what mentoring is here, the curator (only with consent, redacted before
 * it gets here), documents with the road map as DOCX/XLSX, featured programmes and cases, partners,
 * latest news, and for a municipal or regional body the organisations below it with their progress.
 */
import {
  documentKinds,
  mentoringForms,
  partnerKinds,
  type DocumentKind,
  type MentoringForm,
  type PartnerKind,
} from '@nastavnik/shared';
import { href, type PageContext } from '../context.js';
import type { Case, NewsItem, Organisation, Partner, Programme, RoadmapSummary, Section } from '../data.js';
import type { PublicAward } from '../awards.js';
import { Layout } from './layout.js';
import { FileLink, formatDate, RichText, SafeLink, safeUrl } from './parts.js';
import { ProgressLine, type ProgressFigures } from './progress.js';

export interface ChildProgress {
  organisation: Organisation;
  roadmap?: RoadmapSummary;
  figures?: ProgressFigures;
}

export interface HomeData {
  organisation: Organisation;
  section: Section | null;
  roadmap?: RoadmapSummary;
  figures?: ProgressFigures;
  programmes: Programme[];
  cases: Case[];
  partners: Partner[];
  news: NewsItem[];
  children: ChildProgress[];
  /** Only awards marked for the site of mentors who consent to publication (`public-site/awards.ts`). */
  mentorAwards?: PublicAward[];
}

function Contact({ section }: { section: Section }) {
  const c = section.curatorContact;
  if (!c?.name && !c?.phone && !c?.email) return null;
  return (
    <section aria-labelledby="curator">
      <h2 id="curator">Куратор и контакты</h2>
      <p>
        {c.name}
        {c.position ? `, ${c.position}` : ''}
      </p>
      {c.phone ? (
        <p>
          Телефон: <SafeLink url={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</SafeLink>
        </p>
      ) : null}
      {c.email ? (
        <p>
          Эл. почта: <SafeLink url={`mailto:${c.email}`}>{c.email}</SafeLink>
        </p>
      ) : null}
    </section>
  );
}

function Documents({ ctx, data }: { ctx: PageContext; data: HomeData }) {
  const documents = data.section?.documents ?? [];
  const { roadmap, organisation } = data;
  if (!documents.length && !roadmap) return null;
  const base = roadmap ? `/${organisation.slug}/dorozhnaya-karta/${roadmap.documentId}/` : '';
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">Документы</h2>
      <ul>
        {documents.map((d, i) => (
          <li key={i}>
            {documentKinds.label(d.kind as DocumentKind)}:{' '}
            {d.file ? <FileLink file={d.file} title={d.title} /> : <SafeLink url={d.url}>{d.title}</SafeLink>}
            {d.date ? ` от ${formatDate(d.date)}` : ''}
          </li>
        ))}
        {roadmap ? (
          <li>
            Дорожная карта «{roadmap.shortTitle || roadmap.title}»:{' '}
            <a href={`${ctx.prefix}${base}file.docx`}>DOCX</a>
            {', '}
            <a href={`${ctx.prefix}${base}file.xlsx`}>XLSX</a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

export function HomePage({ ctx, data }: { ctx: PageContext; data: HomeData }) {
  const { organisation, section } = data;
  const base = `/${organisation.slug}/`;
  const joinUrl = safeUrl(section?.joinUrl);
  return (
    <Layout
      ctx={ctx}
      title={section?.title || 'Наставничество'}
      description={`Наставничество в организации «${organisation.name}»: дорожная карта, программы, показатели, лучшие практики, новости и как стать участником.`}
      organisation={organisation}
      current=""
    >
      <h1>
        {section?.title || 'Наставничество'}
        <span className="subtitle">{organisation.name}</span>
      </h1>
      <RichText value={section?.intro} />
      {organisation.website ? (
        <p>
          Сайт организации: <SafeLink url={organisation.website}>{organisation.website}</SafeLink>
        </p>
      ) : null}
      {joinUrl ? (
        <p>
          <a className="button" href={joinUrl}>
            Как стать участником
          </a>
        </p>
      ) : null}
      {section ? <Contact section={section} /> : null}
      {data.roadmap && data.figures ? (
        <section aria-labelledby="roadmap">
          <h2 id="roadmap">Дорожная карта</h2>
          <p>
            <a href={href(ctx, `${base}dorozhnaya-karta/`)}>
              {data.roadmap.shortTitle || data.roadmap.title}
            </a>
          </p>
          <ProgressLine figures={data.figures} id="roadmap-progress" />
        </section>
      ) : null}
      <Documents ctx={ctx} data={data} />
      {data.programmes.length ? (
        <section aria-labelledby="programmes">
          <h2 id="programmes">Программы наставничества</h2>
          <ul>
            {data.programmes.map((p) => (
              <li key={p.documentId}>
                <a href={href(ctx, `${base}programmy/#programme-${p.documentId}`)}>{p.title}</a>
                <span className="muted"> — форма «{mentoringForms.label(p.form as MentoringForm)}»</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.cases.length ? (
        <section aria-labelledby="cases">
          <h2 id="cases">Лучшие практики</h2>
          <ul>
            {data.cases.map((c) => (
              <li key={c.documentId}>
                <a href={href(ctx, `${base}luchshie-praktiki/${c.slug ?? c.documentId}/`)}>{c.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.news.length ? (
        <section aria-labelledby="news">
          <h2 id="news">Новости</h2>
          <ul>
            {data.news.map((n) => (
              <li key={n.documentId}>
                <a href={href(ctx, `${base}novosti/#news-${n.documentId}`)}>{n.title}</a>
                <span className="muted"> — {formatDate(n.date)}</span>
              </li>
            ))}
          </ul>
          <p>
            <a href={href(ctx, `${base}novosti/`)}>Все новости</a>
          </p>
        </section>
      ) : null}
      {data.partners.length ? (
        <section aria-labelledby="partners">
          <h2 id="partners">Партнёры</h2>
          <ul>
            {data.partners.map((p) => (
              <li key={p.documentId}>
                {p.name} <span className="muted">— {partnerKinds.label(p.kind as PartnerKind)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.mentorAwards?.length ? (
        <section aria-labelledby="mentor-awards">
          <h2 id="mentor-awards">Наши наставники</h2>
          <ul>
            {data.mentorAwards.map((a) => (
              <li key={`${a.mentor}-${a.kind}-${a.date}`}>
                {`${a.mentor} — ${a.kindLabel}${a.title ? ` ${a.title}` : ''}`}{' '}
                <span className="muted">({formatDate(a.date)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.children.length ? (
        <section aria-labelledby="below">
          <h2 id="below">Подведомственные организации</h2>
          <table>
            <caption>Ход выполнения дорожных карт подведомственных организаций</caption>
            <thead>
              <tr>
                <th scope="col">Организация</th>
                <th scope="col">Дорожная карта</th>
                <th scope="col">Выполнено</th>
                <th scope="col">Выполняется</th>
                <th scope="col">Просрочено</th>
              </tr>
            </thead>
            <tbody>
              {data.children.map(({ organisation: o, roadmap, figures }) => (
                <tr key={o.slug}>
                  <th scope="row">
                    <a href={href(ctx, `/${o.slug}/`)}>{o.shortName || o.name}</a>
                  </th>
                  <td>
                    {roadmap ? (
                      <a href={href(ctx, `/${o.slug}/dorozhnaya-karta/`)}>
                        {roadmap.shortTitle || roadmap.title}
                      </a>
                    ) : (
                      'не опубликована'
                    )}
                  </td>
                  <td>{figures ? `${figures.done} из ${figures.total}` : '—'}</td>
                  <td>{figures ? figures.inProgress : '—'}</td>
                  <td>{figures ? figures.overdue : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </Layout>
  );
}

/**
 * Лучшие практики: the case library with Russian full-text search and filters (a plain GET form, no
 * script), facet counts over the matches, highlighted snippets; and one page per case.
 */
import {
  mentoringForms,
  organisationKinds,
  type MentoringForm,
  type OrganisationKind,
} from '@nastavnik/shared';
import type { CaseHit, CaseSearchResult } from '../../cases/search.js';
import { formatVi } from '../settings.js';
import { href, type PageContext } from '../context.js';
import type { Case, Organisation } from '../data.js';
import { Layout } from './layout.js';
import { FileLink, Paragraphs, RichText, SafeLink, safeUrl, tagList } from './parts.js';

const caseDescription = (c: Case) => c.summary?.trim() || `Практика наставничества «${c.title}»`;

const FILTERS = ['form', 'kind', 'org', 'year', 'tag'] as const;
type Filter = (typeof FILTERS)[number];

const formLabel = (value: string) =>
  (mentoringForms.values as readonly string[]).includes(value)
    ? mentoringForms.label(value as MentoringForm)
    : value;
const kindLabel = (value: string) =>
  (organisationKinds.values as readonly string[]).includes(value)
    ? organisationKinds.label(value as OrganisationKind)
    : value;

/** Cases on one page of the library. */
export const CASES_PER_PAGE = 20;

export interface LibraryData {
  /** The section's organisation; absent on the library of every organisation. */
  organisation?: Organisation;
  result: CaseSearchResult;
  /** Which page of the matches this is, from 1. */
  page: number;
  /** Where the form sends its query: this page's own address. */
  path: string;
}

/** This page with the query changed: one filter set or cleared, the rest kept. */
function withQuery(
  ctx: PageContext,
  path: string,
  changes: Partial<Record<Filter | 'q' | 'page', string | null>>,
) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...ctx.query, ...changes }))
    if (value && (key === 'q' || key === 'page' || (FILTERS as readonly string[]).includes(key)))
      params.set(key, value);
  if (ctx.vi) params.set('vi', formatVi(ctx.vi));
  if (ctx.embed) params.set('embed', '1');
  const query = params.toString();
  return `${ctx.prefix}${path}${query ? `?${query}` : ''}`;
}

function Select({
  ctx,
  name,
  label,
  options,
}: {
  ctx: PageContext;
  name: Filter;
  label: string;
  options: Array<{ value: string; label: string; count: number }>;
}) {
  const current = ctx.query[name] ?? '';
  if (!options.length && !current) return null;
  return (
    <p className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={current}>
        <option value="">Все</option>
        {current && !options.some((o) => o.value === current) ? (
          <option value={current}>{current}</option>
        ) : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label} ({o.count})
          </option>
        ))}
      </select>
    </p>
  );
}

function Snippet({ hit }: { hit: CaseHit }) {
  if (!hit.snippet.length) return hit.summary ? <p>{hit.summary}</p> : null;
  return (
    <p className="snippet">
      {hit.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
    </p>
  );
}

export function CasesPage({ ctx, data }: { ctx: PageContext; data: LibraryData }) {
  const { organisation, result } = data;
  const { facets } = result;
  const q = ctx.query.q ?? '';
  const filtered = q || FILTERS.some((f) => ctx.query[f]);
  const pages = Math.ceil(result.total / CASES_PER_PAGE);
  return (
    <Layout
      ctx={ctx}
      title={organisation ? 'Лучшие практики' : 'Банк лучших практик наставничества'}
      description={
        organisation
          ? `Лучшие практики наставничества организации «${organisation.name}» и подведомственных: кейсы, одобренные методистом.`
          : 'Банк лучших практик наставничества: кейсы школ, колледжей и учреждений дополнительного образования, одобренные методистами.'
      }
      organisation={organisation}
      current="luchshie-praktiki/"
    >
      <h1>{organisation ? 'Лучшие практики' : 'Банк лучших практик наставничества'}</h1>
      <form method="get" action={`${ctx.prefix}${data.path}`} role="search" className="search-form">
        {ctx.vi ? <input type="hidden" name="vi" value={formatVi(ctx.vi)} /> : null}
        {ctx.embed ? <input type="hidden" name="embed" value="1" /> : null}
        <p className="field">
          <label htmlFor="search-q">Поиск по кейсам</label>
          <input id="search-q" type="search" name="q" defaultValue={q} />
        </p>
        <Select
          ctx={ctx}
          name="form"
          label="Форма наставничества"
          options={facets.form.map((f) => ({ ...f, label: formLabel(f.value) }))}
        />
        <Select
          ctx={ctx}
          name="kind"
          label="Вид организации"
          options={facets.organisationKind.map((f) => ({ ...f, label: kindLabel(f.value) }))}
        />
        <Select
          ctx={ctx}
          name="org"
          label="Организация (с подведомственными)"
          options={facets.organisation.map((f) => ({ ...f, label: f.name ?? f.value }))}
        />
        <Select
          ctx={ctx}
          name="year"
          label="Год"
          options={facets.year.map((f) => ({ ...f, label: f.value }))}
        />
        <Select
          ctx={ctx}
          name="tag"
          label="Тема"
          options={facets.tag.map((f) => ({ ...f, label: f.value }))}
        />
        <p>
          <button type="submit">Найти</button>
          {filtered ? (
            <>
              {' '}
              <a
                href={withQuery(ctx, data.path, {
                  q: null,
                  form: null,
                  kind: null,
                  org: null,
                  year: null,
                  tag: null,
                })}
              >
                Сбросить
              </a>
            </>
          ) : null}
        </p>
      </form>
      <p role="status">
        {result.total
          ? `Найдено кейсов: ${result.total}${pages > 1 ? `, страница ${data.page} из ${pages}` : ''}.`
          : filtered
            ? 'Ничего не найдено. Попробуйте другие слова или уберите фильтры.'
            : 'Кейсы пока не опубликованы.'}
      </p>
      <ul className="cards">
        {result.hits.map((hit) => (
          <li key={hit.documentId} className="card">
            <h2>
              <a
                href={href(
                  ctx,
                  `/${hit.organisation.slug ?? ''}/luchshie-praktiki/${encodeURIComponent(hit.slug ?? hit.documentId)}/`,
                )}
              >
                {hit.title}
              </a>
            </h2>
            <p className="muted">
              {[
                hit.form ? `Форма «${formLabel(hit.form)}»` : null,
                hit.organisation.name,
                hit.year ? String(hit.year) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <Snippet hit={hit} />
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label="Страницы результатов" className="pagination">
          {data.page > 1 ? (
            <a
              href={withQuery(ctx, data.path, { page: data.page > 2 ? String(data.page - 1) : null })}
              rel="prev"
            >
              ← Предыдущая страница
            </a>
          ) : null}{' '}
          {data.page < pages ? (
            <a href={withQuery(ctx, data.path, { page: String(data.page + 1) })} rel="next">
              Следующая страница →
            </a>
          ) : null}
        </nav>
      ) : null}
    </Layout>
  );
}

export function CasePage({
  ctx,
  organisation,
  item,
}: {
  ctx: PageContext;
  organisation: Organisation;
  item: Case;
}) {
  const authors = item.authors ?? [];
  const tags = tagList(item.tags);
  const images = ctx.vi ? ctx.vi.images : true;
  return (
    <Layout
      ctx={ctx}
      title={item.title}
      description={caseDescription(item)}
      organisation={organisation}
      current="luchshie-praktiki/"
      crumbs={[{ label: 'Лучшие практики', path: `/${organisation.slug}/luchshie-praktiki/` }]}
    >
      <article>
        <h1>{item.title}</h1>
        {item.summary ? <p className="lead">{item.summary}</p> : null}
        <dl className="facts">
          {item.form ? (
            <>
              <dt>Форма наставничества</dt>
              <dd>«{formLabel(item.form)}»</dd>
            </>
          ) : null}
          {item.audience ? (
            <>
              <dt>Для кого</dt>
              <dd>{item.audience}</dd>
            </>
          ) : null}
          {item.periodText ? (
            <>
              <dt>Период</dt>
              <dd>{item.periodText}</dd>
            </>
          ) : null}
          <dt>Организация</dt>
          <dd>{organisation.name}</dd>
          {authors.length ? (
            <>
              <dt>{authors.length > 1 ? 'Авторы' : 'Автор'}</dt>
              <dd>{authors.map((a) => [a.name, a.authorRole].filter(Boolean).join(', ')).join('; ')}</dd>
            </>
          ) : null}
          {tags.length ? (
            <>
              <dt>Темы</dt>
              <dd>{tags.join(', ')}</dd>
            </>
          ) : null}
        </dl>
        {item.problem ? (
          <section aria-labelledby="problem">
            <h2 id="problem">Проблема</h2>
            <Paragraphs text={item.problem} />
          </section>
        ) : null}
        {item.solution ? (
          <section aria-labelledby="solution">
            <h2 id="solution">Что сделано</h2>
            <RichText value={images ? item.solution : item.solution.replace(/<img\b[^>]*>/gi, '')} />
          </section>
        ) : null}
        {item.results ? (
          <section aria-labelledby="results">
            <h2 id="results">Результаты</h2>
            <Paragraphs text={item.results} />
          </section>
        ) : null}
        {item.materials?.length ? (
          <section aria-labelledby="materials">
            <h2 id="materials">Материалы</h2>
            <ul>
              {item.materials.map((m, i) => (
                <li key={i}>
                  <FileLink file={m} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {safeUrl(item.sourceUrl) ? (
          <p>
            Источник: <SafeLink url={item.sourceUrl}>{item.sourceUrl}</SafeLink>
          </p>
        ) : null}
      </article>
    </Layout>
  );
}

/** Лучшие практики: the organisation's approved, published cases, and one page per case. */
import { mentoringForms, type MentoringForm } from '@nastavnik/shared';
import { href, type PageContext } from '../context.js';
import type { Case, Organisation } from '../data.js';
import { Layout } from './layout.js';
import { FileLink, Paragraphs, RichText, SafeLink, safeUrl, tagList } from './parts.js';

const caseDescription = (c: Case) => c.summary?.trim() || `Практика наставничества «${c.title}»`;

export function CasesPage({
  ctx,
  organisation,
  cases,
}: {
  ctx: PageContext;
  organisation: Organisation;
  cases: Case[];
}) {
  return (
    <Layout
      ctx={ctx}
      title="Лучшие практики"
      description={`Лучшие практики наставничества организации «${organisation.name}»: кейсы, одобренные методистом.`}
      organisation={organisation}
      current="luchshie-praktiki/"
    >
      <h1>Лучшие практики</h1>
      {cases.length ? null : <p>Кейсы пока не опубликованы.</p>}
      <ul className="cards">
        {cases.map((c) => (
          <li key={c.documentId} className="card">
            <h2>
              <a href={href(ctx, `/${organisation.slug}/luchshie-praktiki/${c.slug ?? c.documentId}/`)}>
                {c.title}
              </a>
            </h2>
            {c.form ? <p className="muted">Форма «{mentoringForms.label(c.form as MentoringForm)}»</p> : null}
            {c.summary ? <p>{c.summary}</p> : null}
          </li>
        ))}
      </ul>
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
              <dd>«{mentoringForms.label(item.form as MentoringForm)}»</dd>
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

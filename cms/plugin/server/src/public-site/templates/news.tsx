/** Новости: news and events of the section, newest first, with images unless they are switched off. */
import { newsKinds, type NewsKind } from '@nastavnik/shared';
import type { PageContext } from '../context.js';
import type { NewsItem, Organisation } from '../data.js';
import { Layout } from './layout.js';
import { formatDate, isPreviewed, PreviewMark, RichText, safeUrl } from './parts.js';

export function NewsPage({
  ctx,
  organisation,
  news,
}: {
  ctx: PageContext;
  organisation: Organisation;
  news: NewsItem[];
}) {
  const images = ctx.vi ? ctx.vi.images : true;
  return (
    <Layout
      ctx={ctx}
      title="Новости"
      description={`Новости и мероприятия наставничества организации «${organisation.name}».`}
      organisation={organisation}
      current="novosti/"
    >
      <h1>Новости</h1>
      {news.length ? null : <p>Новостей пока нет.</p>}
      {news.map((n) => (
        <article
          key={n.documentId}
          id={`news-${n.documentId}`}
          aria-labelledby={`news-title-${n.documentId}`}
          className={isPreviewed(ctx, n.documentId) ? 'previewed' : undefined}
        >
          {isPreviewed(ctx, n.documentId) ? <PreviewMark /> : null}
          <h2 id={`news-title-${n.documentId}`}>{n.title}</h2>
          <p className="muted">
            {newsKinds.label(n.kind as NewsKind)}, <time dateTime={n.date}>{formatDate(n.date)}</time>
          </p>
          {images
            ? (n.images ?? []).map((img, i) => {
                const src = safeUrl(img.url);
                return src ? (
                  <img key={i} src={src} alt={img.alternativeText ?? ''} className="news-image" />
                ) : null;
              })
            : null}
          <RichText value={images ? n.body : n.body?.replace(/<img\b[^>]*>/gi, '')} />
        </article>
      ))}
    </Layout>
  );
}

/**
 * The frame of every page: metadata for search engines and social networks, the skip link, the
 * switch to the version for the visually impaired (and its settings panel when it is on), the
 * section's navigation and the footer. No scripts: everything works as plain links.
 */
import type { ReactNode } from 'react';
import { canonical, href, type PageContext } from '../context.js';
import { DEFAULT_VI, FONT_STEPS, SCHEMES, type Scheme, type ViSettings } from '../settings.js';
import type { Organisation } from '../data.js';

export const SITE_NAME = 'Наставничество';

/** The pages of one organisation's section, in menu order. */
export const SECTION_PAGES = [
  { path: '', label: 'Главная' },
  { path: 'dorozhnaya-karta/', label: 'Дорожная карта' },
  { path: 'programmy/', label: 'Программы' },
  { path: 'pokazateli/', label: 'Показатели' },
  { path: 'luchshie-praktiki/', label: 'Лучшие практики' },
  { path: 'novosti/', label: 'Новости' },
  { path: 'stat-uchastnikom/', label: 'Стать участником' },
] as const;

export interface Crumb {
  label: string;
  path: string;
}

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description: string;
  organisation?: Organisation;
  /** The menu item of the section this page belongs to. */
  current?: (typeof SECTION_PAGES)[number]['path'];
  crumbs?: Crumb[];
  children: ReactNode;
}

const FONT_LABELS: Record<number, string> = { 1: 'Обычный', 2: 'Крупный', 3: 'Очень крупный' };

function ViPanel({ ctx, vi }: { ctx: PageContext; vi: ViSettings }) {
  const link = (next: ViSettings, label: string, active: boolean, className?: string) => (
    <li key={label}>
      <a
        href={href(ctx, ctx.path, next)}
        className={className}
        {...(active ? { 'aria-current': 'true' as const } : {})}
      >
        {label}
      </a>
    </li>
  );
  return (
    <nav className="vi-panel" aria-label="Настройки версии для слабовидящих">
      <div className="vi-group">
        <span id="vi-size">Размер шрифта:</span>
        <ul aria-labelledby="vi-size">
          {FONT_STEPS.map((size) =>
            link({ ...vi, size }, FONT_LABELS[size] ?? String(size), vi.size === size, `vi-size-${size}`),
          )}
        </ul>
      </div>
      <div className="vi-group">
        <span id="vi-scheme">Цвета:</span>
        <ul aria-labelledby="vi-scheme">
          {(Object.keys(SCHEMES) as Scheme[]).map((scheme) =>
            link({ ...vi, scheme }, SCHEMES[scheme], vi.scheme === scheme, `vi-scheme-${scheme}`),
          )}
        </ul>
      </div>
      <div className="vi-group">
        <span id="vi-images">Изображения:</span>
        <ul aria-labelledby="vi-images">
          {link({ ...vi, images: true }, 'Показывать', vi.images)}
          {link({ ...vi, images: false }, 'Не показывать', !vi.images)}
        </ul>
      </div>
      <p className="vi-group">
        <a href={href(ctx, ctx.path, null)}>Обычная версия сайта</a>
      </p>
    </nav>
  );
}

export function Layout({ ctx, title, description, organisation, current, crumbs, children }: LayoutProps) {
  const vi = ctx.vi;
  const fullTitle = organisation ? `${title} — ${organisation.shortName || organisation.name}` : title;
  const htmlClass = vi
    ? `vi vi-size-${vi.size} vi-scheme-${vi.scheme}${vi.images ? '' : ' vi-noimg'}`
    : undefined;
  return (
    <html lang="ru" className={htmlClass}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        <link rel="canonical" href={canonical(ctx)} />
        {/* Each setting of the accessible version, the embedded copy and a preview are the same page:
            only the ordinary one is indexed. */}
        {vi || ctx.embed || ctx.preview ? <meta name="robots" content="noindex, follow" /> : null}
        <meta property="og:type" content="website" />
        <meta property="og:locale" content="ru_RU" />
        <meta
          property="og:site_name"
          content={organisation ? `${SITE_NAME}: ${organisation.name}` : SITE_NAME}
        />
        <meta property="og:title" content={fullTitle} />
        <meta property="og:description" content={description} />
        <meta property="og:url" content={canonical(ctx)} />
        <link rel="stylesheet" href={ctx.stylesheet} />
        {ctx.embed && ctx.frameScript ? <script src={ctx.frameScript} defer /> : null}
      </head>
      <body>
        <a className="skip-link" href="#main">
          Перейти к основному содержанию
        </a>
        {ctx.preview ? (
          <p className="preview-banner" role="note">
            Предпросмотр черновика: посетители этой версии не видят, пока её не опубликуют.
          </p>
        ) : null}
        <header className="site-header">
          <div className="container header-row">
            {/* Embedded, the host site is the frame: its own name and footer are not repeated. */}
            <p className={ctx.embed ? 'site-name embedded' : 'site-name'}>
              <a href={href(ctx, '/')}>{SITE_NAME}</a>
              {organisation ? (
                <>
                  {' · '}
                  <a href={href(ctx, `/${organisation.slug}/`)}>
                    {organisation.shortName || organisation.name}
                  </a>
                </>
              ) : null}
            </p>
            {vi ? null : (
              <p className="vi-switch">
                <a href={href(ctx, ctx.path, DEFAULT_VI)}>Версия для слабовидящих</a>
              </p>
            )}
          </div>
          {vi ? (
            <div className="container">
              <ViPanel ctx={ctx} vi={vi} />
            </div>
          ) : null}
          {organisation ? (
            <nav className="section-nav" aria-label="Разделы">
              <ul className="container">
                {SECTION_PAGES.map((page) => (
                  <li key={page.path}>
                    <a
                      href={href(ctx, `/${organisation.slug}/${page.path}`)}
                      {...(current === page.path ? { 'aria-current': 'page' as const } : {})}
                    >
                      {page.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        {crumbs?.length ? (
          <nav className="container breadcrumbs" aria-label="Вы здесь">
            <ol>
              {crumbs.map((crumb) => (
                <li key={crumb.path}>
                  <a href={href(ctx, crumb.path)}>{crumb.label}</a>
                </li>
              ))}
              <li aria-current="page">{title}</li>
            </ol>
          </nav>
        ) : null}
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        {ctx.embed ? null : (
          <footer className="site-footer">
            <div className="container">
              <p>
                {organisation ? `${organisation.name}. ` : ''}Раздел «Наставничество» о реализации целевой
                модели наставничества.
              </p>
              <p>
                <a href={href(ctx, '/')}>Все организации</a>
                {' · '}
                <a href={`${ctx.prefix}/sitemap.xml`}>Карта сайта</a>
              </p>
            </div>
          </footer>
        )}
      </body>
    </html>
  );
}

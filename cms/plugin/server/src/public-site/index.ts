/**
 * The public «Наставничество» section: server-rendered Russian pages mounted as plain routes of the
 * Strapi server (no /api prefix, no authentication, no client script) at the plugin's `publicPrefix`
 * (default `/nastavnichestvo`). Every page is read as an anonymous visitor, so it shows exactly what
 * the anonymous API may show; responses carry a strict Content-Security-Policy without scripts.
 */
import type { Context } from 'koa';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { reportUnexpectedError } from '../errors.js';
import { roadmapServiceOf } from '../services/access.js';
import { asAnonymous } from '../tenancy/actor.js';
import type { Strapi } from '../types.js';
import type { PageContext } from './context.js';
import { organisationBySlug, roadmapsOf, sitemapEntries } from './data.js';
import { cacheable, PAGES, type PageLoader, type PageParams } from './pages.js';
import { formatVi, parseVi } from './settings.js';
import { issueToken, receiveApplication } from './join.js';
import { JoinPage } from './templates/join.js';
import { JOIN_FIELDS } from '@nastavnik/shared';
import { STYLESHEET, STYLESHEET_HASH } from './stylesheet.js';
import { ErrorPage, ForbiddenPage, NotFoundPage } from './templates/errors.js';
import { bumpVersion, cached, compressed, currentVersion, store, type CachedPage } from './cache.js';
import {
  configuredEmbedOrigins,
  contentSecurityPolicy,
  EMBED_SCRIPT,
  FRAME_SCRIPT,
  FRAME_SCRIPT_HASH,
  originOf as siteOrigin,
} from './embed.js';
import { checkPreviewToken, previewKey, previewUrl, withPreview } from './preview.js';

export const DEFAULT_PREFIX = '/nastavnichestvo';

/** Ordinary pages: no scripts at all; styles and images from the site itself, framed only by it. */
const CSP = contentSecurityPolicy();

/** `/nastavnichestvo/` or `nastavnichestvo` → `/nastavnichestvo`. */
export function normalisePrefix(value: unknown): string {
  const raw = typeof value === 'string' && value.trim() ? value.trim() : DEFAULT_PREFIX;
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}

export function publicPrefix(strapi: Strapi): string {
  return normalisePrefix(strapi.plugin('nastavnik').config<string | undefined>('publicPrefix'));
}

/** The public origin: the configured server URL when there is one, the request's origin otherwise. */
function originOf(strapi: Strapi, ctx: Context): string {
  const configured = strapi.config.get<string>('server.url', '');
  return /^https?:\/\//.test(configured) ? configured.replace(/\/+$/, '') : ctx.origin;
}

/**
 * The query parameters a page reads (search words, filters, the join form's «sent»). Anything else is
 * dropped before rendering and from the cache key, so an address with made-up parameters is the same
 * cached page, not a fresh render and a new cache entry each time.
 */
const PAGE_PARAMS: ReadonlySet<string> = new Set([
  'q',
  'form',
  'kind',
  'org',
  'year',
  'tag',
  'page',
  'otpravleno',
]);

/** A document's preview page, absolute when the server's public address is configured. */
export async function previewAddress(strapi: Strapi, uid: string, documentId: string) {
  const path = await previewUrl(strapi, uid, documentId, publicPrefix(strapi));
  if (!path) return undefined;
  const configured = strapi.config.get<string>('server.url', '');
  return /^https?:\/\//.test(configured) ? `${configured.replace(/\/+$/, '')}${path}` : path;
}

function pageContext(strapi: Strapi, ctx: Context, prefix: string): PageContext {
  const path = ctx.path.slice(prefix.length) || '/';
  return {
    prefix,
    origin: originOf(strapi, ctx),
    path,
    vi: parseVi(ctx.query.vi),
    query: Object.fromEntries(
      Object.entries(ctx.query).flatMap(([key, value]) =>
        PAGE_PARAMS.has(key) && typeof value === 'string' ? [[key, value.slice(0, 200)]] : [],
      ),
    ),
    stylesheet: `${prefix}/assets/site-${STYLESHEET_HASH}.css`,
    embed: ctx.query.embed === '1',
    frameScript: `${prefix}/assets/frame-${FRAME_SCRIPT_HASH}.js`,
  };
}

/**
 * The policy of an embedded page: the height reporter may run, and the organisation's own website and
 * the configured origins may frame it. Other pages keep the strict policy.
 */
async function pagePolicy(strapi: Strapi, page: PageContext, org: string | undefined) {
  if (!page.embed) return CSP;
  const organisation = org ? await organisationBySlug(strapi, org) : null;
  const own = siteOrigin(organisation?.website);
  return contentSecurityPolicy({
    scripts: true,
    frameAncestors: [...(own ? [own] : []), ...configuredEmbedOrigins(strapi)],
  });
}

const html = (element: ReactElement) => `<!DOCTYPE html>${renderToStaticMarkup(element)}`;

function sendHtml(ctx: Context, status: number, body: string, csp = CSP) {
  ctx.status = status;
  ctx.set('Content-Security-Policy', csp);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = body;
}

/** Addresses end with a slash; the same page without it is sent there, keeping the query. */
function redirectToSlash(ctx: Context): boolean {
  if (ctx.path.endsWith('/')) return false;
  ctx.status = 301;
  ctx.redirect(`${ctx.path}/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
  return true;
}

/** A cached page to the client: compressed as it accepts, or 304 when its copy is current. */
function sendCached(ctx: Context, entry: CachedPage) {
  ctx.status = entry.status;
  if (entry.type.startsWith('text/html')) {
    ctx.set('Content-Security-Policy', CSP);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  }
  for (const [name, value] of Object.entries(entry.headers)) ctx.set(name, value);
  // Always revalidated: the ETag answers «unchanged» cheaply, and a change shows at once.
  ctx.set('Cache-Control', 'no-cache');
  ctx.set('Vary', 'Accept-Encoding');
  ctx.set('ETag', entry.etag);
  ctx.type = entry.type;
  if (entry.status === 200 && ctx.fresh) {
    ctx.status = 304;
    return;
  }
  const encoding = ctx.acceptsEncodings('br', 'gzip', 'identity');
  if (encoding === 'br' || encoding === 'gzip') {
    ctx.set('Content-Encoding', encoding);
    ctx.body = compressed(entry, encoding);
  } else ctx.body = entry.body;
}

/** The cache key: the public origin, the path and the parameters pages read, in a stable order. */
function cacheKey(strapi: Strapi, ctx: Context) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(ctx.query))
    if (PAGE_PARAMS.has(key) && typeof value === 'string') params.set(key, value.slice(0, 200));
  const vi = parseVi(ctx.query.vi);
  if (vi) params.set('vi', formatVi(vi));
  if (ctx.query.embed === '1') params.set('embed', '1');
  params.sort();
  return `${originOf(strapi, ctx)}${ctx.path}?${params.toString()}`;
}

/** Render through the cache: the version is read before any data, so a page is never older than its key. */
async function throughCache(
  strapi: Strapi,
  ctx: Context,
  render: () => Promise<{
    status: number;
    type: string;
    body: string | Buffer;
    headers?: Record<string, string>;
  }>,
) {
  const version = await currentVersion(strapi);
  const key = cacheKey(strapi, ctx);
  sendCached(ctx, cached(version, key) ?? store(version, key, await render()));
}

function pageHandler(strapi: Strapi, prefix: string, load: PageLoader) {
  return async (ctx: Context) => {
    if (redirectToSlash(ctx)) return;
    const page = pageContext(strapi, ctx, prefix);
    const params = ctx.params as PageParams;
    try {
      if (typeof ctx.query.preview === 'string') {
        await previewPage(strapi, ctx, { ...page, embed: false }, load, ctx.query.preview);
        return;
      }
      if (!cacheable(load)) {
        const element = await load(strapi, page, params);
        const csp = await pagePolicy(strapi, page, params.org);
        sendHtml(ctx, element ? 200 : 404, html(element ?? NotFoundPage({ ctx: page })), csp);
        return;
      }
      await throughCache(strapi, ctx, async () => {
        const element = await load(strapi, page, params);
        return {
          status: element ? 200 : 404,
          type: 'text/html; charset=utf-8',
          body: html(element ?? NotFoundPage({ ctx: page })),
          headers: { 'Content-Security-Policy': await pagePolicy(strapi, page, params.org) },
        };
      });
    } catch (error) {
      const errorId = reportUnexpectedError(strapi, error, `public page ${ctx.path}`);
      sendHtml(ctx, 500, html(ErrorPage({ ctx: page, errorId })));
    }
  };
}

/**
 * A page opened from the Content Manager's Preview: with a valid token, rendered afresh with the
 * previewed document's draft and never cached or indexed; otherwise 403, drafts stay hidden.
 */
async function previewPage(strapi: Strapi, ctx: Context, page: PageContext, load: PageLoader, token: string) {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Robots-Tag', 'noindex');
  const check = checkPreviewToken(previewKey(strapi), token);
  if (!check.ok) {
    const message =
      check.reason === 'expired'
        ? 'Ссылка предпросмотра устарела. Откройте предпросмотр заново из панели администратора.'
        : 'Ссылка предпросмотра недействительна. Откройте предпросмотр из панели администратора.';
    sendHtml(ctx, 403, html(ForbiddenPage({ ctx: page, message })));
    return;
  }
  const preview = { ...page, preview: { documentId: check.grant.documentId } };
  const element = await withPreview(check.grant, () => load(strapi, preview, ctx.params as PageParams));
  sendHtml(ctx, element ? 200 : 404, html(element ?? NotFoundPage({ ctx: preview })));
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

async function sitemapXml(strapi: Strapi, ctx: Context, prefix: string) {
  const origin = originOf(strapi, ctx);
  const urls = (await sitemapEntries(strapi)).map(
    (e) =>
      `<url><loc>${xmlEscape(`${origin}${prefix}${e.path}`)}</loc>${
        e.lastmod ? `<lastmod>${e.lastmod.slice(0, 10)}</lastmod>` : ''
      }</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`;
}

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The published road map as the school's own table, only for a road map of that organisation. */
async function roadmapFile(strapi: Strapi, ctx: Context, prefix: string) {
  const { org, roadmap, format } = ctx.params as PageParams;
  const organisation = org ? await organisationBySlug(strapi, org) : null;
  const versions = organisation ? await roadmapsOf(strapi, organisation.documentId) : [];
  if (
    !roadmap ||
    (format !== 'docx' && format !== 'xlsx') ||
    !versions.some((v) => v.documentId === roadmap)
  ) {
    sendHtml(ctx, 404, html(NotFoundPage({ ctx: pageContext(strapi, ctx, prefix) })));
    return;
  }
  const { bytes, filename } = await asAnonymous(() => roadmapServiceOf(strapi).exportFile(roadmap, format));
  ctx.set('Content-Type', MIME[format]);
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  ctx.body = Buffer.from(bytes);
}

const TEXT_FIELDS = JOIN_FIELDS.filter((f) => f !== 'consent' && f !== 'representativeConsent');

/** A «Стать участником» form sent: stored and redirected, or shown again with what is wrong. */
async function joinSubmission(strapi: Strapi, ctx: Context, prefix: string) {
  const page = pageContext(strapi, ctx, prefix);
  const { org } = ctx.params as PageParams;
  const organisation = org ? await organisationBySlug(strapi, org) : null;
  if (!organisation) {
    sendHtml(ctx, 404, html(NotFoundPage({ ctx: page })));
    return;
  }
  const raw: unknown = (ctx.request as { body?: unknown }).body;
  const body = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const vi = parseVi(body.vi);
  const embed = body.embed === '1';
  try {
    const outcome = await receiveApplication(strapi, organisation.documentId, body, ctx.ip);
    if (outcome.kind === 'stored') {
      ctx.status = 303;
      ctx.redirect(
        `${prefix}/${organisation.slug}/stat-uchastnikom/?otpravleno=1${vi ? `&vi=${formatVi(vi)}` : ''}${embed ? '&embed=1' : ''}`,
      );
      return;
    }
    const values = Object.fromEntries(
      TEXT_FIELDS.flatMap((f) => (typeof body[f] === 'string' ? [[f, body[f].slice(0, 2000)]] : [])),
    );
    const data = {
      organisation,
      values,
      errors: outcome.kind === 'invalid' ? outcome.errors : {},
      // A person who only mistyped keeps the time they have already spent on the form.
      token:
        outcome.kind === 'invalid' || outcome.keepToken
          ? typeof body.t === 'string'
            ? body.t
            : ''
          : issueToken(strapi, organisation.documentId),
      sent: false,
      refusal: outcome.kind === 'refused' ? outcome.message : undefined,
    };
    sendHtml(
      ctx,
      outcome.kind === 'refused' ? outcome.status : 400,
      html(JoinPage({ ctx: { ...page, vi, embed }, data })),
      await pagePolicy(strapi, { ...page, embed }, organisation.slug),
    );
  } catch (error) {
    const errorId = reportUnexpectedError(strapi, error, 'join form');
    sendHtml(ctx, 500, html(ErrorPage({ ctx: page, errorId })));
  }
}

/** Types no page shows: their writes (a PII read's log entry, an extension capture) keep the cache. */
const NEVER_SHOWN: ReadonlySet<string> = new Set([
  'plugin::nastavnik.access-log',
  'plugin::nastavnik.capture',
]);

const WRITES: ReadonlySet<string> = new Set([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
]);

export function registerPublicSite(strapi: Strapi) {
  const prefix = publicPrefix(strapi);
  // Any committed change to the plugin's data may show on some page (or stop showing): a new version.
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (
      context.uid.startsWith('plugin::nastavnik.') &&
      !NEVER_SHOWN.has(context.uid) &&
      WRITES.has(context.action)
    )
      await bumpVersion(strapi);
    return result;
  });
  const open = { auth: false as const };
  strapi.server.routes([
    {
      method: 'GET',
      path: `${prefix}/assets/site-:hash.css`,
      handler: (ctx: Context) => {
        ctx.type = 'text/css; charset=utf-8';
        ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
        ctx.body = STYLESHEET;
      },
      config: open,
    },
    {
      method: 'GET',
      path: `${prefix}/assets/frame-:hash.js`,
      handler: (ctx: Context) => {
        ctx.type = 'text/javascript; charset=utf-8';
        ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
        ctx.body = FRAME_SCRIPT;
      },
      config: open,
    },
    {
      // A stable address for the snippet schools paste once; revalidated daily.
      method: 'GET',
      path: `${prefix}/embed.js`,
      handler: (ctx: Context) => {
        ctx.type = 'text/javascript; charset=utf-8';
        ctx.set('Cache-Control', 'public, max-age=86400');
        ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
        ctx.body = EMBED_SCRIPT;
      },
      config: open,
    },
    {
      method: 'GET',
      path: `${prefix}/sitemap.xml`,
      handler: (ctx: Context) =>
        throughCache(strapi, ctx, async () => ({
          status: 200,
          type: 'application/xml; charset=utf-8',
          body: await sitemapXml(strapi, ctx, prefix),
        })),
      config: open,
    },
    {
      method: 'GET',
      path: `${prefix}/:org/dorozhnaya-karta/:roadmap/file.:format`,
      handler: (ctx: Context) => roadmapFile(strapi, ctx, prefix),
      config: open,
    },
    {
      method: 'POST',
      path: `${prefix}/:org/stat-uchastnikom/`,
      handler: (ctx: Context) => joinSubmission(strapi, ctx, prefix),
      config: open,
    },
    // The router matches the slash exactly: the address without it redirects to the one with it.
    ...PAGES.flatMap(([path, load]) => [
      {
        method: 'GET' as const,
        path: `${prefix}${path}`,
        handler: pageHandler(strapi, prefix, load),
        config: open,
      },
      {
        method: 'GET' as const,
        path: `${prefix}${path}`.replace(/\/$/, '') || '/',
        handler: pageHandler(strapi, prefix, load),
        config: open,
      },
    ]),
  ]);
  strapi.log.info(`[nastavnik] публичный раздел «Наставничество»: ${prefix}/`);
}

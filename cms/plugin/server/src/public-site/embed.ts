/**
 * Embedding the section in a school's own website. Two ways, both shown in the admin for copying:
 * - an `<iframe>` of the page with `?embed=1` followed by the plugin's small `embed.js`;
 * - one `<script src=".../embed.js" data-nastavnik-section="slug">` that inserts that iframe itself.
 * The embedded page loads `frame.js` (its only script, from the site itself: the CSP allows scripts
 * from 'self' only, never inline), which posts the page's height to the host; `embed.js` on the host
 * listens and sizes the iframe, accepting messages only from this site's origin and its own frames.
 * Which sites may frame the pages (`frame-ancestors`): the organisation's own website and the origins
 * configured in `embedOrigins` (PUBLIC_EMBED_ORIGINS); ordinary pages allow only this site.
 */
import { createHash } from 'node:crypto';
import type { Strapi } from '../types.js';

/** In the embedded page: report the content's height to the host page whenever it changes. */
export const FRAME_SCRIPT = `(function () {
  if (window.parent === window) return;
  var last = 0;
  function send() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (!height || height === last) return;
    last = height;
    window.parent.postMessage({ type: 'nastavnik:height', height: height }, '*');
  }
  if ('ResizeObserver' in window) new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener('load', send);
  send();
})();
`;

/** On the host page: insert the iframe for a script include, and size every embedded frame. */
export const EMBED_SCRIPT = `(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var base = script.src.replace(/\\/embed\\.js(\\?.*)?$/, '');
  var slug = script.getAttribute('data-nastavnik-section');
  if (slug && !script.hasAttribute('data-nastavnik-inserted')) {
    script.setAttribute('data-nastavnik-inserted', '');
    var frame = document.createElement('iframe');
    frame.src = base + '/' + encodeURIComponent(slug) + '/?embed=1';
    frame.title = script.getAttribute('data-title') || 'Наставничество';
    frame.setAttribute('data-nastavnik-embed', '');
    frame.setAttribute('loading', 'lazy');
    frame.style.width = '100%';
    frame.style.minHeight = '400px';
    frame.style.border = '0';
    script.parentNode.insertBefore(frame, script.nextSibling);
  }
  // Set through the DOM as well: a host page whose policy forbids inline style attributes keeps them.
  var all = document.querySelectorAll('iframe[data-nastavnik-embed]');
  for (var j = 0; j < all.length; j++) {
    all[j].style.width = '100%';
    all[j].style.border = '0';
  }
  if (window.__nastavnikEmbed) return;
  window.__nastavnikEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== 'nastavnik:height') return;
    var height = Number(data.height);
    if (!(height > 0 && height < 100000)) return;
    var frames = document.querySelectorAll('iframe[data-nastavnik-embed]');
    for (var i = 0; i < frames.length; i++)
      if (frames[i].contentWindow === event.source) frames[i].style.height = height + 'px';
  });
})();
`;

export const FRAME_SCRIPT_HASH = createHash('sha256').update(FRAME_SCRIPT).digest('hex').slice(0, 12);

/** `https://school.ru/page` → `https://school.ru`; anything that is not an http(s) address → null. */
export function originOf(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The configured origins allowed to embed every section (`*` = any https site). */
export function configuredEmbedOrigins(strapi: Strapi): string[] {
  const value = strapi.plugin('nastavnik').config('embedOrigins');
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list.flatMap((item) => {
    if (typeof item !== 'string') return [];
    if (item.trim() === '*') return ['https:'];
    const origin = originOf(item);
    return origin ? [origin] : [];
  });
}

/** Checked at start-up: a wrong entry is named instead of being silently ignored. */
export function validateEmbedOrigins(value: unknown) {
  if (value === undefined) return;
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  if (!list) throw new Error('nastavnik.embedOrigins: ожидался список адресов сайтов через запятую.');
  for (const item of list) {
    if (typeof item !== 'string') throw new Error('nastavnik.embedOrigins: адрес должен быть строкой.');
    if (item.trim() && item.trim() !== '*' && !originOf(item))
      throw new Error(
        `nastavnik.embedOrigins: «${item}» — не адрес сайта; пример: https://school.ru (или * — любой сайт по https).`,
      );
  }
}

export interface PagePolicy {
  /** Pages may run the site's own scripts (the embedded page's height reporter). */
  scripts: boolean;
  /** Origins besides this site that may show the page in a frame. */
  frameAncestors: string[];
}

/** The Content-Security-Policy of a page: no inline script ever; scripts from this site when embedded. */
export function contentSecurityPolicy(policy: PagePolicy = { scripts: false, frameAncestors: [] }) {
  return [
    "default-src 'none'",
    ...(policy.scripts ? ["script-src 'self'"] : []),
    "style-src 'self'",
    "img-src 'self' data: https:",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${["'self'", ...new Set(policy.frameAncestors)].join(' ')}`,
  ].join('; ');
}

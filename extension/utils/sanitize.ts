/**
 * Every piece of page HTML that leaves a page goes through here: captured articles and road-map
 * tables before they are sent, and again before the panel previews them (the CMS sanitises a
 * third time). The allow-lists are the project's one HTML policy (`shared/src/html-policy.ts`),
 * applied here with DOMPurify on the page's own DOM.
 */
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';
import { htmlPolicy, isAllowedUrl, LINK_REL, type HtmlProfile } from '@nastavnik/shared/html-policy';

/** `preview` is rich text shown inside the panel, where a followed link must open a tab. */
type Mode = 'article' | 'table' | 'preview';

const PROFILE: Readonly<Record<Mode, HtmlProfile>> = {
  article: 'richText',
  table: 'table',
  preview: 'richText',
};

/** DOMPurify takes flat lists; which attribute belongs to which tag is checked in the hook below. */
function configFor(mode: Mode): Config {
  const policy = htmlPolicy[PROFILE[mode]];
  const attributes = new Set(Object.values(policy.attributes).flat());
  if (mode === 'preview') attributes.add('target');
  return { ALLOWED_TAGS: [...policy.tags], ALLOWED_ATTR: [...attributes, 'rel'] };
}

const CONFIGS: Readonly<Record<Mode, Config>> = {
  article: configFor('article'),
  table: configFor('table'),
  preview: configFor('preview'),
};

const instances = new WeakMap<object, Map<Mode, DOMPurify>>();

function purifier(win: WindowLike, mode: Mode): DOMPurify {
  let byMode = instances.get(win);
  if (!byMode) instances.set(win, (byMode = new Map<Mode, DOMPurify>()));
  const cached = byMode.get(mode);
  if (cached) return cached;
  const purify = createDOMPurify(win);
  const policy = htmlPolicy[PROFILE[mode]];
  purify.addHook('afterSanitizeAttributes', (node) => {
    const tag = node.tagName.toLowerCase();
    const allowed = policy.attributes[tag] ?? [];
    for (const { name } of Array.from(node.attributes)) {
      if (name !== 'rel' && name !== 'target' && !allowed.includes(name)) node.removeAttribute(name);
    }
    for (const attribute of ['href', 'src'] as const) {
      const value = node.getAttribute(attribute);
      if (value !== null && !isAllowedUrl(attribute, value)) node.removeAttribute(attribute);
    }
    if (tag === 'img' && !node.getAttribute('src')) node.remove();
    if (tag === 'a') {
      node.removeAttribute('target');
      if (node.getAttribute('href')) node.setAttribute('rel', LINK_REL);
      else node.removeAttribute('rel');
      // The preview lives inside the panel: a followed link must open a tab, not replace the panel.
      if (mode === 'preview') node.setAttribute('target', '_blank');
    } else {
      node.removeAttribute('rel');
      node.removeAttribute('target');
    }
  });
  byMode.set(mode, purify);
  return purify;
}

function clean(html: string, win: WindowLike, mode: Mode): string {
  return purifier(win, mode)
    .sanitize(html, {
      ...CONFIGS[mode],
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      RETURN_TRUSTED_TYPE: false,
    })
    .trim();
}

export const sanitiseArticleHtml = (html: string, win: WindowLike): string => clean(html, win, 'article');
export const sanitiseTableHtml = (html: string, win: WindowLike): string => clean(html, win, 'table');
export const sanitisePreviewHtml = (html: string, win: WindowLike): string => clean(html, win, 'preview');

/** Rewrites relative links and image sources to absolute ones, so they still work once sent. */
export function absolutiseUrls(root: Element, base: string): void {
  for (const element of Array.from(root.querySelectorAll('[href], [src]'))) {
    for (const attribute of ['href', 'src']) {
      const value = element.getAttribute(attribute);
      if (value === null || value.startsWith('#')) continue;
      try {
        element.setAttribute(attribute, new URL(value, base).href);
      } catch {
        // Not an address at all («http://[»): nothing to keep, and the sanitiser would drop it anyway.
        element.removeAttribute(attribute);
      }
    }
  }
}

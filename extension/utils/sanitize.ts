/**
 * Every piece of page HTML that leaves a page goes through here: captured articles and road-map
 * tables before they are sent, and again before the panel previews them (the CMS sanitises a
 * third time). Allow-lists, not block-lists: a hostile page can only use what is listed.
 */
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';

const ARTICLE_TAGS = [
  'p',
  'br',
  'hr',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'sub',
  'sup',
  'span',
  'div',
  'a',
  'img',
  'figure',
  'figcaption',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
];
const TABLE_TAGS = [
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'colgroup',
  'col',
  'p',
  'br',
  'ul',
  'ol',
  'li',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'sub',
  'sup',
  'span',
  'div',
  'a',
];
const SAFE_URL = /^(?:https?:|mailto:|tel:|#)/i;
const SAFE_IMAGE_URL = /^https?:/i;

type Mode = 'article' | 'table' | 'preview';

const CONFIGS: Readonly<Record<Mode, Config>> = {
  article: { ALLOWED_TAGS: ARTICLE_TAGS, ALLOWED_ATTR: ['href', 'src', 'alt', 'colspan', 'rowspan'] },
  table: { ALLOWED_TAGS: TABLE_TAGS, ALLOWED_ATTR: ['href', 'colspan', 'rowspan'] },
  preview: {
    ALLOWED_TAGS: ARTICLE_TAGS,
    ALLOWED_ATTR: ['href', 'src', 'alt', 'colspan', 'rowspan', 'target', 'rel'],
  },
};

const instances = new WeakMap<object, Map<Mode, DOMPurify>>();

function purifier(win: WindowLike, mode: Mode): DOMPurify {
  let byMode = instances.get(win);
  if (!byMode) instances.set(win, (byMode = new Map()));
  const cached = byMode.get(mode);
  if (cached) return cached;
  const purify = createDOMPurify(win);
  purify.addHook('afterSanitizeAttributes', (node) => {
    const href = node.getAttribute('href');
    if (href !== null && !SAFE_URL.test(href.trim())) node.removeAttribute('href');
    const src = node.getAttribute('src');
    if (src !== null && !SAFE_IMAGE_URL.test(src.trim())) node.removeAttribute('src');
    if (node.tagName === 'IMG' && !node.getAttribute('src')) node.remove();
    if (mode === 'preview' && node.tagName === 'A') {
      // The preview lives inside the panel: a followed link must open a tab, not replace the panel.
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
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
    .toString()
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
        element.removeAttribute(attribute);
      }
    }
  }
}

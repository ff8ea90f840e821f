/**
 * The one HTML sanitising policy of the project. Rich text that a public page renders (case bodies,
 * news, section intros, captured articles) and road-map tables captured from pages are cleaned by it,
 * in the browser (the extension applies it with DOMPurify on a live DOM) and again on the server (the
 * plugin applies it with sanitize-html). Allow-lists, not block-lists: a hostile page can only use
 * what is listed here.
 */

export type HtmlProfile = 'richText' | 'table';

export interface HtmlProfilePolicy {
  readonly tags: readonly string[];
  /** Attributes allowed per tag; no other attribute survives (no style, class, id, on*, data-*). */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
}

const CELL = ['colspan', 'rowspan'] as const;

const TABLE_TAGS = ['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'] as const;
const INLINE_TAGS = ['b', 'strong', 'i', 'em', 'u', 'sub', 'sup', 'span', 'a', 'br'] as const;
const BLOCK_TAGS = ['p', 'div', 'ul', 'ol', 'li'] as const;

export const htmlPolicy: Readonly<Record<HtmlProfile, HtmlProfilePolicy>> = {
  richText: {
    tags: [
      ...BLOCK_TAGS,
      ...INLINE_TAGS,
      ...TABLE_TAGS,
      'hr',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'blockquote',
      'pre',
      'code',
      's',
      'img',
      'figure',
      'figcaption',
    ],
    attributes: { a: ['href', 'title'], img: ['src', 'alt'], td: CELL, th: CELL },
  },
  // A road-map table keeps its structure (merged cells, column groups, lists inside cells) for the
  // import engine, and nothing that would render as a page of its own.
  table: {
    tags: [...BLOCK_TAGS, ...INLINE_TAGS, ...TABLE_TAGS, 'colgroup', 'col'],
    attributes: { a: ['href'], td: CELL, th: CELL, col: ['span'], colgroup: ['span'] },
  },
};

/** What every kept link gets: a visitor leaving for another site takes no referrer and gives no rank. */
export const LINK_REL = 'noopener noreferrer nofollow';

// A path on the same site («/uploads/…») is kept; a protocol-relative «//host» is not, it hides a scheme.
const LINK_URL = /^(?:https?:|mailto:|tel:|#|\/(?!\/))/i;
const IMAGE_URL = /^(?:https?:|\/(?!\/))/i;

/**
 * Whether a link or image address may stay. Addresses relative to a page («../x») are dropped: captured
 * HTML leaves the page it was written on, so captures make their addresses absolute before sanitising.
 */
export function isAllowedUrl(attribute: 'href' | 'src', value: string): boolean {
  return (attribute === 'src' ? IMAGE_URL : LINK_URL).test(value.trim());
}

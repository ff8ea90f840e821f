/** Small string helpers shared by the readers and parsers. Internal: not re-exported from the package. */

/** Non-breaking and other exotic spaces become plain ones, runs of whitespace one space. */
export function collapse(value: string): string {
  return value.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
}

/** Lines of a cell trimmed and collapsed, empty ones dropped. */
export function cleanLines(value: string): string[] {
  return value
    .split('\n')
    .map(collapse)
    .filter((line) => line.length > 0);
}

/** Lower case with ё folded to е and every dash to a hyphen, for matching only (never stored). */
export function fold(value: string): string {
  return collapse(value)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** The first letter of the text (after quotes, brackets, list markers) is a lower-case one. */
export function startsLowercase(value: string): boolean {
  const match = /[A-Za-zА-Яа-яЁё]/.exec(value);
  if (!match) return false;
  const ch = match[0];
  return ch === ch.toLowerCase() && ch !== ch.toUpperCase();
}

/** Joins two pieces of a cell split by a page break: a word broken at a hyphen is glued back. */
export function joinPieces(first: string, second: string, separator = ' '): string {
  if (!first) return second;
  if (!second) return first;
  if (/[A-Za-zА-Яа-яЁё]-$/.test(first)) return first + second;
  return first + separator + second;
}

/**
 * Capture group `index` of a regex match, as a string. Callers read groups their pattern always
 * fills; '' stands for a group that did not take part, which nothing here tells apart from an empty one.
 */
export function group(match: ReadonlyArray<string | undefined>, index: number): string {
  return match[index] ?? '';
}

export function upperFirst(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim().length === 0;
}

/** `1.`, `a.`, `3.2`, `35.1.`, `IV`, `1)` — what the «№» column of a road map holds. */
export function isCodeLike(value: string): boolean {
  if (value.length > 40) return false;
  return /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[a-zа-я]\.?|[a-zа-я]\)|\d{1,3}\)|[ivx]{1,5}\.?)$/i.test(
    collapse(value),
  );
}

/** The segments of a numeric code: `35.1.` → ['35', '1']; a letter code → ['a']. */
export function codeSegments(code: string): string[] {
  return collapse(code)
    .replace(/[.)]+$/, '')
    .split('.')
    .filter((part) => part.length > 0);
}

export function codeClass(code: string): 'number' | 'letter' | 'roman' | 'other' {
  const c = collapse(code).replace(/[.)]+$/, '');
  if (/^\d+(?:\.\d+)*$/.test(c)) return 'number';
  if (/^[ivx]+$/i.test(c) && c.length > 1) return 'roman';
  if (/^[a-zа-я]$/i.test(c)) return 'letter';
  return 'other';
}

/** `35.1.` is a child of `35`; `a.` (a letter) is a child of any number or roman numeral. */
export function isChildCode(child: string, parent: string): boolean {
  const cc = codeClass(child);
  const pc = codeClass(parent);
  if (cc === 'number' && pc === 'number') {
    const c = codeSegments(child);
    const p = codeSegments(parent);
    return c.length > p.length && p.every((segment, i) => c[i] === segment);
  }
  if (cc === 'letter') return pc === 'number' || pc === 'roman';
  if (cc === 'number') return pc === 'roman';
  return false;
}

const MAX_QUOTE = 120;
/** «…» for messages; long values are shortened so a warning stays readable. */
export function quote(value: string): string {
  const v = collapse(value);
  return `«${v.length > MAX_QUOTE ? `${v.slice(0, MAX_QUOTE - 1)}…` : v}»`;
}

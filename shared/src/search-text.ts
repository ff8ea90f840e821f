/**
 * Russian full-text search, the parts both databases share: words are lower-cased with «ё» read as
 * «е», Snowball's Russian stop words are dropped (the list PostgreSQL's `russian` configuration uses),
 * and what is left is stemmed by the caller's Snowball stemmer, so «наставнику» and «наставники» meet
 * at «наставник». Snippets mark the words of a text whose stems were searched for.
 */

/** A Snowball stemmer for Russian, given by the caller (the plugin uses @orama/stemmers). */
export type Stemmer = (word: string) => string;

/** Snowball's Russian stop words, as in PostgreSQL's tsearch_data/russian.stop. */
export const RUSSIAN_STOP_WORDS: ReadonlySet<string> = new Set([
  'и',
  'в',
  'во',
  'не',
  'что',
  'он',
  'на',
  'я',
  'с',
  'со',
  'как',
  'а',
  'то',
  'все',
  'она',
  'так',
  'его',
  'но',
  'да',
  'ты',
  'к',
  'у',
  'же',
  'вы',
  'за',
  'бы',
  'по',
  'только',
  'ее',
  'мне',
  'было',
  'вот',
  'от',
  'меня',
  'еще',
  'нет',
  'о',
  'из',
  'ему',
  'теперь',
  'когда',
  'даже',
  'ну',
  'вдруг',
  'ли',
  'если',
  'уже',
  'или',
  'ни',
  'быть',
  'был',
  'него',
  'до',
  'вас',
  'нибудь',
  'опять',
  'уж',
  'вам',
  'ведь',
  'там',
  'потом',
  'себя',
  'ничего',
  'ей',
  'может',
  'они',
  'тут',
  'где',
  'есть',
  'надо',
  'ней',
  'для',
  'мы',
  'тебя',
  'их',
  'чем',
  'была',
  'сам',
  'чтоб',
  'без',
  'будто',
  'чего',
  'раз',
  'тоже',
  'себе',
  'под',
  'будет',
  'ж',
  'тогда',
  'кто',
  'этот',
  'того',
  'потому',
  'этого',
  'какой',
  'совсем',
  'ним',
  'здесь',
  'этом',
  'один',
  'почти',
  'мой',
  'тем',
  'чтобы',
  'нее',
  'сейчас',
  'были',
  'куда',
  'зачем',
  'всех',
  'никогда',
  'можно',
  'при',
  'наконец',
  'два',
  'об',
  'другой',
  'хоть',
  'после',
  'над',
  'больше',
  'тот',
  'через',
  'эти',
  'нас',
  'про',
  'всего',
  'них',
  'какая',
  'много',
  'разве',
  'три',
  'эту',
  'моя',
  'впрочем',
  'хорошо',
  'свою',
  'этой',
  'перед',
  'иногда',
  'лучше',
  'чуть',
  'том',
  'нельзя',
  'такой',
  'им',
  'более',
  'всегда',
  'конечно',
  'всю',
  'между',
]);

const WORD = /[\p{L}\p{N}]+/gu;

export const normaliseWord = (word: string) => word.toLowerCase().replace(/ё/g, 'е');

interface Token {
  word: string;
  start: number;
  end: number;
  stem: string | null;
}

function tokens(text: string, stem: Stemmer): Token[] {
  return [...text.matchAll(WORD)].map((m) => {
    const word = normaliseWord(m[0]);
    return {
      word,
      start: m.index,
      end: m.index + m[0].length,
      stem: RUSSIAN_STOP_WORDS.has(word) ? null : stem(word),
    };
  });
}

/** The distinct stems a query searches for, in the order written; stop words and symbols drop out. */
export function searchTerms(query: string, stem: Stemmer): string[] {
  return [...new Set(tokens(query, stem).flatMap((t) => (t.stem ? [t.stem] : [])))];
}

/** A text as the stems it contains, for an index that matches stems (SQLite FTS5). */
export const stemmedText = (text: string, stem: Stemmer) =>
  tokens(text, stem)
    .flatMap((t) => (t.stem ? [t.stem] : []))
    .join(' ');

/** Text as a search engine should read it: lower case, «ё» as «е» (PostgreSQL does not fold it). */
export const searchableText = (text: string) => normaliseWord(text);

export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * The stretch of `text` (about `words` words) holding the most searched-for words, split into parts
 * with the matching words marked; the beginning of the text when nothing matches.
 */
export function snippet(text: string, terms: readonly string[], stem: Stemmer, words = 30): SnippetPart[] {
  const all = tokens(text, stem);
  if (!all.length) return [];
  const wanted = new Set(terms);
  const hit = all.map((t) => (t.stem !== null && wanted.has(t.stem) ? 1 : 0));
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    count += hit[i] ?? 0;
    if (i >= words) count -= hit[i - words] ?? 0;
    const start = Math.max(0, i - words + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  // Start a little before the first match so it reads in context.
  const firstHit = hit.indexOf(1, best);
  const from = firstHit > best + 5 ? Math.max(best, firstHit - 5) : best;
  const window = all.slice(from, from + words);
  const first = window[0];
  const last = window[window.length - 1];
  if (!first || !last) return [];
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '… ', match: false });
  let at = first.start;
  for (const token of window) {
    if (token.stem === null || !wanted.has(token.stem)) continue;
    if (token.start > at) parts.push({ text: text.slice(at, token.start), match: false });
    parts.push({ text: text.slice(token.start, token.end), match: true });
    at = token.end;
  }
  if (last.end > at) parts.push({ text: text.slice(at, last.end), match: false });
  if (from + words < all.length) parts.push({ text: ' …', match: false });
  return parts;
}

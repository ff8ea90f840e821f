/** A title cut at a word boundary for lists and headers (the full title stays in its own field). */
export const shorten = (text: string, max = 200) =>
  text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;

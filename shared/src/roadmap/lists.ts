/**
 * Lists written inside a cell: real <ol>/<li> items (one per line, with a marker), numbering typed
 * inline («1. Проведение… 2. Сбор…», 001) and dashes after a colon («…групп: - встреча-знакомство;
 * - пробная встреча», 000, 002). A road map's content is a list of steps, so it is kept as one.
 */
import { collapse, group } from './text.js';

export interface SplitList {
  /** Text before the first item («Организация работы наставнических пар или групп:»). */
  lead: string;
  items: string[];
}

const DASH_LINE = /^[-–—•·▪*]\s*/;
const INLINE_DASH = /[;.]\s*[-–—•]\s+/;

function tidyItem(item: string): string {
  // Separators between items go; the author's own full stops stay.
  return collapse(item).replace(/\s*[;,]+$/, '');
}

function splitDashes(text: string): string[] {
  return text
    .split(INLINE_DASH)
    .map(tidyItem)
    .filter((item) => item.length > 0);
}

/** «1.» «2.» … typed in running text, only when they count up from 1 in order. */
function inlineNumbered(text: string): SplitList | null {
  const re = /(^|[\s>(])(\d{1,2})[.)]\s*(?=[«"„(]?[A-Za-zА-Яа-яЁё])/g;
  const starts: Array<{ at: number; body: number }> = [];
  let expected = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (Number(m[2]) !== expected) continue;
    starts.push({ at: m.index + group(m, 1).length, body: m.index + m[0].length });
    expected += 1;
  }
  const [first] = starts;
  if (!first) return null;
  const lead = collapse(text.slice(0, first.at));
  // A lone «1.» deep inside a sentence is a reference, not a list.
  if (starts.length === 1 && lead.length > 0) return null;
  const items = starts.map((start, i) => tidyItem(text.slice(start.body, starts[i + 1]?.at ?? text.length)));
  return { lead, items: items.filter((item) => item.length > 0) };
}

/**
 * The list in a cell, or null when the cell is plain text. Lines come from <p>/<li>/<br> or from a
 * text export's line breaks inside the cell.
 */
export function splitList(text: string): SplitList | null {
  const lines = text
    .split('\n')
    .map(collapse)
    .filter((line) => line.length > 0);
  if (lines.length === 0) return null;
  const joined = lines.join(' ');

  // Numbering counts up across lines and inside them alike («1. …» then «2. … 3. …»).
  const numbered = inlineNumbered(joined);
  if (numbered && (numbered.lead === '' || numbered.items.length > 1 || numbered.lead.endsWith(':')))
    return numbered;

  const firstDash = lines.findIndex((line) => DASH_LINE.test(line));
  if (firstDash >= 0) {
    const items: string[] = [];
    for (const line of lines.slice(firstDash)) {
      const marker = DASH_LINE.exec(line);
      if (marker) items.push(line.slice(marker[0].length));
      else if (items.length > 0) items[items.length - 1] = `${items[items.length - 1]} ${line}`;
    }
    // One dashed line can still hold the rest of the list inline: «- сроки…; - назначение…».
    const flat = items.flatMap(splitDashes);
    if (flat.length > 0) return { lead: collapse(lines.slice(0, firstDash).join(' ')), items: flat };
  }

  const colon = /:\s*[-–—•]\s+/.exec(joined);
  if (colon) {
    const lead = collapse(joined.slice(0, colon.index + 1));
    const items = splitDashes(joined.slice(colon.index + colon[0].length));
    if (items.length > 0) return { lead, items };
  }
  return null;
}

/** Content of a cell as the draft keeps it: list items, or the text when it is not a list. */
export function contentOf(text: string): string | string[] | undefined {
  const list = splitList(text);
  if (list) return list.lead ? [list.lead, ...list.items] : list.items;
  const plain = collapse(text.replace(/\n/g, ' '));
  return plain.length > 0 ? plain : undefined;
}

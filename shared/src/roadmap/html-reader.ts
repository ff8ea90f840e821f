/**
 * HTML to the document model with htmlparser2 (no DOM: this runs in the CMS, in the extension's
 * service worker and in tests alike). Tables become grids with merged cells expanded; everything
 * else becomes paragraphs. Also used for the HTML fragments text exports leave inside cells
 * (`<p>…</p>`, `<ol>`, `<i>formula</i>`).
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import {
  emptyCell,
  MAX_COLUMNS,
  MAX_ROWSPAN,
  type Block,
  type Cell,
  type SourceDocument,
  type TableRow,
} from './document.js';
import { findActivityHeader } from './header.js';
import { cleanLines, collapse } from './text.js';

const SKIPPED = new Set([
  'script',
  'style',
  'head',
  'template',
  'noscript',
  'svg',
  'object',
  'iframe',
  'title',
]);
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'pre',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'address',
  'center',
  'form',
  'fieldset',
  'hr',
]);
const ITALIC = new Set(['i', 'em']);
const BOLD = new Set(['b', 'strong', 'h1', 'h2', 'h3']);
const LIST_MARKER = /^(?:\d{1,2}[.)]|[-–—•·▪*])(?:\s|$)/;

/** Matches a tag, so plain text with «<» or «&» in it is not run through the HTML parser. */
export const HAS_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;

function parse(html: string) {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

function childrenOf(node: AnyNode): AnyNode[] {
  return 'children' in node ? node.children : [];
}

interface LineState {
  lines: string[];
  buffer: string;
  italic: string[];
}

function flush(state: LineState): void {
  const line = collapse(state.buffer);
  if (line) state.lines.push(line);
  state.buffer = '';
}

function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (isTag(node) && SKIPPED.has(node.name)) return '';
  if (isTag(node) && node.name === 'br') return ' ';
  return childrenOf(node).map(textOf).join('');
}

/** Renders nodes as lines; list items get a marker unless the author typed one. */
function renderLines(nodes: AnyNode[], state: LineState): void {
  for (const node of nodes) {
    if (isText(node)) {
      state.buffer += node.data;
      continue;
    }
    if (!isTag(node) || SKIPPED.has(node.name)) continue;
    const name = node.name;
    if (name === 'br') {
      flush(state);
      continue;
    }
    if (ITALIC.has(name)) {
      const run = collapse(textOf(node));
      if (run) state.italic.push(run);
    }
    if (name === 'ol' || name === 'ul') {
      flush(state);
      let counter = Number.parseInt(node.attribs.start ?? '1', 10);
      if (!Number.isFinite(counter)) counter = 1;
      for (const child of node.children) {
        if (isTag(child) && child.name === 'li') {
          const inner: LineState = { lines: [], buffer: '', italic: state.italic };
          renderLines(child.children, inner);
          flush(inner);
          const [first, ...rest] = inner.lines;
          if (first !== undefined) {
            const marker = LIST_MARKER.test(first) ? '' : name === 'ol' ? `${counter}. ` : '- ';
            state.lines.push(marker + first, ...rest);
          }
          counter += 1;
        } else renderLines([child], state);
      }
      flush(state);
      continue;
    }
    const block = BLOCK.has(name);
    if (block) flush(state);
    renderLines(node.children, state);
    if (block) flush(state);
  }
}

function cellOf(nodes: AnyNode[]): Cell {
  const state: LineState = { lines: [], buffer: '', italic: [] };
  renderLines(nodes, state);
  flush(state);
  return { text: state.lines.join('\n'), italic: state.italic };
}

/** A cell of a text export that holds HTML (`<p>…</p> <p>…</p>`, `… <i>(formula)</i>`). */
export function cellFromHtml(fragment: string): Cell {
  return cellOf(parse(fragment).children);
}

/** A cell of a text export: HTML fragments are rendered, plain text is only tidied. */
export function cellFromText(raw: string): Cell {
  if (HAS_TAG.test(raw)) return cellFromHtml(raw);
  return { text: cleanLines(raw.replace(/\*\*/g, '')).join('\n'), italic: [] };
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (!isTag(child)) continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') walk(child);
    }
  };
  walk(table);
  return rows;
}

function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** The table as a grid: merged cells expanded so every row has a cell per column. */
function tableGrid(table: Element): TableRow[] {
  // Each <tr> with its row of the grid, which cells spanned from rows above may already fill.
  const grid = rowsOf(table).map((tr): { tr: Element; row: Array<Cell | undefined> } => ({ tr, row: [] }));
  grid.forEach(({ tr, row }, r) => {
    let col = 0;
    for (const td of tr.children) {
      if (!isTag(td) || (td.name !== 'td' && td.name !== 'th')) continue;
      while (row[col] !== undefined) col += 1;
      if (col >= MAX_COLUMNS) break;
      const colspan = Math.min(span(td.attribs.colspan, MAX_COLUMNS), MAX_COLUMNS - col);
      const rowspan = span(td.attribs.rowspan, MAX_ROWSPAN);
      const cell = cellOf(td.children);
      for (let dr = 0; dr < rowspan; dr += 1) {
        // A rowspan reaching past the last row stops there.
        const target = grid[r + dr]?.row;
        if (!target) break;
        for (let dc = 0; dc < colspan; dc += 1) {
          if (target[col + dc] !== undefined) continue;
          if (dr === 0 && dc === 0) target[col] = cell;
          else if (dc === 0) target[col] = { ...cell, spanned: 'row' };
          else target[col + dc] = { ...emptyCell(), spanned: 'col' };
        }
      }
      col += colspan;
    }
  });
  return grid.map(({ row }, r) => {
    const cells: Cell[] = [];
    // for…of visits holes too (a row's own cells may stop short of one spanned into it from above);
    // map would skip them.
    for (const cell of row) cells.push(cell ?? emptyCell());
    return { cells, source: r + 1, afterBreak: false };
  });
}

function containsTable(node: Element): boolean {
  return node.children.some((child) => isTag(child) && (child.name === 'table' || containsTable(child)));
}

interface ParagraphState {
  text: string;
  boldChars: number;
  chars: number;
}

/** A whole HTML page (or mammoth's rendering of a DOCX) as paragraphs and tables. */
export function readHtml(html: string): SourceDocument {
  const blocks: Block[] = [];
  const paragraph: ParagraphState = { text: '', boldChars: 0, chars: 0 };
  const flushParagraph = (): void => {
    const lines = cleanLines(paragraph.text);
    if (lines.length > 0) {
      const letters = paragraph.chars;
      blocks.push({
        kind: 'paragraph',
        text: lines.join('\n'),
        bold: letters > 0 && paragraph.boldChars / letters >= 0.8,
      });
    }
    paragraph.text = '';
    paragraph.boldChars = 0;
    paragraph.chars = 0;
  };
  const visit = (node: AnyNode, bold: boolean): void => {
    if (isText(node)) {
      // Source line wraps are not line breaks; only <br> and block ends are.
      paragraph.text += node.data.replace(/\s+/g, ' ');
      const letters = node.data.replace(/[^A-Za-zА-Яа-яЁё0-9]/g, '').length;
      paragraph.chars += letters;
      if (bold) paragraph.boldChars += letters;
      return;
    }
    if (!isTag(node)) {
      for (const child of childrenOf(node)) visit(child, bold);
      return;
    }
    if (SKIPPED.has(node.name)) return;
    if (node.name === 'table' && containsTable(node) && !findActivityHeader(tableGrid(node))) {
      // Old school sites lay pages out with tables: a table holding tables (and no road-map header of
      // its own) is layout, not data, so its cells are read as page content and the inner tables as tables.
      flushParagraph();
      for (const child of node.children) visit(child, bold);
      flushParagraph();
      return;
    }
    if (node.name === 'table') {
      flushParagraph();
      const caption = node.children.find(
        (child): child is Element => isTag(child) && child.name === 'caption',
      );
      if (caption) {
        const text = cleanLines(textOf(caption)).join('\n');
        if (text) blocks.push({ kind: 'paragraph', text, bold: true });
      }
      blocks.push({ kind: 'table', rows: tableGrid(node) });
      return;
    }
    if (node.name === 'br') {
      paragraph.text += '\n';
      return;
    }
    if (node.name === 'ol' || node.name === 'ul') {
      // List items outside tables keep their numbers too («1. Основные положения»), as in cells.
      flushParagraph();
      let counter = Number.parseInt(node.attribs.start ?? '1', 10);
      if (!Number.isFinite(counter)) counter = 1;
      for (const child of node.children) {
        if (isTag(child) && child.name === 'li') {
          const text = collapse(textOf(child));
          if (text && !LIST_MARKER.test(text)) paragraph.text += node.name === 'ol' ? `${counter}. ` : '- ';
          for (const grandchild of child.children) visit(grandchild, bold);
          flushParagraph();
          counter += 1;
        } else visit(child, bold);
      }
      flushParagraph();
      return;
    }
    const block = BLOCK.has(node.name);
    if (block) flushParagraph();
    const childBold = bold || BOLD.has(node.name);
    for (const child of node.children) visit(child, childBold);
    if (block) flushParagraph();
  };
  for (const node of parse(html).children as AnyNode[]) visit(node, false);
  flushParagraph();
  return { blocks };
}

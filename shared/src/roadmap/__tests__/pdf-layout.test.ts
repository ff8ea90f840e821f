/**
 * The PDF layout on pages built by hand: what pdf.js would hand over (words at positions, ruling
 * lines), without a PDF. Each case is one thing a published road map does.
 */
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../document.js';
import { layoutPdf, type PdfPage, type PdfRule, type PdfText } from '../pdf-layout.js';

const SIZE = 10;
const word = (text: string, x: number, y: number, extra: Partial<PdfText> = {}): PdfText => ({
  text,
  x0: x,
  x1: x + text.length * 5,
  top: y,
  bottom: y + SIZE,
  size: SIZE,
  bold: false,
  italic: false,
  ...extra,
});
const h = (y: number, x0: number, x1: number): PdfRule => ({ x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): PdfRule => ({ x0: x, x1: x, y0, y1 });
const page = (number: number, texts: PdfText[], rules: PdfRule[] = []): PdfPage => ({
  number,
  width: 595,
  height: 842,
  texts,
  rules,
});
const tables = (pages: PdfPage[]): TableBlock[] =>
  layoutPdf(pages).blocks.filter((b): b is TableBlock => b.kind === 'table');
const texts = (table: TableBlock | undefined): string[][] =>
  (table?.rows ?? []).map((row) =>
    row.cells.map((cell) => (cell.spanned ? `[${cell.spanned}]${cell.text}` : cell.text)),
  );

/** Columns at 50 | 100 | 300 | 400 | 500, rows between the given lines. */
const COLUMNS = [50, 100, 300, 400, 500];
function grid(
  ys: number[],
  skip: { v?: Array<[number, number]>; h?: Array<[number, number]> } = {},
): PdfRule[] {
  const rules: PdfRule[] = [];
  ys.forEach((y, r) =>
    COLUMNS.slice(0, -1).forEach((x, c) => {
      if (!skip.h?.some(([rr, cc]) => rr === r && cc === c)) rules.push(h(y, x, COLUMNS[c + 1] ?? x));
    }),
  );
  ys.slice(0, -1).forEach((y, r) =>
    COLUMNS.forEach((x, c) => {
      if (!skip.v?.some(([rr, cc]) => rr === r && cc === c)) rules.push(v(x, y, ys[r + 1] ?? y));
    }),
  );
  return rules;
}
const header = (y: number): PdfText[] => [
  word('№', 55, y),
  word('Мероприятие', 105, y),
  word('Срок', 305, y),
  word('Ответственный', 405, y),
];

describe('PDF layout', () => {
  it('reads merged cells from missing lines: a heading across the row, a responsible down two rows', () => {
    const ys = [100, 120, 140, 160, 180];
    const rules = grid(ys, {
      // Row 1 is one cell across the table; «Ответственный» of rows 2–3 is one cell.
      v: [
        [1, 1],
        [1, 2],
        [1, 3],
      ],
      h: [[3, 3]],
    });
    const [table] = tables([
      page(
        1,
        [
          ...header(105),
          word('1. Нормативная база', 55, 125),
          word('1.1', 55, 145),
          word('Приказ', 105, 145),
          word('Июнь', 305, 145),
          word('Директор', 405, 150),
          word('1.2', 55, 165),
          word('Положение', 105, 165),
          word('Июль', 305, 165),
        ],
        rules,
      ),
    ]);
    expect(texts(table)).toEqual([
      ['№', 'Мероприятие', 'Срок', 'Ответственный'],
      ['1. Нормативная база', '[col]', '[col]', '[col]'],
      ['1.1', 'Приказ', 'Июнь', 'Директор'],
      ['1.2', 'Положение', 'Июль', '[row]Директор'],
    ]);
  });

  it('joins a table continued on the next page, without its repeated header, and drops page numbers', () => {
    const first = page(
      1,
      [
        ...header(105),
        word('1.', 55, 125),
        word('Приказ', 105, 125),
        word('Июнь', 305, 125),
        word('Директор', 405, 125),
        word('1', 295, 800),
      ],
      grid([100, 120, 140]),
    );
    const second = page(
      2,
      [
        ...header(45),
        word('2.', 55, 65),
        word('Положение', 105, 65),
        word('Июль', 305, 65),
        word('Куратор', 405, 65),
        word('- 2 -', 290, 800),
      ],
      grid([40, 60, 80]),
    );
    const all = tables([first, second]);
    expect(all).toHaveLength(1);
    expect(texts(all[0])).toEqual([
      ['№', 'Мероприятие', 'Срок', 'Ответственный'],
      ['1.', 'Приказ', 'Июнь', 'Директор'],
      ['2.', 'Положение', 'Июль', 'Куратор'],
    ]);
    expect(all[0]?.rows.map((row) => [row.source, row.page, row.afterBreak])).toEqual([
      [1, 1, false],
      [2, 1, false],
      [3, 2, true],
    ]);
    const paragraphs = layoutPdf([first, second]).blocks.filter((b) => b.kind === 'paragraph');
    expect(paragraphs).toEqual([]);
  });

  it('joins a row cut by the page back into one row', () => {
    const first = page(
      1,
      [
        ...header(105),
        word('1.', 55, 125),
        word('Разработка', 105, 125),
        word('Июнь', 305, 125),
        word('Директор', 405, 125),
      ],
      grid([100, 120, 140]),
    );
    const second = page(
      2,
      [word('положения', 105, 45), word('2.', 55, 65), word('Приказ', 105, 65), word('Июль', 305, 65)],
      grid([40, 60, 80]),
    );
    expect(texts(tables([first, second])[0])).toEqual([
      ['№', 'Мероприятие', 'Срок', 'Ответственный'],
      ['1.', 'Разработка положения', 'Июнь', 'Директор'],
      ['2.', 'Приказ', 'Июль', ''],
    ]);
  });

  it('keeps the paragraphs of a cell: a short line ends one, a full line only wraps', () => {
    const rules = grid([100, 120, 170]);
    const [table] = tables([
      page(
        1,
        [
          ...header(105),
          word('1.', 55, 125),
          // «Мероприятие» is 200 pt wide: the first line is full, the second short, the third starts a paragraph.
          word('Организация работы наставнических пар', 105, 125, { x1: 295 }),
          word('или групп:', 105, 137),
          word('- встреча-знакомство', 105, 149),
          word('Июнь', 305, 125),
        ],
        rules,
      ),
    ]);
    expect(table?.rows[1]?.cells[1]?.text).toBe(
      'Организация работы наставнических пар или групп:\n- встреча-знакомство',
    );
  });

  it('reads a borderless table by its header, rows by the number column', () => {
    const [table] = tables([
      page(1, [
        word('План мероприятий', 55, 60, { bold: true }),
        ...header(100),
        word('1.', 55, 120),
        // The longest line of the column shows how far its text goes: a line that far was wrapped.
        word('Приказ о назначении', 105, 120, { x1: 295 }),
        word('До 01 октября', 305, 120, { x1: 395 }),
        word('Директор', 405, 120),
        word('куратора', 105, 132),
        word('Июль,', 305, 144),
        word('август', 305, 156),
        word('2.', 55, 144),
        word('Положение', 105, 144),
        word('Куратор', 405, 144),
      ]),
    ]);
    expect(texts(table)).toEqual([
      ['№', 'Мероприятие', 'Срок', 'Ответственный'],
      ['1.', 'Приказ о назначении куратора', 'До 01 октября', 'Директор'],
      // «Июль,» stops well short of how far its column goes: «август» is a line of its own.
      ['2.', 'Положение', 'Июль,\nавгуст', 'Куратор'],
    ]);
  });
});

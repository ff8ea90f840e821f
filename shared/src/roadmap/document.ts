/**
 * What every reader (plain text, HTML, DOCX through HTML) turns a file into: paragraphs and tables
 * in document order. Everything after the readers works on this model only, so a DOCX and its text
 * export are understood the same way.
 */

export interface Cell {
  /** Lines of the cell (paragraphs, list items, line breaks), each trimmed, joined by '\n'. */
  text: string;
  /** Runs written in italics; KPI tables put the formula of an indicator there. */
  italic: string[];
  /**
   * Set on a grid position covered by a merged cell. A row-spanned copy keeps the origin's text,
   * because a merged «Ответственный» applies to every row it covers; a column-spanned one is empty.
   */
  spanned?: 'row' | 'col';
}

export interface TableRow {
  cells: Cell[];
  /** 1-based row of the table as the user sees it (the header is row 1). */
  source: number;
  /** 1-based line of a plain-text source. */
  line?: number;
  /** A blank line (a page break in a text export) came right before this row. */
  afterBreak: boolean;
  /** 1-based page of a PDF the row (or its first part) is printed on. */
  page?: number;
  /** For a row recognised from a scan: the lowest confidence (0–100) of its words. */
  confidence?: number;
}

export interface TableBlock {
  kind: 'table';
  rows: TableRow[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /** Lines of the paragraph joined by '\n'. */
  text: string;
  bold: boolean;
  line?: number;
}

export type Block = TableBlock | ParagraphBlock;

export interface SourceDocument {
  blocks: Block[];
}

export const emptyCell = (): Cell => ({ text: '', italic: [] });

/** Guards against pathological merged cells in hostile input (a rowspan of a million). */
export const MAX_COLUMNS = 64;
export const MAX_ROWSPAN = 1_000;

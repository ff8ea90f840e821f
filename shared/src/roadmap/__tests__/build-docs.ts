/**
 * Test helpers that rebuild a seed as a real DOCX (with the `docx` package) or as an HTML page from
 * the rows its text export was read into, so the DOCX and HTML paths face the same tables.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, type IRunOptions } from 'docx';
import type { Cell, SourceDocument } from '../document.js';

/**
 * A run from its options. `new TextRun(...)` also takes a string, so the linter reads `bold` and
 * `italics` in an inline literal as the deprecated String#bold and String#italics.
 */
export function textRun(options: IRunOptions): TextRun {
  return new TextRun(options);
}

function runsOf(line: string, italic: readonly string[]): TextRun[] {
  const runs: TextRun[] = [];
  let rest = line;
  for (const run of italic) {
    const at = rest.indexOf(run);
    if (at < 0) continue;
    if (at > 0) runs.push(new TextRun(rest.slice(0, at)));
    runs.push(textRun({ text: run, italics: true }));
    rest = rest.slice(at + run.length);
  }
  if (rest || runs.length === 0) runs.push(new TextRun(rest));
  return runs;
}

function docxCell(cell: Cell): TableCell {
  const lines = cell.text ? cell.text.split('\n') : [''];
  return new TableCell({
    children: lines.map((line) => new Paragraph({ children: runsOf(line, cell.italic) })),
  });
}

export async function docxFromSource(source: SourceDocument): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  for (const block of source.blocks) {
    if (block.kind === 'paragraph') {
      for (const line of block.text.split('\n')) {
        children.push(new Paragraph({ children: [textRun({ text: line, bold: block.bold })] }));
      }
      continue;
    }
    children.push(
      new Table({
        rows: block.rows.map((row) => new TableRow({ children: row.cells.map(docxCell) })),
      }),
    );
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlCell(cell: Cell): string {
  const lines = cell.text ? cell.text.split('\n') : [];
  return `<td>${lines
    .map((line) => {
      let html = escape(line);
      for (const run of cell.italic) html = html.replace(escape(run), `<i>${escape(run)}</i>`);
      return `<p>${html}</p>`;
    })
    .join('')}</td>`;
}

export function htmlFromSource(source: SourceDocument): string {
  const body = source.blocks
    .map((block) => {
      if (block.kind === 'paragraph') {
        const inner = block.text.split('\n').map(escape).join('<br>');
        return block.bold ? `<p><strong>${inner}</strong></p>` : `<p>${inner}</p>`;
      }
      return `<table border="1">${block.rows.map((row) => `<tr>${row.cells.map(htmlCell).join('')}</tr>`).join('\n')}</table>`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Дорожная карта</title></head><body>\n${body}\n</body></html>`;
}

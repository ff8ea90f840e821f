/**
 * A lean DOCX → HTML conversion for what a road map needs: paragraphs (bold, italics, line breaks,
 * numbered and bulleted lists) and tables (merged cells as colspan/rowspan, tables inside cells).
 * mammoth does the same and more, but builds a full DOM of the document and several models of it:
 * a 2,000-row plan takes it about 1.5 s and 350 MB, this reader a tenth of that. The HTML it writes
 * goes through the same HTML reader, so both give the same document model; `docx-reader.ts` falls
 * back to mammoth whenever this reader cannot make sense of a file.
 */
import { Parser } from 'htmlparser2';
import { readZipText } from './zip.js';

type JSZipStatic = typeof import('jszip');

async function jszip(): Promise<JSZipStatic> {
  // A CommonJS package: Node hands it over as `default`, bundlers sometimes as the module itself.
  const module: unknown = await import('jszip');
  return (module as { default?: JSZipStatic }).default ?? (module as JSZipStatic);
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The main document part named in `_rels/.rels` (usually word/document.xml). */
function mainPartPath(rels: string | null): string {
  if (rels) {
    for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
      if (!/Type="[^"]*\/officeDocument"/.test(tag)) continue;
      const target = /Target="([^"]+)"/.exec(tag)?.[1];
      if (target) return target.replace(/^\//, '');
    }
  }
  return 'word/document.xml';
}

/** numId → per level whether the list is bulleted (numbering.xml). */
function readNumbering(xml: string | null): Map<string, boolean[]> {
  const formats = new Map<string, boolean[]>();
  if (!xml) return formats;
  const abstract = new Map<string, boolean[]>();
  for (const m of xml.matchAll(
    /<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels: boolean[] = [];
    for (const lvl of m[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels[Number(lvl[1])] = /<w:numFmt\b[^>]*w:val="bullet"/.test(lvl[2]!);
    }
    abstract.set(m[1]!, levels);
  }
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const id = /<w:abstractNumId\b[^>]*w:val="(\d+)"/.exec(m[2]!)?.[1];
    if (id !== undefined) formats.set(m[1]!, abstract.get(id) ?? []);
  }
  return formats;
}

interface XCell {
  html: string;
  gridSpan: number;
  vMerge?: 'restart' | 'continue';
  col: number;
}

interface XTable {
  rows: XCell[][];
  gridBefore: number;
}

/** The table as HTML: merged cells become colspan/rowspan as Word's grid says. */
function tableHtml(table: XTable): string {
  const rows = table.rows;
  const out: string[] = ['<table>'];
  rows.forEach((row, r) => {
    out.push('<tr>');
    for (const cell of row) {
      if (
        cell.vMerge === 'continue' &&
        r > 0 &&
        rows[r - 1]!.some((above) => above.col === cell.col && above.vMerge)
      )
        continue;
      let rowspan = 1;
      if (cell.vMerge === 'restart') {
        for (let k = r + 1; k < rows.length; k += 1) {
          const below = rows[k]!.find((c) => c.col === cell.col);
          if (below?.vMerge !== 'continue') break;
          rowspan += 1;
        }
      }
      const attrs = `${cell.gridSpan > 1 ? ` colspan="${cell.gridSpan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
      out.push(`<td${attrs}>${cell.html}</td>`);
    }
    out.push('</tr>');
  });
  out.push('</table>');
  return out.join('');
}

const ON = (value: string | undefined): boolean =>
  value === undefined || !/^(?:0|false|off|none)$/i.test(value);

/** The parts this reader needs, through the native inflater when it can, else through JSZip. */
async function readParts(
  bytes: Uint8Array,
): Promise<{ types: string | null; main: string | null; numbering: string | null }> {
  const names = ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/numbering.xml'];
  const first = await readZipText(bytes, names).catch(() => null);
  if (first) {
    const mainPath = mainPartPath(first.get('_rels/.rels') ?? null);
    const main =
      first.get(mainPath) ?? (await readZipText(bytes, [mainPath]).catch(() => null))?.get(mainPath) ?? null;
    return {
      types: first.get('[Content_Types].xml') ?? null,
      main,
      numbering: first.get('word/numbering.xml') ?? null,
    };
  }
  const JSZip = await jszip();
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => (zip.file(path) ? await zip.file(path)!.async('string') : null);
  const mainPath = mainPartPath(await text('_rels/.rels'));
  return {
    types: await text('[Content_Types].xml'),
    main: await text(mainPath),
    numbering: await text('word/numbering.xml'),
  };
}

const WORD_TYPES =
  /wordprocessingml\.(?:document|template)\.main\+xml|ms-word\.(?:document|template)\.macroEnabled/;

/** Converts the main document part of a DOCX to HTML, or returns null when the archive has none. */
export async function docxToHtmlFast(bytes: Uint8Array): Promise<string | null> {
  const parts = await readParts(bytes);
  // An Excel or PowerPoint file is a ZIP with a main part too: only a Word document is ours.
  if (parts.types !== null && !WORD_TYPES.test(parts.types)) return null;
  if (parts.main === null) return null;
  const numbering = readNumbering(parts.numbering);
  const xml = parts.main;

  const body: string[] = [];
  const tables: XTable[] = [];
  const cells: XCell[] = [];
  const counters = new Map<string, number[]>();
  // Paragraph state.
  let paragraph: string[] | null = null;
  let listMarker: { numId: string; level: number } | null = null;
  let heading = false;
  // Run state.
  let inRun = false;
  let inRunProps = false;
  let inParaProps = false;
  let italic = false;
  let bold = false;
  let inText = false;
  let skipDepth = 0;
  let numId: string | null = null;
  let level = 0;

  const emit = (html: string): void => {
    const cell = cells[cells.length - 1];
    if (cell) cell.html += html;
    else body.push(html);
  };
  const addText = (value: string): void => {
    if (!paragraph || value === '') return;
    let html = escape(value);
    if (italic) html = `<i>${html}</i>`;
    if (bold) html = `<b>${html}</b>`;
    paragraph.push(html);
  };
  const closeParagraph = (): void => {
    if (!paragraph) return;
    let prefix = '';
    if (listMarker) {
      const bullet =
        numbering.get(listMarker.numId)?.[listMarker.level] ?? numbering.get(listMarker.numId) === undefined;
      const levels = counters.get(listMarker.numId) ?? [];
      levels[listMarker.level] = (levels[listMarker.level] ?? 0) + 1;
      levels.length = listMarker.level + 1;
      counters.set(listMarker.numId, levels);
      prefix = bullet ? '- ' : `${levels[listMarker.level]}. `;
    }
    // Like an HTML list (and mammoth), numbering restarts after any paragraph that is not an item.
    if (!listMarker) counters.clear();
    const inner = prefix + paragraph.join('');
    emit(heading ? `<p><b>${inner}</b></p>` : `<p>${inner}</p>`);
    paragraph = null;
  };

  const SKIP = new Set([
    'w:del',
    'w:moveFrom',
    'w:instrText',
    'w:delText',
    'mc:Fallback',
    'w:drawing',
    'w:pict',
    'w:object',
    'w:footnoteReference',
    'w:commentReference',
  ]);

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipDepth > 0 || SKIP.has(name)) {
          skipDepth += 1;
          return;
        }
        switch (name) {
          case 'w:p':
            closeParagraph();
            paragraph = [];
            listMarker = null;
            heading = false;
            numId = null;
            level = 0;
            break;
          case 'w:pPr':
            inParaProps = true;
            break;
          case 'w:pStyle':
            if (inParaProps && /^(?:heading|title|заголовок|название)/i.test(attribs['w:val'] ?? ''))
              heading = true;
            break;
          case 'w:ilvl':
            if (inParaProps) level = Math.min(Number(attribs['w:val'] ?? 0) || 0, 8);
            break;
          case 'w:numId':
            if (inParaProps) numId = attribs['w:val'] ?? null;
            break;
          case 'w:r':
            inRun = true;
            italic = false;
            bold = false;
            break;
          case 'w:rPr':
            if (inRun) inRunProps = true;
            break;
          case 'w:i':
            if (inRunProps) italic = ON(attribs['w:val']);
            break;
          case 'w:b':
            if (inRunProps) bold = ON(attribs['w:val']);
            break;
          case 'w:t':
            inText = true;
            break;
          case 'w:tab':
            if (inRun) addText(' ');
            break;
          case 'w:br':
          case 'w:cr':
            if (inRun && paragraph) paragraph.push('<br>');
            break;
          case 'w:tbl':
            closeParagraph();
            tables.push({ rows: [], gridBefore: 0 });
            break;
          case 'w:tr':
            tables[tables.length - 1]?.rows.push([]);
            break;
          case 'w:gridBefore': {
            const table = tables[tables.length - 1];
            if (table) table.gridBefore = Math.min(Number(attribs['w:val'] ?? 0) || 0, 63);
            break;
          }
          case 'w:tc': {
            const row = tables[tables.length - 1]?.rows.at(-1);
            const table = tables[tables.length - 1];
            const last = row?.at(-1);
            const col = last ? last.col + last.gridSpan : (table?.gridBefore ?? 0);
            cells.push({ html: '', gridSpan: 1, col });
            counters.clear();
            break;
          }
          case 'w:gridSpan': {
            const cell = cells[cells.length - 1];
            if (cell) cell.gridSpan = Math.max(1, Math.min(Number(attribs['w:val'] ?? 1) || 1, 63));
            break;
          }
          case 'w:vMerge': {
            const cell = cells[cells.length - 1];
            if (cell) cell.vMerge = attribs['w:val'] === 'restart' ? 'restart' : 'continue';
            break;
          }
        }
      },
      ontext(data) {
        if (skipDepth === 0 && inText) addText(data);
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth -= 1;
          return;
        }
        switch (name) {
          case 'w:t':
            inText = false;
            break;
          case 'w:rPr':
            inRunProps = false;
            break;
          case 'w:r':
            inRun = false;
            inRunProps = false;
            break;
          case 'w:pPr':
            inParaProps = false;
            if (numId !== null && numId !== '0') listMarker = { numId, level };
            break;
          case 'w:p':
            closeParagraph();
            break;
          case 'w:tc': {
            closeParagraph();
            counters.clear();
            const cell = cells.pop();
            const row = tables[tables.length - 1]?.rows.at(-1);
            if (cell && row) row.push(cell);
            break;
          }
          case 'w:tr': {
            const table = tables[tables.length - 1];
            if (table) table.gridBefore = 0;
            break;
          }
          case 'w:tbl': {
            const table = tables.pop();
            if (table) emit(tableHtml(table));
            break;
          }
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  closeParagraph();
  return `<html><body>${body.join('')}</body></html>`;
}

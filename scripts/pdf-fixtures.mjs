#!/usr/bin/env node
/**
 * npm run fixtures:pdf
 *
 * Regenerates the PDF fixtures of the road-map import (shared/src/roadmap/__tests__/pdf/) the way
 * schools make their PDFs: each seed road map (seeds/documents) written as a Word document and saved
 * as PDF by LibreOffice (`soffice --headless --convert-to pdf`, what «Save as PDF» does), two seeds
 * as web pages printed to PDF by Chromium, and one page printed, scanned (rendered to an image by
 * poppler's pdftoppm) and saved back as a PDF with no text layer. Needs the built shared package
 * (npm run build -w @nastavnik/shared), Debian's libreoffice-writer, chromium, poppler-utils and
 * ghostscript.
 * The corpus documents (shared/src/roadmap/__tests__/corpus) are rendered the same way for
 * `npm run fidelity` (a document whose rendering is newer than its text is left as it is);
 * `npm run fixtures:pdf -- --corpus` renders only them.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'shared/src/roadmap/__tests__/pdf');
const corpusDir = path.join(root, 'shared/src/roadmap/__tests__/corpus');
const dist = path.join(root, 'shared/dist/roadmap');
if (!existsSync(path.join(dist, 'text-reader.js'))) {
  process.stderr.write('Ошибка: пакет shared не собран. Выполните: npm run build -w @nastavnik/shared\n');
  process.exit(2);
}
const { readText } = await import(pathToFileURL(path.join(dist, 'text-reader.js')).href);
const { findActivityHeader } = await import(pathToFileURL(path.join(dist, 'header.js')).href);
const docx = createRequire(path.join(root, 'shared/package.json'))('docx');
const {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} = docx;

const seeds = {
  '000': '000_a5a77a3323ec67d5.txt',
  '001': '001_fe83f31ea58b8567.txt',
  '002': '002_db8d1829a7005edf.txt',
  '003': '003_f7e464f6b44e5cd5.txt',
  '004': '004_1707aec2463359f6.txt',
};

/**
 * What each fixture shows. LibreOffice: borders (Word's default «Table Grid»), a landscape
 * document, a document turning landscape for its tables, a header repeated on every page, a table
 * without borders. Chromium: a printed web page with the header in <thead> (repeated by the
 * browser), and one without borders.
 */
const FIXTURES = [
  {
    seed: '000',
    name: 'seed-000-libreoffice',
    via: 'libreoffice',
    running: 'Средняя школа № 40. Дорожная карта ЦМН',
  },
  { seed: '001', name: 'seed-001-libreoffice-landscape', via: 'libreoffice', landscape: 'all' },
  {
    seed: '002',
    name: 'seed-002-libreoffice-header-repeated',
    via: 'libreoffice',
    repeatHeader: true,
    landscape: 'tables',
  },
  {
    seed: '003',
    name: 'seed-003-libreoffice-landscape-tables',
    via: 'libreoffice',
    landscape: 'tables',
    running: 'КОГПОБУ «Нолинский политехнический техникум»',
  },
  { seed: '004', name: 'seed-004-libreoffice-borderless', via: 'libreoffice', borderless: true },
  { seed: '002', name: 'seed-002-chromium', via: 'chromium' },
  { seed: '000', name: 'seed-000-chromium-borderless', via: 'chromium', borderless: true },
];

const TWIPS_PORTRAIT = 11906 - 2 * 1134;
const TWIPS_LANDSCAPE = 16838 - 2 * 1134;

/**
 * Column widths as a typesetter would set them: by how much text each column holds, and never
 * narrower than its longest word (Word and LibreOffice cut a word wider than its cell anywhere).
 */
function columnWidths(rows, total) {
  const columns = Math.max(...rows.map((row) => row.cells.length));
  const body = rows.filter((row) => row.cells.length > 1);
  const weight = Array.from({ length: columns }, (_, c) => {
    const lengths = body.map((row) => (row.cells[c]?.text ?? '').length);
    const mean = lengths.reduce((s, n) => s + n, 0) / Math.max(body.length, 1);
    return Math.max(Math.sqrt(mean), 2.2);
  });
  // About 0.6 em per letter of 10 pt, in twips, plus the cell's padding.
  const floor = Array.from({ length: columns }, (_, c) => {
    const longest = Math.max(
      0,
      ...body.flatMap((row) => (row.cells[c]?.text ?? '').split(/[\s/-]+/).map((w) => w.length)),
    );
    return Math.round(longest * 0.6 * 10 * 20 + 260);
  });
  const floors = floor.reduce((s, w) => s + w, 0);
  if (floors > total * 0.97) floor.forEach((w, c) => (floor[c] = Math.floor((w * total * 0.97) / floors)));
  const sum = weight.reduce((s, w) => s + w, 0);
  const widths = weight.map((w, c) => Math.max(Math.round((w / sum) * total), floor[c]));
  // Give back what the floors took from the widest columns.
  let excess = widths.reduce((s, w) => s + w, 0) - total;
  while (excess > 0) {
    const room = widths.map((w, c) => w - floor[c]);
    const column = room.indexOf(Math.max(...room));
    const take = Math.min(excess, room[column], 200);
    if (take <= 0) break;
    widths[column] -= take;
    excess -= take;
  }
  if (process.env.DEBUG_WIDTHS)
    process.stderr.write(`${widths.join(' ')} floors ${floor.join(' ')} total ${total}\n`);
  return widths;
}

/** A row of one cell in a wider table is a heading written across the row (a merged cell). */
const isBanner = (row, columns) =>
  columns > 1 && row.cells.filter((c) => c.text.trim()).length === 1 && row.cells.length === 1;

function runs(line, italic) {
  const list = [];
  let rest = line;
  for (const run of italic) {
    const at = rest.indexOf(run);
    if (at < 0) continue;
    if (at > 0) list.push(new TextRun(rest.slice(0, at)));
    list.push(new TextRun({ text: run, italics: true }));
    rest = rest.slice(at + run.length);
  }
  if (rest || list.length === 0) list.push(new TextRun(rest));
  return list;
}

function docxTable(block, fixture, total) {
  const widths = columnWidths(block.rows, total);
  const header = findActivityHeader(block.rows);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    ...(fixture.borderless ? { borders: TableBorders.NONE } : {}),
    rows: block.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: !!fixture.repeatHeader && header !== null && r <= header.index,
          children: (isBanner(row, widths.length) ? [widths.reduce((a, b) => a + b, 0)] : widths).map(
            (width, c) => {
              const cell = row.cells[c] ?? { text: '', italic: [] };
              const lines = cell.text ? cell.text.split('\n') : [''];
              return new TableCell({
                width: { size: width, type: WidthType.DXA },
                ...(isBanner(row, widths.length) ? { columnSpan: widths.length } : {}),
                children: lines.map((line) => new Paragraph({ children: runs(line, cell.italic) })),
              });
            },
          ),
        }),
    ),
  });
}

function docxParagraphs(block) {
  return block.text
    .split('\n')
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: block.bold })] }));
}

async function docxOf(source, fixture) {
  const landscapeFrom =
    fixture.landscape === 'all'
      ? 0
      : fixture.landscape === 'tables'
        ? source.blocks.findIndex((b) => b.kind === 'table')
        : source.blocks.length;
  const part = (blocks, landscape) =>
    blocks.flatMap((block) =>
      block.kind === 'paragraph'
        ? docxParagraphs(block)
        : [docxTable(block, fixture, landscape ? TWIPS_LANDSCAPE : TWIPS_PORTRAIT), new Paragraph('')],
    );
  const margins = { top: 1134, bottom: 1134, left: 1134, right: 1134 };
  // Running lines a school's template prints on every page: the document's name and «Страница N из M».
  const running = fixture.running
    ? {
        headers: {
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(fixture.running)] }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['Страница ', PageNumber.CURRENT, ' из ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
      }
    : {};
  const sections = [];
  if (landscapeFrom > 0)
    sections.push({
      properties: { page: { margin: margins } },
      ...running,
      children: part(source.blocks.slice(0, landscapeFrom), false),
    });
  if (landscapeFrom < source.blocks.length)
    sections.push({
      properties: {
        page: {
          margin: margins,
          size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
        },
      },
      ...running,
      children: part(source.blocks.slice(landscapeFrom), true),
    });
  const doc = new Document({
    styles: { default: { document: { run: { font: 'Liberation Serif', size: 20 } } } },
    sections,
  });
  return Buffer.from(await Packer.toArrayBuffer(doc));
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlOf(source, fixture) {
  const cell = (c, tag) =>
    `<${tag}>${(c?.text ? c.text.split('\n') : [])
      .map((line) => {
        let html = escape(line);
        for (const run of c.italic) html = html.replace(escape(run), `<i>${escape(run)}</i>`);
        return `<p>${html}</p>`;
      })
      .join('')}</${tag}>`;
  const body = source.blocks
    .map((block) => {
      if (block.kind === 'paragraph') {
        const inner = block.text.split('\n').map(escape).join('<br>');
        return block.bold ? `<p><strong>${inner}</strong></p>` : `<p>${inner}</p>`;
      }
      const header = findActivityHeader(block.rows);
      const headRows = header ? block.rows.slice(0, header.index + 1) : [];
      const bodyRows = block.rows.slice(headRows.length);
      const widths = columnWidths(block.rows, 100);
      const cols = widths.map((w) => `<col style="width:${w}%">`).join('');
      const tr = (row, tag) =>
        isBanner(row, widths.length)
          ? `<tr>${cell(row.cells[0], tag).replace(`<${tag}>`, `<${tag} colspan="${widths.length}">`)}</tr>`
          : `<tr>${widths.map((_, c) => cell(row.cells[c], tag)).join('')}</tr>`;
      return `<table><colgroup>${cols}</colgroup>${headRows.length ? `<thead>${headRows.map((r) => tr(r, 'th')).join('')}</thead>` : ''}<tbody>${bodyRows.map((r) => tr(r, 'td')).join('\n')}</tbody></table>`;
    })
    .join('\n');
  const border = fixture.borderless ? 'none' : '1px solid #000';
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Дорожная карта</title><style>
@page { size: A4; margin: 15mm }
body { font: 10pt 'Liberation Serif', serif }
p { margin: 0 0 4pt }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 8pt 0 }
th, td { border: ${border}; padding: 3pt 5pt; vertical-align: top; text-align: left; font-weight: normal }
td p, th p { margin: 0 }
tr { break-inside: auto }
</style></head><body>
${body}
</body></html>`;
}

function run(cmd, args, cwd) {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
}

function libreoffice(docxFile, dir) {
  // A profile of its own, so a LibreOffice already open on the machine does not take the job.
  run(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docxFile,
    ],
    dir,
  );
  return readFileSync(path.join(dir, `${path.basename(docxFile, '.docx')}.pdf`));
}

function chromium(htmlFile, pdfFile, dir) {
  run(
    '/usr/bin/chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      `--user-data-dir=${dir}/chromium`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdfFile}`,
      pathToFileURL(htmlFile).href,
    ],
    dir,
  );
  return readFileSync(pdfFile);
}

/**
 * Landscape pages stored the other way: portrait paper with the content turned a quarter and the page
 * marked /Rotate 90 for viewers (Ghostscript's pdfwrite sets it from the text direction), as printers'
 * «Save as PDF» and scanners store landscape pages.
 */
function rotatedOf(pdfFile, dir) {
  const rotated = path.join(dir, 'rotated.pdf');
  run(
    'gs',
    [
      '-q',
      '-sDEVICE=pdfwrite',
      `-o${rotated}`,
      '-dDEVICEWIDTHPOINTS=595',
      '-dDEVICEHEIGHTPOINTS=842',
      '-dFIXEDMEDIA',
      '-c',
      '<</Install {90 rotate 0 -595 translate}>> setpagedevice',
      '-f',
      pdfFile,
    ],
    dir,
  );
  return readFileSync(rotated);
}

/** A scan: the page rendered to a greyscale image and printed into a PDF as a picture only. */
function scanOf(pdfFile, dir) {
  run(
    'pdftoppm',
    ['-f', '1', '-l', '1', '-r', '150', '-gray', '-jpeg', pdfFile, path.join(dir, 'scan')],
    dir,
  );
  const image = readdirSync(dir).find((f) => /^scan.*\.jpg$/.test(f));
  const html = path.join(dir, 'scan.html');
  writeFileSync(
    html,
    `<!doctype html><html><head><style>@page{size:A4;margin:0}body{margin:0}img{width:210mm;height:297mm;display:block}</style></head><body><img src="${image}"></body></html>`,
  );
  return chromium(html, path.join(dir, 'scan.pdf'), dir);
}

mkdirSync(out, { recursive: true });
const made = [];
// `--corpus`: only the corpus documents, leaving the seed fixtures as they are.
const seedFixtures = process.argv.includes('--corpus') ? [] : FIXTURES;
for (const fixture of seedFixtures) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-fixture-'));
  try {
    const source = readText(readFileSync(path.join(root, 'seeds/documents', seeds[fixture.seed]), 'utf8'));
    let pdf;
    if (fixture.via === 'libreoffice') {
      const docxBytes = await docxOf(source, fixture);
      const docxFile = path.join(dir, `${fixture.name}.docx`);
      writeFileSync(docxFile, docxBytes);
      writeFileSync(path.join(out, `${fixture.name}.docx`), docxBytes);
      pdf = libreoffice(docxFile, dir);
    } else {
      const htmlFile = path.join(dir, `${fixture.name}.html`);
      writeFileSync(htmlFile, htmlOf(source, fixture));
      pdf = chromium(htmlFile, path.join(dir, `${fixture.name}.pdf`), dir);
    }
    writeFileSync(path.join(out, `${fixture.name}.pdf`), pdf);
    made.push(`${fixture.name}.pdf`);
    if (fixture.name === 'seed-001-libreoffice-landscape') {
      writeFileSync(
        path.join(out, 'seed-001-rotated.pdf'),
        rotatedOf(path.join(out, `${fixture.name}.pdf`), dir),
      );
      made.push('seed-001-rotated.pdf');
    }
    if (fixture.name === 'seed-000-libreoffice') {
      writeFileSync(path.join(out, 'scan-000-page1.pdf'), scanOf(path.join(out, `${fixture.name}.pdf`), dir));
      made.push('scan-000-page1.pdf');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Corpus documents also kept as the Word document and the web page a school would publish (`<id>.docx`,
 * `<id>.html`), one of each layout family, so `npm run fidelity` reads those formats on real plans too.
 */
const RENDERED = new Set([
  '03-krasnodar-gia-2016',
  '12-kirovsk-summer-2007',
  '14-chechnya-year-of-teacher',
  '17-nso-it-cube',
  '19-irkutsk-year-of-teacher',
  '22-kemerovo-ege-2014',
]);

// The corpus documents as Word documents saved to PDF, for `npm run fidelity`.
for (const file of readdirSync(corpusDir).filter(
  (f) => /^\d+-[\w-]+\.txt$/.test(f) && !f.endsWith('.source.txt'),
)) {
  const name = file.replace(/\.txt$/, '');
  const rendering = path.join(corpusDir, `${name}.pdf`);
  const upToDate = (target) =>
    existsSync(target) && statSync(target).mtimeMs >= statSync(path.join(corpusDir, file)).mtimeMs;
  if (upToDate(rendering) && (!RENDERED.has(name) || upToDate(path.join(corpusDir, `${name}.docx`))))
    continue;
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-fixture-'));
  try {
    const source = readText(readFileSync(path.join(corpusDir, file), 'utf8'));
    const docxFile = path.join(dir, `${name}.docx`);
    // A table of more than six columns is printed on landscape pages, as schools print them.
    const widest = Math.max(
      0,
      ...source.blocks.filter((b) => b.kind === 'table').flatMap((b) => b.rows.map((r) => r.cells.length)),
    );
    const docxBytes = await docxOf(source, {
      via: 'libreoffice',
      ...(widest > 6 ? { landscape: 'tables' } : {}),
    });
    writeFileSync(docxFile, docxBytes);
    writeFileSync(path.join(corpusDir, `${name}.pdf`), libreoffice(docxFile, dir));
    made.push(`corpus/${name}.pdf`);
    if (RENDERED.has(name)) {
      writeFileSync(path.join(corpusDir, `${name}.docx`), docxBytes);
      writeFileSync(path.join(corpusDir, `${name}.html`), htmlOf(source, {}));
      made.push(`corpus/${name}.docx`, `corpus/${name}.html`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.stdout.write(`${made.join('\n')}\n`);

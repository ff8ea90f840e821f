/**
 * Reading a scanned PDF (pictures of pages, no text layer) on the server: poppler's `pdftoppm`
 * renders each page to an image and Tesseract recognises it with its Russian model; the words with
 * their boxes and confidence go to the shared layout like a PDF's text layer. Node only (child
 * processes); the CLI uses it too. Without `pdftoppm`, `tesseract` or its `rus` model, or with
 * ROADMAP_OCR=off (a server that should not spend minutes on scans), there is no recognition and the
 * engine refuses a scan with a message that says so.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pageFromTesseractTsv, type PdfPage } from '@nastavnik/shared';

const run = promisify(execFile);

/** Resolution pages are rendered at: enough for 10 pt text, a few seconds a page. */
const DPI = 200;
/** A scanned road map is a few pages; a 300-page scan would hold the server for many minutes. */
export const MAX_OCR_PAGES = 30;
const A4 = { width: 595.28, height: 841.89 };

let available: Promise<string | null> | null = null;

/**
 * The Tesseract languages to read with when this machine has pdftoppm, tesseract and its Russian
 * model (checked once), else null. English joins Russian when installed: road maps number their
 * items with Latin letters («a.», «b.»), which the Russian model reads as Cyrillic look-alikes.
 */
export function ocrLanguages(): Promise<string | null> {
  if (process.env.ROADMAP_OCR === 'off') return Promise.resolve(null);
  available ??= (async () => {
    try {
      await run('pdftoppm', ['-v']);
      const { stdout } = await run('tesseract', ['--list-langs']);
      const installed = stdout.split(/\s+/);
      if (!installed.includes('rus')) return null;
      return installed.includes('eng') ? 'rus+eng' : 'rus';
    } catch {
      return null;
    }
  })();
  return available;
}

/** A page's size in points from `pdftoppm`'s image size at DPI (PNG header: width, height at 16). */
function sizeOf(png: Buffer): { width: number; height: number } {
  if (png.length < 24) return A4;
  return { width: (png.readUInt32BE(16) * 72) / DPI, height: (png.readUInt32BE(20) * 72) / DPI };
}

/** The recognised pages of a scanned PDF, or null when this machine cannot recognise scans. */
export async function recognisePdf(pdf: Uint8Array): Promise<PdfPage[] | null> {
  const languages = await ocrLanguages();
  if (!languages) return null;
  const dir = await mkdtemp(path.join(tmpdir(), 'nastavnik-ocr-'));
  try {
    const input = path.join(dir, 'scan.pdf');
    await writeFile(input, pdf);
    await run(
      'pdftoppm',
      ['-r', String(DPI), '-gray', '-png', '-l', String(MAX_OCR_PAGES), input, path.join(dir, 'page')],
      {
        timeout: 120_000,
      },
    );
    const images = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f));
    images.sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
    const pages: PdfPage[] = [];
    for (const [i, image] of images.entries()) {
      const file = path.join(dir, image);
      // Layout mode 4 (a column of lines of different sizes) keeps the short «№» cells a table has;
      // one thread, as Tesseract's OpenMP threads only fight each other on a busy server.
      const { stdout } = await run('tesseract', [file, '-', '-l', languages, '--psm', '4', 'tsv'], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        maxBuffer: 32 * 1024 * 1024,
        timeout: 120_000,
      });
      pages.push(pageFromTesseractTsv(stdout, i + 1, DPI, sizeOf(await readFile(file))));
    }
    return pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The readable part of a page (a school's news item, a report on a mentoring event) → a case
 * draft: title, summary, sanitised HTML body, images and the source address.
 * Serves any http(s) page; Readability decides whether there is an article at all. Readability
 * rewrites the document it reads, so it always gets a copy, never the live page.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { captureLimits, normaliseText } from '@nastavnik/shared/capture';
import { sanitiseArticleHtml } from '../sanitize.js';
import { type Adapter, AdapterError, isHttpPage } from './contract.js';

const MAX_SUMMARY = 600;

function metaContent(doc: Document, selectors: string): string {
  return normaliseText(doc.querySelector(selectors)?.getAttribute('content') ?? '');
}

function httpUrl(value: string, base: string): string | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined; // an unresolvable link or image source is dropped, like a non-web one
  }
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40)).trimEnd()}…`;
}

export const articleAdapter: Adapter = {
  id: 'article',
  label: 'Статья для кейса',
  matches: isHttpPage,
  detect(doc) {
    if (!isProbablyReaderable(doc, { minContentLength: 140, minScore: 20 })) return null;
    const title =
      normaliseText(metaContent(doc, 'meta[property="og:title"]') || doc.title) || 'без заголовка';
    return { kind: 'article', summary: `Статья: «${shorten(title, 120)}»`, confidence: 0.6 };
  },
  extract(doc, url) {
    const win = doc.defaultView;
    if (!win) throw new AdapterError('Страница ещё не загружена.');
    const parsed = new Readability(doc.cloneNode(true) as Document, { charThreshold: 300 }).parse();
    if (!parsed?.content) throw new AdapterError('На странице не найден связный текст статьи.');
    const base = doc.baseURI || url.href;
    // Indentation of the source page means nothing in the stored case; keep line breaks only.
    const html = sanitiseArticleHtml(parsed.content, win).replace(/\s*\n\s*/g, '\n');
    if (!normaliseText(html.replace(/<[^>]*>/g, ' ')))
      throw new AdapterError('После очистки в статье не осталось текста.');

    const images: string[] = [];
    const addImage = (src: string | null | undefined): void => {
      const absolute = src ? httpUrl(src, base) : undefined;
      if (absolute && !images.includes(absolute) && images.length < captureLimits.maxImages)
        images.push(absolute);
    };
    addImage(metaContent(doc, 'meta[property="og:image"]'));
    // A DOMParser document is inert: unlike a detached element of the page, it fetches no images.
    const inert = new win.DOMParser().parseFromString(html, 'text/html');
    for (const image of Array.from(inert.querySelectorAll('img'))) addImage(image.getAttribute('src'));

    // Readability keeps the site's name in «Заголовок — МБОУ …»; the page's only <h1> is the clean title.
    const headings = doc.querySelectorAll('h1');
    const h1 = headings.length === 1 ? normaliseText(headings[0]?.textContent ?? '') : '';
    const readable = normaliseText(parsed.title ?? '');
    const title =
      (h1 && (!readable || readable.startsWith(h1)) ? h1 : readable) ||
      metaContent(doc, 'meta[property="og:title"]') ||
      normaliseText(doc.title);
    if (!title) throw new AdapterError('У статьи нет заголовка.');
    const summary = normaliseText(parsed.excerpt ?? '') || metaContent(doc, 'meta[name="description"]');
    const warnings: string[] = [];
    if (html.length > captureLimits.maxHtmlChars) {
      warnings.push(
        'Статья слишком длинная для одного кейса: сократите её на сайте или скопируйте часть вручную.',
      );
    }
    return {
      kind: 'article',
      payload: {
        kind: 'article',
        title: shorten(title, 500),
        ...(summary ? { summary: shorten(summary, MAX_SUMMARY) } : {}),
        html,
        images,
        sourceUrl: url.href,
      },
      warnings,
    };
  },
};

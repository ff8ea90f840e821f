/**
 * Audit of a school website's «Наставничество» section: is there a section, and which of the parts
 * the road maps require (documents, road map, curator, programmes, cases, news, how to join,
 * results, the version for the visually impaired) does it have, with links to each.
 * Serves any http(s) page. On the section page itself the parts are looked for in its main content;
 * on another page (the home page) the audit reports where the section link leads and counts only
 * links that name mentoring themselves.
 */
import {
  normaliseText,
  siteAuditParts,
  type SiteAuditPart,
  type SiteAuditPayload,
} from '@nastavnik/shared/capture';
import { type Adapter, isHttpPage } from './contract.js';

const SECTION_WORD = /наставничеств/i;
const SCHOOL_SITE =
  /школ|гимнази|лице[йя]|колледж|техникум|детск(ий|ого) сад|МБОУ|МАОУ|МКОУ|ГБОУ|ГАПОУ|ГБПОУ|ДШИ|учрежден/i;
const DOCUMENT_FILE = /\.(pdf|docx?|odt|rtf|xlsx?)(\?|#|$)/i;

interface Rule {
  /** Words in a link's text (or its file name) that point to the part. */
  link?: RegExp;
  /** Words in a heading of the content that show the part is there without a link. */
  text?: RegExp;
  /** Also look for `text` in paragraphs (a curator is named in a sentence, not a heading). */
  inParagraphs?: boolean;
  /** Look in the whole page, not only the section's content (site-wide features). */
  siteWide?: boolean;
}

const RULES: Readonly<Record<SiteAuditPart, Rule>> = {
  documents: { link: /положени|приказ|документ|норматив|распоряжени/i },
  roadmap: { link: /дорожн\S*\s+карт|план\S*\s+мероприят/i, text: /дорожн\S*\s+карт/i },
  curator: { link: /куратор/i, text: /куратор/i, inParagraphs: true },
  programmes: { link: /программ/i, text: /программ\S*\s+наставничеств/i },
  cases: { link: /кейс|практик|из опыта|поделюсь опытом/i, text: /кейс|лучш\S*\s+практик/i },
  news: { link: /новост|мероприяти|событи|анонс/i },
  join_form: {
    link: /анкет|заявк|присоедин|стать наставник|записаться|опрос/i,
    text: /анкет|стать наставник/i,
  },
  results: {
    link: /результат|показател|мониторинг|отч[её]т|эффективност/i,
    text: /показател\S*\s+эффективност|результаты/i,
  },
  accessible_version: { link: /слабовидящ|специальн\S*\s+верси/i, text: /слабовидящ/i, siteWide: true },
};

interface Link {
  text: string;
  href: string;
}

function pageLinks(root: ParentNode, base: string): Link[] {
  const links: Link[] = [];
  for (const anchor of Array.from(root.querySelectorAll('a[href]'))) {
    const raw = anchor.getAttribute('href') ?? '';
    let href: string;
    try {
      const url = new URL(raw, base);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue; // javascript:, mailto:, tel:
      href = url.href;
    } catch {
      continue; // an href the browser cannot resolve leads nowhere the audit could check
    }
    const text = normaliseText(
      anchor.textContent || anchor.getAttribute('title') || anchor.getAttribute('aria-label') || '',
    );
    links.push({ text: text.slice(0, 300), href });
  }
  return links;
}

/** The DOM types promise a `<body>`, but an XHTML or XML page may have none. */
function bodyOf(doc: Document): HTMLElement | null {
  return doc.body;
}

function mainContent(doc: Document): Element {
  return doc.querySelector('main, [role="main"], article') ?? bodyOf(doc) ?? doc.documentElement;
}

/**
 * Headings (and, separately, the whole text) of the content without the site's navigation, header
 * and footer, which mention every section of the site.
 */
function contentTexts(root: Element): { headings: string; all: string } {
  const copy = root.cloneNode(true) as Element;
  for (const chrome of Array.from(
    copy.querySelectorAll('nav, header, footer, script, style, [role="navigation"]'),
  )) {
    chrome.remove();
  }
  const headings = Array.from(copy.querySelectorAll('h1, h2, h3, h4, h5, h6, dt, legend, caption'))
    .map((heading) => heading.textContent)
    .join(' ');
  return { headings: normaliseText(headings), all: normaliseText(copy.textContent) };
}

function isSectionPage(doc: Document, url: URL): boolean {
  const headings = Array.from(doc.querySelectorAll('h1, h2')).slice(0, 3);
  return (
    headings.some((heading) => SECTION_WORD.test(heading.textContent)) ||
    /nastavnich|nastavnik|mentor/i.test(url.pathname)
  );
}

function hasJoinForm(root: Element): boolean {
  // A search box is a form too; a join form asks for more than one thing.
  return Array.from(root.querySelectorAll('form')).some(
    (form) =>
      form.querySelectorAll('input:not([type="hidden"]):not([type="submit"]), textarea, select').length >= 2,
  );
}

export function auditSite(
  doc: Document,
  url: URL,
): SiteAuditPayload & { onSection: boolean; sectionFound: boolean } {
  const base = doc.baseURI || url.href;
  const onSection = isSectionPage(doc, url);
  const allLinks = pageLinks(doc, base);
  const sectionLink = allLinks.find((link) => SECTION_WORD.test(link.text));
  const scope = mainContent(doc);
  // Off the section, a page's «Документы» are the school's, not the section's: only links that
  // name mentoring themselves («Положение о наставничестве») count there.
  const scopeLinks = pageLinks(scope, base).filter((link) => onSection || SECTION_WORD.test(link.text));
  const texts = onSection ? contentTexts(scope) : { headings: '', all: '' };
  const pageText = normaliseText(bodyOf(doc)?.textContent ?? '');

  const parts = siteAuditParts.values.map((key) => {
    const rule = RULES[key];
    const candidates = rule.siteWide ? allLinks : scopeLinks;
    const links = candidates
      .filter((link) => {
        if (rule.link?.test(link.text)) return true;
        return key === 'documents' && DOCUMENT_FILE.test(link.href);
      })
      .filter((link, index, list) => list.findIndex((other) => other.href === link.href) === index)
      .slice(0, 10);
    const text = rule.siteWide ? pageText : rule.inParagraphs ? texts.all : texts.headings;
    const mentioned = rule.text?.test(text) ?? false;
    const present = links.length > 0 || mentioned || (onSection && key === 'join_form' && hasJoinForm(scope));
    return { key, label: siteAuditParts.label(key), present, links };
  });

  const sectionUrl = onSection ? url.href : sectionLink?.href;
  return {
    kind: 'site_audit',
    ...(sectionUrl ? { sectionUrl } : {}),
    parts,
    onSection,
    sectionFound: onSection || sectionLink !== undefined,
  };
}

export const siteAuditAdapter: Adapter = {
  id: 'site-audit',
  label: 'Проверка раздела «Наставничество»',
  matches: isHttpPage,
  detect(doc, url) {
    const onSection = isSectionPage(doc, url);
    const linked = Array.from(doc.querySelectorAll('a[href]')).some((a) => SECTION_WORD.test(a.textContent));
    if (onSection)
      return {
        kind: 'site_audit',
        summary: 'Раздел «Наставничество»: проверить его состав',
        confidence: 0.7,
      };
    if (linked)
      return {
        kind: 'site_audit',
        summary: 'На сайте есть раздел «Наставничество»: проверить его',
        confidence: 0.4,
      };
    const looksLikeSchool =
      SCHOOL_SITE.test(doc.title) || SCHOOL_SITE.test(doc.querySelector('h1, header')?.textContent ?? '');
    return looksLikeSchool
      ? {
          kind: 'site_audit',
          summary: 'Раздел «Наставничество» на этой странице не найден: проверить сайт',
          confidence: 0.15,
        }
      : null;
  },
  extract(doc, url) {
    const { onSection, sectionFound, ...payload } = auditSite(doc, url);
    const warnings: string[] = [];
    if (!sectionFound)
      warnings.push('Раздел «Наставничество» не найден: на странице нет ни заголовка, ни ссылки на него.');
    else if (!onSection) {
      warnings.push(
        'Это не страница раздела: откройте раздел «Наставничество» по ссылке и проверьте ещё раз для точного результата.',
      );
    }
    return { kind: 'site_audit', payload, warnings };
  },
};

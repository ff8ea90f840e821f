/**
 * Audit of a school website's «Наставничество» section: is there a section, and which of the parts
 * the road maps require (documents, road map, curator, programmes, cases, news, how to join,
 * results, the version for the visually impaired) does it have, with links to each.
 * Serves any http(s) page. On the section page itself the parts are looked for in its main content
 * (a road map may be a table there rather than a link), and the curator's contact is read as the
 * page shows it; on another page (the home page) the audit reports where the section link leads and
 * counts only links that name mentoring themselves.
 */
import {
  normaliseText,
  siteAuditParts,
  type SiteAuditCurator,
  type SiteAuditPart,
  type SiteAuditPayload,
} from '@nastavnik/shared/capture';
import { type Adapter, isHttpPage } from './contract.js';
import { findRoadmapTables } from './table/roadmap-tables.js';

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

const CHROME = 'nav, header, footer, script, style, [role="navigation"]';

/** A copy of the content without the site's navigation, header and footer, which mention every section. */
function withoutChrome(root: Element): Element {
  const copy = root.cloneNode(true) as Element;
  for (const chrome of Array.from(copy.querySelectorAll(CHROME))) chrome.remove();
  return copy;
}

/** Headings (and, separately, the whole text) of the content. */
function contentTexts(content: Element): { headings: string; all: string } {
  const headings = Array.from(content.querySelectorAll('h1, h2, h3, h4, h5, h6, dt, legend, caption'))
    .map((heading) => heading.textContent)
    .join(' ');
  return { headings: normaliseText(headings), all: normaliseText(content.textContent) };
}

const CURATOR_WORD = /куратор/i;
const CONTACT_BLOCKS = 'h1, h2, h3, h4, h5, h6, dt, p, li, dd, address, div';
const HEADING_TAGS = /^(H[1-6]|DT)$/;
const LINE_TAGS = /^(BR|P|DIV|LI|DD|DT|TR|ADDRESS|H[1-6])$/;
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/u;
// «+7 (900) 000-00-12», «8 (3452) 12-34-56, доб. 105», «8-800-100-00-00».
const PHONE = /(?:\+7|8)[\s(‑–-]*\d{3,5}[\s)‑–-]*\d{1,3}(?:[\s‑–-]*\d{2}){2}(?:,?\s*доб\.?\s*\d{1,5})?/;
// A number without the trunk prefix is a phone only after its label: «тел. 12-34-56».
const LABELLED_PHONE = /тел[а-яё.]*[:\s]*(\(?\d[\d\s()‑–-]{4,18}\d)/i;
const WORD = '[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?';
const PATRONYMIC = '[А-ЯЁ][а-яё]+(?:вич|вна|ична|инична|оглы|кызы)(?![а-яё])';
const INITIALS = '[А-ЯЁ]\\.\\s?[А-ЯЁ]\\.';
// A patronymic is what tells «Орехова Анна Викторовна» from three capitalised words of a title.
const PERSON = new RegExp(
  `${WORD}\\s+${WORD}\\s+${PATRONYMIC}|${WORD}\\s+${PATRONYMIC}\\s+${WORD}|${WORD}\\s+${INITIALS}|${INITIALS}\\s?${WORD}`,
);
const CONTACT_LABEL = /^(тел|факс|моб|e-?mail|эл|почт|адрес|каб|сайт)/i;
const POSITION_LABEL = /должность\s*[:–—-]?\s*([^,;\n]+)/i;

/** The text of `elements` by lines, as the page breaks it (paragraphs, list items, <br>). */
function textLines(elements: readonly Element[]): string[] {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push((child.nodeValue ?? '').replace(/\s+/g, ' '));
      else if (child.nodeType === 1) {
        const line = LINE_TAGS.test((child as Element).tagName);
        if (line) parts.push('\n');
        walk(child);
        if (line) parts.push('\n');
      }
    }
  };
  for (const element of elements) {
    parts.push('\n');
    walk(element);
  }
  return parts
    .join('')
    .split('\n')
    .map(normaliseText)
    .filter((line) => line !== '');
}

/** Words that may be a job title: not a contact, not the «куратор» label the block was found by. */
function positionText(value: string): string | undefined {
  const text = normaliseText(value).replace(/^[\s,:;–—-]+|[\s,:;–—-]+$/g, '');
  if (text.length < 3 || text.length > 300 || !/[а-яё]{3}/i.test(text)) return undefined;
  if (CONTACT_LABEL.test(text) || EMAIL.test(text) || PHONE.test(text) || /^куратор/i.test(text))
    return undefined;
  return text;
}

/**
 * The position as the page writes it around the name: «…, заместитель директора по УВР» or
 * «(учитель физики)» after it, «Заместитель директора: Белова С. И.» before it, a line of its own
 * under it, or after «Должность:».
 */
function positionNear(lines: readonly string[], index: number, match: RegExpExecArray): string | undefined {
  const labelled = POSITION_LABEL.exec(lines.join('\n'));
  if (labelled?.[1]) return positionText(labelled[1]);
  const line = lines[index] ?? '';
  const after = /^\s*(?:\(([^)]+)\)|[,–—-]\s*([^,;(]+))/.exec(line.slice(match.index + match[0].length));
  const afterText = positionText(after?.[1] ?? after?.[2] ?? '');
  if (afterText) return afterText;
  const before = line
    .slice(0, match.index)
    .split(',')
    .map((piece) => positionText(piece))
    .filter((piece): piece is string => piece !== undefined);
  if (before.length > 0) return before.join(', ');
  const next = lines[index + 1];
  return next !== undefined && !PERSON.test(next) ? positionText(next) : undefined;
}

/** Name, position, phone and e-mail in a block of text, as written there; undefined when none is. */
function readContact(elements: readonly Element[]): SiteAuditCurator | undefined {
  const lines = textLines(elements);
  const text = lines.join('\n');
  const contact: SiteAuditCurator = {};
  for (const [index, line] of lines.entries()) {
    const match = PERSON.exec(line);
    if (!match) continue;
    contact.name = match[0];
    const position = positionNear(lines, index, match);
    if (position) contact.position = position;
    break;
  }
  const phone = PHONE.exec(text)?.[0] ?? LABELLED_PHONE.exec(text)?.[1];
  if (phone) contact.phone = normaliseText(phone);
  // A link worded «Написать куратору» still carries the address in its href.
  const mailto = elements
    .flatMap((element) => Array.from(element.querySelectorAll('a[href^="mailto:" i]')))
    .map((anchor) => decodeURIComponent((anchor.getAttribute('href') ?? '').slice(7).split('?')[0] ?? ''))
    .find((address) => EMAIL.test(address));
  const email = EMAIL.exec(text)?.[0] ?? mailto;
  if (email) contact.email = email;
  const found = contact.name ?? contact.phone ?? contact.email;
  return found === undefined ? undefined : contact;
}

/**
 * The element that names the curator and what belongs with it: under a heading («Куратор»,
 * «Контакты куратора») everything up to the next heading; after a sentence («Куратор: …») the lines
 * that go on with a phone or an e-mail.
 */
function curatorBlock(element: Element): Element[] {
  const block = [element];
  const heading = HEADING_TAGS.test(element.tagName);
  for (
    let sibling = element.nextElementSibling;
    sibling && block.length < 6 && !HEADING_TAGS.test(sibling.tagName);
    sibling = sibling.nextElementSibling
  ) {
    const text = sibling.textContent;
    if (!heading && !(PHONE.test(text) || LABELLED_PHONE.test(text) || EMAIL.test(text))) break;
    block.push(sibling);
  }
  return block;
}

/** The curator's contact on the section page; road-map tables («Ответственный: куратор») are not it. */
function curatorContact(content: Element): SiteAuditCurator | undefined {
  const names = (element: Element): boolean => CURATOR_WORD.test(element.textContent);
  const candidates = Array.from(content.querySelectorAll(CONTACT_BLOCKS)).filter(
    (element) => !element.closest('table') && names(element),
  );
  for (const element of candidates) {
    // A wrapper is read through the block inside it that names the curator.
    if (Array.from(element.querySelectorAll(CONTACT_BLOCKS)).some(names)) continue;
    const contact = readContact(curatorBlock(element));
    if (contact) return contact;
  }
  return undefined;
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
  const content = onSection ? withoutChrome(scope) : null;
  const texts = content ? contentTexts(content) : { headings: '', all: '' };
  const pageText = normaliseText(bodyOf(doc)?.textContent ?? '');
  // Sections often publish the road map itself as a table instead of linking a file.
  const roadmapTable =
    onSection &&
    findRoadmapTables(doc).some(({ element }) => scope.contains(element) && !element.closest(CHROME));
  const curator = content ? curatorContact(content) : undefined;

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
    const present =
      links.length > 0 ||
      mentioned ||
      (onSection && key === 'join_form' && hasJoinForm(scope)) ||
      (key === 'roadmap' && roadmapTable) ||
      (key === 'curator' && curator !== undefined);
    return { key, label: siteAuditParts.label(key), present, links };
  });

  const sectionUrl = onSection ? url.href : sectionLink?.href;
  return {
    kind: 'site_audit',
    ...(sectionUrl ? { sectionUrl } : {}),
    ...(curator ? { curator } : {}),
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

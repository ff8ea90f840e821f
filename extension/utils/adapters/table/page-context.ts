/**
 * What journals print around a table rather than in it: the class («Класс: 7А», «Журнал 7 «Б»
 * класса») and the period («1 четверть»). Read from headings, captions and the selected option of
 * a labelled <select>, which is how journals let the user choose them.
 */
import { normaliseClassName, normaliseText } from '@nastavnik/shared/capture';
import type { TableDefaults } from './draft.js';

const CLASS_PATTERN =
  /(?:класс[:\s]+|^)(\d{1,2}\s*[-–]?\s*[«"]?[А-ЯЁA-Z][»"]?)(?:\s*класс|\s|$)|(\d{1,2}\s*[-–]?\s*[«"]?[А-ЯЁA-Z][»"]?)\s*класс/i;
const PERIOD_PATTERN =
  /((?:[1-4]|I{1,3}|IV)\s*(?:-?я)?\s*(?:четверть|триместр|полугодие)|(?:четверть|триместр|полугодие)\s*(?:[1-4]|I{1,3}|IV)|(?:20\d{2}\s*[/–-]\s*(?:20)?\d{2}\s+)?учебный год|годовые)/i;

/** Text of the selected option of each <select> whose label, name or id mentions `word`. */
function selectedOptions(doc: Document, word: RegExp): string[] {
  const found: string[] = [];
  const labels = Array.from(doc.querySelectorAll('label'));
  for (const select of Array.from(doc.querySelectorAll('select'))) {
    const id = select.getAttribute('id');
    const label =
      (id ? labels.find((candidate) => candidate.getAttribute('for') === id) : undefined) ??
      select.closest('label');
    const names = [
      select.getAttribute('name'),
      select.getAttribute('aria-label'),
      id,
      label?.textContent,
    ].join(' ');
    if (!word.test(names)) continue;
    // The live selection, not the `selected` attribute the page was served with.
    const option = select.options[select.selectedIndex] ?? select.options[0];
    const text = normaliseText(option?.textContent ?? '');
    if (text) found.push(text);
  }
  return found;
}

function headingTexts(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('h1, h2, h3, caption, [role="heading"]'))
    .slice(0, 30)
    .map((element) => normaliseText(element.textContent))
    .filter(Boolean);
}

export function classFromPage(doc: Document): string | undefined {
  for (const text of [...selectedOptions(doc, /класс|class|grade/i), ...headingTexts(doc)]) {
    const match = CLASS_PATTERN.exec(text);
    const value = match?.[1] ?? match?.[2];
    if (value) return normaliseClassName(value);
  }
  return undefined;
}

export function periodFromPage(doc: Document): string | undefined {
  for (const text of [...selectedOptions(doc, /период|четверт|term|period/i), ...headingTexts(doc)]) {
    const match = PERIOD_PATTERN.exec(text);
    if (match?.[1]) return normaliseText(match[1]);
  }
  return undefined;
}

/** The class and period the page states, for the rows whose table does not say them itself. */
export function pageDefaults(doc: Document): TableDefaults {
  const className = classFromPage(doc);
  const period = periodFromPage(doc);
  return { ...(className ? { className } : {}), ...(period ? { period } : {}) };
}

/**
 * What the text around the tables says: the road map's title, whose it is, who approved it by
 * which order (000: «Утверждена приказом директора … от 07.10.2020 № 285»; 002: «Приложение 2 к
 * приказу … от 01.06.2020 №435-о», signed «Начальник … Л.А.Алексеева»), its period and the working
 * group (002 Приложение 1).
 */
import type { RoadmapLevel } from '../enums.js';
import type { ParagraphBlock, TableRow } from './document.js';
import type { RoadmapApproval, RoadmapWorkingGroupMember } from './schema.js';
import { cleanLines, collapse, fold, group, isCodeLike } from './text.js';

// A paragraph that opens with the bare word «План» is a title too: «План на 2025/2026 учебный год».
const TITLE_WORDS =
  /дорожн[а-я]* карт|план[а-я]* мероприяти|план[а-я]* работы|план[а-я]* реализации|^план(?![а-я])/;

function oneLine(text: string): string {
  return collapse(cleanLines(text).join(' ').replace(/\*\*/g, ''));
}

/** The road map's heading among the paragraphs before its table: bold wins, then the nearest. */
export function findTitle(before: readonly ParagraphBlock[]): string | undefined {
  const candidates = before.filter((p) => {
    const key = fold(p.text);
    return (
      TITLE_WORDS.test(key) &&
      key.length <= 700 &&
      !/^\d+\.\s*(?:утвердить|назначить|организовать)/.test(key) &&
      !/утвержд[её]н/.test(key.slice(0, 20))
    );
  });
  const bold = candidates.find((p) => p.bold);
  const chosen = bold ?? candidates[candidates.length - 1];
  return chosen ? oneLine(chosen.text).replace(/^\d+\.\s+/, '') : undefined;
}

const ORG_START =
  '(?:[А-ЯЁ]{2,}|«|[А-ЯЁ][а-яё]+\\s+(?:областн|муниципальн|государственн|городск|районн|краев|республиканск|частн|автономн|бюджетн|казенн)|(?:муниципальн|государственн|негосударственн|частн|федеральн)(?:ом|ой)\\s+(?:[а-яё-]+\\s+){0,4}(?:учреждени|организаци)[а-яё]*\\s+«|(?:Средн|Основн|Начальн)[а-яё]+\\s+(?:школ|общеобразовательн))';

/**
 * A legal form's abbreviation (МАОУ, МБОУ ДО, ГБПОУ, АНО: it ends in «У» or «О») and the quoted name
 * after it, one level of inner quotes allowed: «МБОУ ДО «Центр «Радуга»»».
 */
const ABBREVIATED_ORG = /(?:^|[\s(])([А-ЯЁ]{1,6}[УО](?:\s+ДО)?\s+«[^«»]*(?:«[^«»]*»[^«»]*)*»)/;

/** «… в МБОУ ДО «Бокситогорская детская школа искусств» на 2022г.» → the organisation as written. */
export function organisationFromTitle(title: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)(?:в|во)\\s+(${ORG_START}.*)$`);
  const m = re.exec(title);
  if (!m) {
    // Without «в» the name stands among other words: the legal form and the quotes mark where it is.
    const abbreviated = ABBREVIATED_ORG.exec(title);
    if (abbreviated) return collapse(group(abbreviated, 1));
    const school =
      /((?:[А-ЯЁ][а-яё]+\s+)?(?:школ[аыеу]|гимнази[яиюе]|лице[йяюе]|техникум[аеу]?|колледж[аеу]?)\s*№\s*\d+)/i.exec(
        title,
      );
    return school ? collapse(group(school, 1)) : undefined;
  }
  return collapse(
    group(m, 1).replace(
      /\s+на\s+\d{4}(?:\s*[-–—/]\s*\d{2,4})?\s*(?:г\.?|гг\.?|год[а-я]*|уч[а-я.]*\s*год[а-я]*)?\s*\.?$/,
      '',
    ),
  );
}

/** The letterhead: capitalised lines above «ПРИКАЗ» (002). */
export function organisationFromLetterhead(before: readonly ParagraphBlock[]): string | undefined {
  const orderAt = before.findIndex(
    (p) => /^п\s?р\s?и\s?к\s?а\s?з$/.test(fold(p.text).replace(/\s+/g, ' ')) || fold(p.text) === 'приказ',
  );
  // No paragraph above when «ПРИКАЗ» is missing (-1) or comes first (0).
  const head = before[orderAt - 1];
  if (!head) return undefined;
  const text = oneLine(head.text);
  const letters = text.replace(/[^А-ЯЁа-яё]/g, '');
  return letters.length > 10 && letters === letters.toUpperCase() ? text : undefined;
}

const NOMINATIVE: ReadonlyArray<[RegExp, string]> = [
  [/^директор[а-я]*$/, 'Директор'],
  [/^начальник[а-я]*$/, 'Начальник'],
  [/^заведующ[а-я]*$/, 'Заведующий'],
  [/^руководител[а-я]*$/, 'Руководитель'],
  [/^министр[а-я]*$/, 'Министр'],
  [/^ректор[а-я]*$/, 'Ректор'],
  [/^председател[а-я]*$/, 'Председатель'],
  [/^глав[а-я]*$/, 'Глава'],
];

function nominative(word: string): string | undefined {
  const key = fold(word);
  return NOMINATIVE.find(([re]) => re.test(key))?.[1];
}

function isoFromDotted(text: string): string | undefined {
  const m = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${m[3]}-${group(m, 2).padStart(2, '0')}-${group(m, 1).padStart(2, '0')}`;
}

const NUMBER = String.raw`№\s*(\d+[\dA-Za-zА-Яа-яЁё/]*(?:\s*-\s*[\dA-Za-zА-Яа-яЁё]+)?)`;

/** The order's number: the one after its date («от 07.10.2020 № 285»), not a school's («школы № 40»). */
function orderNumber(text: string): string | undefined {
  const m =
    new RegExp(String.raw`от\s+\d{1,2}\.\d{1,2}\.\d{4}\s*(?:г\.?|года)?\s*` + NUMBER).exec(text) ??
    new RegExp(String.raw`приказ[а-яё]*\s*` + NUMBER, 'i').exec(text);
  return m ? group(m, 1).replace(/\s*-\s*/g, '-') : undefined;
}

const SIGNATORY =
  /^(директор|начальник|заведующий|руководитель|министр|ректор|председатель|глава)(?![а-яё])/i;
const INITIALS_NAME = /([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)/;
/** «им. И.П. Петрова», «имени Петрова И.П.»: whom the school is named after, written before the signature. */
const EPONYM = new RegExp(String.raw`(?:им\.|имени)\s*` + INITIALS_NAME.source, 'g');
/** «_________ А.Б. Сергеева»: the name under the signature, whatever the school's name holds. */
const SIGNED_NAME = new RegExp(String.raw`_{3,}\s*` + INITIALS_NAME.source);

/** Who signed the block: the name on its signature line, else the first one that is not an eponym. */
function signatoryName(text: string): string | undefined {
  const name = SIGNED_NAME.exec(text) ?? INITIALS_NAME.exec(text.replace(EPONYM, ' '));
  return name ? collapse(group(name, 1)) : undefined;
}

/** The approval of the road map from the paragraphs before its table. */
export function findApproval(before: readonly ParagraphBlock[]): RoadmapApproval | undefined {
  let found: RoadmapApproval | undefined;
  for (const paragraph of before) {
    const text = oneLine(paragraph.text);
    const key = fold(text);
    const approved = /утвержд[её]н[аоы]?\s+приказом|утверждаю|приложение\s*(?:№\s*)?\d*\s*к\s+приказу/.exec(
      key,
    );
    if (!approved) continue;
    const approval: RoadmapApproval = { text };
    const date = isoFromDotted(text);
    if (date) approval.date = date;
    const number = orderNumber(text);
    if (number) approval.orderNumber = number;
    const byOrder = /приказом\s+([А-Яа-яЁё]+)\s+(.+?)\s+от\s+\d/.exec(text);
    if (byOrder) {
      // «приказом директора МБОУ …» names the head; in «приказом МАОУ «Гимназия № 9»» the word is the name's.
      const role = nominative(group(byOrder, 1));
      if (role) approval.approver = role;
      approval.organisation = collapse(
        role ? group(byOrder, 2) : `${group(byOrder, 1)} ${group(byOrder, 2)}`,
      );
    }
    const annex = /к\s+приказу\s+(.+?)\s+от\s+\d/i.exec(text);
    if (annex) approval.organisation = collapse(group(annex, 1));
    if (key.includes('утверждаю')) {
      const after = text.slice(key.indexOf('утверждаю') + 'утверждаю'.length).trim();
      const role = nominative(after.split(/\s+/)[0] ?? '');
      if (role) approval.approver = role;
      const name = signatoryName(after);
      if (name) approval.approverName = name;
    }
    found = approval;
  }
  if (found && !found.approver) {
    // The order is signed at its end: «Начальник» and, a line or two below, «Л.А.Алексеева».
    for (const [i, paragraph] of before.entries()) {
      const line = oneLine(paragraph.text);
      const m = SIGNATORY.exec(line);
      if (!m || line.length > 80) continue;
      const role = nominative(group(m, 1));
      const rest = [line.slice(m[0].length), ...before.slice(i + 1, i + 3).map((p) => oneLine(p.text))].join(
        ' ',
      );
      const name = signatoryName(rest);
      if (role && name) {
        found.approver = role;
        found.approverName = name;
      }
    }
  }
  return found;
}

export interface PeriodGuess {
  start: number;
  end: number;
  academic: boolean;
  text: string;
  /**
   * Read from «в 2016 году», which may name only the year a plan starts in: it holds unless the plan's
   * own dates run past it.
   */
  weak?: boolean;
}

/** «с 2020 г. по 2024 г.», «на 2022г.», «на 2021-2024 годы», «2022-2023 уч. год». */
export function periodFromText(texts: readonly string[]): PeriodGuess | undefined {
  // «год…» is tried before «г.» everywhere: the other way round the text kept «учебный г» of «учебный год».
  const patterns: ReadonlyArray<[RegExp, (m: RegExpExecArray) => PeriodGuess | undefined]> = [
    [
      /(\d{4})\s*[-/–—]\s*(\d{4}|\d{2})\s*уч(?:\.|ебн[а-я]*)?\s*(?:год[а-я]*|г\.?)/,
      (m) => ({ start: Number(m[1]), end: Number(m[1]) + 1, academic: true, text: m[0] }),
    ],
    [
      /с\s+(\d{4})\s*(?:года|г\.?)?\s+по\s+(\d{4})\s*(?:год[а-я]*|г\.?)?/,
      (m) => ({ start: Number(m[1]), end: Number(m[2]), academic: Number(m[2]) > Number(m[1]), text: m[0] }),
    ],
    [
      // «на 2021-2024 годы» counts calendar years; «с 2020 г. по 2024 г.» above is how school plans write it.
      /на\s+(\d{4})\s*[-–—]\s*(\d{4})\s*(?:год[а-я]*|гг?\.?)/,
      (m) => ({ start: Number(m[1]), end: Number(m[2]), academic: false, text: m[0] }),
    ],
    [
      /на\s+(\d{4})\s*(?:г\.?|год)(?![а-я])/,
      (m) => ({ start: Number(m[1]), end: Number(m[1]), academic: false, text: m[0] }),
    ],
    [
      // «I этап (2022-2024 годы)», «на период 2021 - 2023 годов».
      /(\d{4})\s*[-–—]\s*(\d{4})\s*(?:год(?:ы|ов|ах)|гг\.?)(?![а-я])/,
      (m) => ({ start: Number(m[1]), end: Number(m[2]), academic: false, text: m[0] }),
    ],
    [
      // «… экзамена в Краснодарском крае в 2016 году»: the year the plan is for.
      /(?:^|\s)в\s+(\d{4})\s*(?:году|г\.)(?![а-я])/,
      (m) => ({ start: Number(m[1]), end: Number(m[1]), academic: false, text: m[0].trim(), weak: true }),
    ],
  ];
  for (const text of texts) {
    const key = fold(text);
    for (const [re, make] of patterns) {
      const m = re.exec(key);
      if (!m) continue;
      // «к 2011/2012 учебному году»: the year a plan prepares for, not the plan's own period.
      if (/(?:^|\s)к\s*$/.test(key.slice(Math.max(0, m.index - 3), m.index))) continue;
      const guess = make(m);
      if (guess && guess.start >= 1990 && guess.end <= 2100 && guess.end >= guess.start) {
        return { ...guess, text: collapse(text.slice(m.index, m.index + m[0].length)) };
      }
    }
  }
  return undefined;
}

/** Years written in deadline cells (4-digit years and dd.mm.yyyy dates). */
export function yearsIn(texts: readonly string[]): number[] {
  const years: number[] = [];
  for (const text of texts) {
    for (const m of text.matchAll(/(?<!\d)(19\d{2}|20\d{2})(?!\d)/g)) years.push(Number(m[1]));
    for (const m of text.matchAll(/(?<!\d)\d{1,2}\.\d{1,2}\.(\d{2})(?!\d)/g)) years.push(2000 + Number(m[1]));
  }
  return years.filter((y) => y >= 1990 && y <= 2100);
}

export function guessLevel(organisation: string | undefined): RoadmapLevel | undefined {
  if (!organisation) return undefined;
  const key = fold(organisation);
  if (
    /министерств|департамент образования [а-я]+ област|региональн[а-я]* (?:наставническ|ресурсн)|комитет (?:общего )?(?:и профессионального )?образования [а-я]+ област/.test(
      key,
    )
  ) {
    return 'regional';
  }
  if (
    /управлени[а-я]* образования|отдел[а-я]* образования|комитет[а-я]* (?:по )?образовани|муниципальн[а-я]* (?:орган|методическ)|информационно-методическ/.test(
      key,
    )
  ) {
    return 'municipal';
  }
  return 'organisation';
}

const PATRONYMIC = /(?:вич|вна|чна|ична|инична|оглы|кызы)$/i;

/** A working-group table (002 Приложение 1): «№ | Фамилия Отчество | Имя | Должность» and kin. */
export function readWorkingGroup(rows: readonly TableRow[]): RoadmapWorkingGroupMember[] {
  const members: RoadmapWorkingGroupMember[] = [];
  for (const row of rows) {
    const texts = row.cells.map((cell) => collapse(cell.text.replace(/\n/g, ' ')));
    if (texts.every((text) => !text)) continue;
    if (texts.some((text) => /^(ф\.?\s?и\.?\s?о|фамилия|должность)/i.test(fold(text)))) continue;
    const rest = isCodeLike(texts[0] ?? '') ? texts.slice(1) : texts;
    const filled = rest.map((text, i) => ({ text, i })).filter((x) => x.text);
    // The last filled cell is the position, the ones before it the name.
    const last = filled.at(-1);
    if (!last || filled.length < 2) continue;
    const position = last.text;
    const nameCells = rest.slice(0, last.i);
    const [a = '', b = ''] = nameCells;
    const aWords = a.split(' ').filter(Boolean);
    const bWords = b.split(' ').filter(Boolean);
    const [surname = '', patronymic = ''] = aWords;
    const [given = ''] = bWords;
    // Exports of this table split a full name as «Фамилия Отчество | Имя»; put the first name back.
    const fullName =
      aWords.length === 2 && bWords.length === 1 && !PATRONYMIC.test(given)
        ? `${surname} ${given} ${patronymic}`
        : collapse(nameCells.join(' '));
    if (!fullName) continue;
    members.push({ fullName, position, row: row.source });
  }
  return members;
}

/**
 * «Ответственный исполнитель» cells: people («Баева С.Н.», «Белых Е.В., зам. директора по УР»),
 * roles («Директор», «Классные руководители») and bodies («УОиМП», «Образовательные организации»).
 * People are matched to the organisation's staff later by `matchPersons`, so a person is kept in the
 * short «Фамилия И.О.» form whatever order the document wrote it in.
 */
import type { Responsible } from './schema.js';
import { collapse, fold, upperFirst } from './text.js';

const UPPER = 'А-ЯЁ';
const LOWER = 'а-яё';
const SURNAME = `[${UPPER}][${LOWER}]+(?:-[${UPPER}][${LOWER}]+)?`;
const INITIALS = `[${UPPER}]\\.\\s?(?:[${UPPER}]\\.?)?`;

// Leftmost match wins, so «Баева С.Н. Сапельцева О.И.» is read as two surname-first people
// rather than «С.Н. Сапельцева».
const PERSON = new RegExp(
  [
    `(?<full>${SURNAME}\\s+[${UPPER}][${LOWER}]+\\s+[${UPPER}][${LOWER}]+(?:вич|вна|чна|ична|инична))(?![${LOWER}])`,
    `(?<sf>${SURNAME})\\s+(?<sfi>${INITIALS})(?![${UPPER}${LOWER}.])`,
    `(?<fi>[${UPPER}]\\.\\s?[${UPPER}]\\.)\\s?(?<fs>${SURNAME})(?![${LOWER}])`,
  ].join('|'),
  'g',
);

const ROLE_START =
  /^(?:куратор|директор|зам\.|заместител|учител|педагог|классн|методист|руководител|начальник|заведующ|зав\.|специалист|психолог|социальн|наставник|председател|секретар|воспитател|преподавател|мастер|советник|ответственн|администратор|библиотекар|логопед|дефектолог|тьютор|член|работник|сотрудник|инспектор|старш|главн|ведущ|эксперт|координатор|кураторы|вожат|педагоги|учителя|классные|обучающ|студент|родител|выпускник)/;

const BODY_PATTERN =
  /(?:образовательн|организаци|учреждени|управлени|министерств|департамент|комитет|администраци|центр|совет|объединени|школ|предприяти|партнер|колледж|техникум|университет|институт|вуз|служб|отдел|сектор|агентств|фонд|ассоциаци|сообществ|комисси|ведомств|офис|^мин[а-я]+ росси|^рос(?:стат|[а-я]*надзор|молодеж|труд))/;

/**
 * Notes in brackets that are no part of a name: a short name defined for later («(далее – ДОиН)»)
 * and an agreement still to be obtained («(по согласованию)»).
 */
const NAME_NOTE = /\s*\((?:далее\s*[-–—]?[^)]*|(?:по|со) согласовани[а-я]*[^)]*)\)/gi;

/**
 * A comma that does not end an entry: «органы местного самоуправления, осуществляющие управление…»
 * (a participle describing the entry before it) and «Министерство образования, науки и молодежной
 * политики» (the fields a ministry's name lists).
 */
const CONTINUES_ENTRY = /^(?:осуществляющ|реализующ|обеспечивающ|участвующ|находящ|подведомственн|курирующ)/;
const MINISTRY_FIELD =
  /^(?:науки|молод[а-я]+|спорта|культуры|инноваци[а-я]*|просвещени[а-я]*|здравоохранени[а-я]*|социальн[а-я]+|туризма|труда|цифров[а-я]+)(?:\s|$)/;
const NAMES_FIELDS = /^(?:министерств|департамент|комитет|управлени|агентств)[а-я]*\s/;

function segmentsOf(free: string): string[] {
  const out: string[] = [];
  for (const raw of free.replace(NAME_NOTE, '').split(/[,;\n]+/)) {
    const key = fold(raw);
    const previous = out[out.length - 1];
    if (
      previous !== undefined &&
      (CONTINUES_ENTRY.test(key) || (MINISTRY_FIELD.test(key) && NAMES_FIELDS.test(fold(previous))))
    )
      out[out.length - 1] = `${previous},${raw}`;
    else out.push(raw);
  }
  return out;
}

/** Abbreviations: «УОиМП», «РЦ», «ЮЗУ», «ИМЦ», «ОО», «МБОУ ДО ЦВР «Алиса»». */
const ABBREVIATION = new RegExp(`^[${UPPER}]{2,}[${UPPER}${LOWER}]{0,6}(?:\\s|$|\\s*«)`);

/** Words that start with a capital but are positions, never surnames («Директор Н.А.» is not a person). */
const NOT_SURNAMES =
  /^(?:директор|куратор|заместитель|начальник|руководитель|учитель|педагог|методист|заведующий|председатель|специалист|психолог|секретарь|преподаватель|мастер|советник|наставник)$/i;

export interface ResponsibleAnalysis {
  parsed: Responsible[];
  /** Share of the parsed entries that matched a known shape (person, role or body word), 0–1. */
  confidence: number;
}

interface Piece {
  start: number;
  end: number;
  person: Responsible;
}

function personName(groups: Record<string, string | undefined>): string | null {
  if (groups.full) return collapse(groups.full);
  const surname = groups.sf ?? groups.fs;
  const initialsRaw = groups.sfi ?? groups.fi;
  if (!surname || !initialsRaw || NOT_SURNAMES.test(surname)) return null;
  const letters = initialsRaw.match(new RegExp(`[${UPPER}]`, 'g')) ?? [];
  return `${surname} ${letters.map((letter) => `${letter}.`).join('')}`;
}

function classify(segment: string): { entry: Responsible; known: boolean } {
  const name = upperFirst(collapse(segment.replace(/^[\s,;.:–—-]+|[\s,;:–—-]+$/g, '')));
  const key = fold(name);
  if (ROLE_START.test(key)) return { entry: { kind: 'role', name }, known: true };
  if (ABBREVIATION.test(name)) return { entry: { kind: 'body', name }, known: true };
  if (BODY_PATTERN.test(key)) return { entry: { kind: 'body', name }, known: true };
  return { entry: { kind: 'role', name }, known: false };
}

/**
 * «руководители ШМО», «классные руководители»: the first word is a plural (a plural adjective, or a
 * noun ending in -ы, or -и/-я after a consonant), so the words name a group of people, not a position.
 */
const PLURAL_WORD = /(?:ые|ие|ы|[бвгджзклмнпрстфхцчшщ][ия])$/;

/** One person's position: a role word in the singular. */
function looksLikePosition(text: string): boolean {
  const key = fold(text);
  const [first = ''] = key.split(' ');
  return key.length > 0 && ROLE_START.test(key) && !PLURAL_WORD.test(first);
}

/** «педагоги», «классные руководители»: a role word in the plural names a group, never one position. */
function looksLikeGroup(text: string): boolean {
  const key = fold(collapse(text));
  const [first = ''] = key.split(' ');
  return ROLE_START.test(key) && PLURAL_WORD.test(first);
}

/** «Директор Куликова Т.А.»: a position written right before a name, parted from it by spaces only. */
function positionBefore(free: string): { rest: string; position?: string } {
  const cut = Math.max(...[',', ';', ':', '\n'].map((separator) => free.lastIndexOf(separator))) + 1;
  const position = collapse(free.slice(cut));
  return looksLikePosition(position) ? { rest: free.slice(0, cut), position } : { rest: free };
}

/** Splits a responsible cell into people, roles and bodies, with how sure the reading is. */
export function analyseResponsible(text: string): ResponsibleAnalysis {
  const source = text.replace(/\r/g, '');
  if (collapse(source).length === 0) return { parsed: [], confidence: 0 };
  const persons: Piece[] = [];
  PERSON.lastIndex = 0;
  for (let m = PERSON.exec(source); m; m = PERSON.exec(source)) {
    const name = personName(m.groups ?? {});
    if (!name) {
      // A rejected «Директор Н.А.» must not hide a person starting at its initials.
      PERSON.lastIndex = m.index + 1;
      continue;
    }
    persons.push({ start: m.index, end: m.index + m[0].length, person: { kind: 'person', name } });
  }

  const parsed: Responsible[] = [];
  let known = 0;
  const addFree = (free: string): void => {
    for (const segment of segmentsOf(free)) {
      if (!/[A-Za-zА-Яа-яЁё]/.test(segment)) continue;
      const { entry, known: isKnown } = classify(segment);
      parsed.push(entry);
      if (isKnown) known += 1;
    }
  };

  let cursor = 0;
  for (const [i, piece] of persons.entries()) {
    const before = positionBefore(source.slice(cursor, piece.start));
    addFree(before.rest);
    const nextStart = persons[i + 1]?.start ?? source.length;
    const after = source.slice(piece.end, nextStart);
    const person: Responsible = before.position
      ? { ...piece.person, position: before.position }
      : { ...piece.person };
    cursor = piece.end;
    const comma = /^\s*,\s*/.exec(after);
    if (comma && !before.position) {
      // «Белых Е.В., зам. директора по УР»: what follows the comma up to the next person is the position,
      // unless it is a body or another list entry.
      const rest = after.slice(comma[0].length);
      const line = rest.split(/[;\n]/)[0] ?? '';
      // «заведующий МБДОУ №18, педагоги»: the position ends before a plural group written after it,
      // which is a responsible of its own and is left for `addFree`.
      const parts = line.split(',');
      const groupAt = parts.findIndex((part, index) => index > 0 && looksLikeGroup(part));
      const firstPart = groupAt > 0 ? parts.slice(0, groupAt).join(',') : line;
      const positionText = collapse(firstPart.replace(/[,\s]+$/, ''));
      if (positionText && looksLikePosition(positionText)) {
        person.position = positionText;
        cursor = piece.end + comma[0].length + firstPart.length;
      }
    }
    parsed.push(person);
    known += 1;
  }
  addFree(source.slice(cursor));
  return { parsed, confidence: parsed.length === 0 ? 0 : known / parsed.length };
}

/** People, roles and bodies named in a «Ответственный» cell, in the order written. */
export function parseResponsible(text: string): Responsible[] {
  return analyseResponsible(text).parsed;
}

export interface PersonRef {
  id: string | number;
  fullName: string;
}

export interface PersonMatch<P extends PersonRef> {
  responsible: Responsible;
  /** The one person the entry names; null for roles and bodies, and when none or several fit. */
  person: P | null;
  /** Everyone who fits; more than one means the curator has to choose. */
  candidates: P[];
}

function nameTokens(value: string): string[] {
  return fold(value)
    .replace(/\./g, '. ')
    .split(/[\s,]+/)
    .filter((token) => token.length > 0);
}

function fits(responsibleName: string, fullName: string): boolean {
  const wanted = nameTokens(responsibleName);
  const tokens = nameTokens(fullName);
  const surname = wanted.find((token) => !token.endsWith('.') && token.length > 1);
  if (!surname) return false;
  const initials = wanted.filter((token) => token !== surname).map((token) => token.replace(/\.$/, ''));
  const surnameIndex = tokens.indexOf(surname);
  if (surnameIndex < 0) return false;
  const others = tokens.filter((_, i) => i !== surnameIndex);
  if (initials.length > others.length) return false;
  // A full name written in full must match word for word; initials match the first letters in order.
  return initials.every((initial, i) =>
    initial.length > 1 ? others[i] === initial : others[i]?.startsWith(initial) === true,
  );
}

/** Links «Баева С.Н.» to «Баева Светлана Николаевна» among the organisation's people. */
export function matchPersons<P extends PersonRef>(
  responsibles: readonly Responsible[],
  people: readonly P[],
): Array<PersonMatch<P>> {
  return responsibles.map((responsible) => {
    if (responsible.kind !== 'person') return { responsible, person: null, candidates: [] };
    const candidates = people.filter((p) => fits(responsible.name, p.fullName));
    const [only] = candidates;
    return { responsible, person: candidates.length === 1 && only ? only : null, candidates };
  });
}

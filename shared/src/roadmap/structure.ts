/**
 * A road-map table (its header already found) to sections and activities. Three passes:
 *  1. every physical row is fitted to the header's columns;
 *  2. rows continued across a page break are joined to the activity they continue (000 item 1.g,
 *     002 items 5, 12, 22): a row without a number whose title is empty or starts in lower case;
 *  3. the joined rows are classified: a stage (a «Этапы» column, 001), a section (a numbered row
 *     with nothing but a title followed by its children, or a title-only row without a number,
 *     002), or an activity.
 * A row is never dropped: what cannot be read is kept as written with a warning.
 */
import { activityStatuses, type ActivityStatus } from '../enums.js';
import { alignCells, type CellScorer } from './align.js';
import { parseDeadline, type DeadlineContext } from './deadline.js';
import type { Cell, TableRow } from './document.js';
import { headerRoles, isColumnNumberRow } from './header.js';
import { contentOf, splitList } from './lists.js';
import { analyseResponsible } from './responsible.js';
import type {
  Deadline,
  ImportWarning,
  Responsible,
  RoadmapActivityDraft,
  RoadmapColumnRole,
  RoadmapSectionDraft,
} from './schema.js';
import {
  cleanLines,
  collapse,
  fold,
  group,
  isChildCode,
  isCodeLike,
  joinPieces,
  quote,
  startsLowercase,
} from './text.js';

type Values = Record<RoadmapColumnRole, string>;

const ROLES: readonly RoadmapColumnRole[] = [
  'number',
  'stage',
  'activity',
  'content',
  'deadline',
  'responsible',
  'result',
  'status',
  'evidence',
];
/** A merged cell in these columns starts something new only in its first row. */
const OWN_ROW_ROLES = new Set<RoadmapColumnRole>(['number', 'stage', 'activity', 'content']);
const TASK_ROLES: readonly RoadmapColumnRole[] = [
  'content',
  'deadline',
  'responsible',
  'result',
  'status',
  'evidence',
];

interface PhysicalRow {
  row: TableRow;
  values: Values;
  raw: string[];
  /** The title cell is merged across the rest of the row: a heading (our own export writes sections so). */
  wide?: boolean;
}

interface LogicalRow {
  /** Starts from one physical row; page breaks and continuations add more. */
  rows: [PhysicalRow, ...PhysicalRow[]];
  values: Values;
  /** A title spread over the whole row (002: «Организационная, методическая … поддержка»). */
  banner: boolean;
}

export interface TableContext {
  /** 1-based index of the table in the document, for warnings. */
  table: number;
  deadline: DeadlineContext;
  /** Sections and activities found so far (a table split over pages continues them). */
  sections: RoadmapSectionDraft[];
  activities: RoadmapActivityDraft[];
  warnings: ImportWarning[];
}

function emptyValues(): Values {
  return {
    number: '',
    stage: '',
    activity: '',
    content: '',
    deadline: '',
    responsible: '',
    result: '',
    status: '',
    evidence: '',
  };
}

function valuesOf(cells: readonly Cell[], roles: ReadonlyArray<RoadmapColumnRole | null>): Values {
  const values = emptyValues();
  roles.forEach((role, i) => {
    const cell = cells[i];
    if (!role || !cell) return;
    if (cell.spanned === 'row' && OWN_ROW_ROLES.has(role)) return;
    values[role] = cell.text;
  });
  return values;
}

const MARKER_START = /^(?:\d{1,2}[.)]|[-–—•])\s/;

/** Pieces of a cell split by a page break; a list item on the new page starts a new line. */
function joinCell(first: string, second: string): string {
  if (!first) return second;
  if (!second) return first;
  return MARKER_START.test(second) ? `${first}\n${second}` : joinPieces(first, second);
}

function lowerFirst(text: string): string {
  const second = text.charAt(1);
  return text.length > 1 && second === second.toLowerCase()
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

function statusOf(text: string): ActivityStatus | undefined {
  const key = fold(text);
  if (!key) return undefined;
  for (const value of activityStatuses.values) if (fold(activityStatuses.label(value)) === key) return value;
  if (key.startsWith('не выполн')) return 'planned';
  if (/^выполн(ено|ен|ена)$|^да$|^\+$/.test(key)) return 'done';
  if (/^выполняется|^в работе/.test(key)) return 'in_progress';
  if (key.startsWith('отмен')) return 'cancelled';
  return undefined;
}

/** «Подготовка условий … Задача: … Результат: …» → the title and the labelled lines under it. */
export function splitSectionTitle(text: string): { title: string; details: string[] } {
  const joined = cleanLines(text).join(' ');
  const labels =
    /(?:^|\s)((?:Цель|Цели|Задача|Задачи|Ожидаемый результат|Результат|Результаты|Показатели)\s*:)/g;
  const cuts: number[] = [];
  for (let m = labels.exec(joined); m; m = labels.exec(joined))
    cuts.push(m.index + (m[0].length - group(m, 1).length));
  if (cuts.length === 0 || cuts[0] === 0) return { title: joined, details: [] };
  const title = collapse(joined.slice(0, cuts[0]));
  const details = cuts
    .map((cut, i) => collapse(joined.slice(cut, cuts[i + 1] ?? joined.length)))
    .filter((detail) => !/^[^:]+:\s*$/.test(detail));
  return { title, details };
}

type Warn = (
  row: TableRow | undefined,
  code: string,
  message: string,
  extra?: Partial<ImportWarning>,
) => void;

/**
 * Reads the activity rows of one table into `ctx`. `headerIndex` is the index of the header row in
 * `rows`, or -1 for a table that continues the previous one without repeating its header.
 */
export function readActivityTable(
  rows: readonly TableRow[],
  headerIndex: number,
  headerRolesIn: ReadonlyArray<RoadmapColumnRole | null>,
  ctx: TableContext,
): void {
  const roles = [...headerRolesIn];
  const warn: Warn = (row, code, message, extra = {}) => {
    ctx.warnings.push({
      row: row?.source ?? 0,
      table: ctx.table,
      ...(row?.page ? { page: row.page } : {}),
      code,
      severity: 'info',
      message,
      ...extra,
    });
  };
  const physical = fitRows(rows.slice(headerIndex + 1), roles, cellScorer(ctx.deadline), warn);
  rereadGroupColumn(physical, roles, warn);
  const logical = joinContinuedRows(physical, roles, warn);
  classifyRows(logical, roles, ctx, warn);
}

/**
 * How well a text fits a column, for fitting rows whose cells do not match the header. Each check
 * runs only for the roles that need it: fitting a row tries every cell in every column.
 */
function cellScorer(deadlineContext: DeadlineContext): CellScorer {
  const deadlineCache = new Map<string, boolean>();
  const looksLikeDeadline = (text: string): boolean => {
    // A title or a result is not a deadline; parsing a paragraph to find that out is wasted work.
    if (text.length > 160) return false;
    let value = deadlineCache.get(text);
    if (value === undefined) {
      value = parseDeadline(text, deadlineContext).kind !== 'unknown';
      deadlineCache.set(text, value);
    }
    return value;
  };
  const responsibleCache = new Map<string, ReturnType<typeof analyseResponsible>>();
  const responsibleOf = (text: string) => {
    let value = responsibleCache.get(text);
    if (!value) responsibleCache.set(text, (value = analyseResponsible(text)));
    return value;
  };
  return (role, text) => {
    switch (role) {
      case 'number':
        return isCodeLike(text) ? 2 : -3;
      case 'deadline':
        return looksLikeDeadline(text) ? 2 : responsibleOf(text).confidence === 1 ? -1.5 : -1;
      case 'responsible':
        return looksLikeDeadline(text) ? -2 : 2 * responsibleOf(text).confidence;
      case 'result': {
        if (looksLikeDeadline(text)) return -2;
        const responsible = responsibleOf(text);
        const shortBody =
          responsible.confidence === 1 &&
          responsible.parsed.every(
            (r) => r.kind === 'person' || (r.kind === 'body' && /^[А-ЯЁ]{2,}/.test(r.name)),
          ) &&
          collapse(text).split(' ').length <= 3;
        return shortBody ? -0.5 : 0.5;
      }
      case 'status':
        return statusOf(text) ? 2 : -0.5;
      case null:
        return -0.5;
      default:
        return isCodeLike(text) || looksLikeDeadline(text) ? -1 : 0.5;
    }
  };
}

/** Pass 1: the rows under the header fitted to the columns; blank and repeated header rows skipped. */
function fitRows(
  rows: readonly TableRow[],
  roles: ReadonlyArray<RoadmapColumnRole | null>,
  scorer: CellScorer,
  warn: Warn,
): PhysicalRow[] {
  const physical: PhysicalRow[] = [];
  for (const row of rows) {
    if (row.cells.every((cell) => cell.text.trim() === '')) continue;
    if (isColumnNumberRow(row.cells)) continue;
    if (headerRoles(row.cells)) {
      warn(row, 'header_repeated', 'Повторный заголовок таблицы (перенос на новую страницу) пропущен');
      continue;
    }
    physical.push(fitRow(row, roles, scorer, warn));
  }
  return physical;
}

function fitRow(
  row: TableRow,
  roles: ReadonlyArray<RoadmapColumnRole | null>,
  scorer: CellScorer,
  warn: Warn,
): PhysicalRow {
  const raw = row.cells.map((cell) => cell.text);
  const banner = titleInNumberColumn(row, roles);
  if (banner !== undefined) {
    const values = emptyValues();
    values.activity = banner;
    return { row, values, raw };
  }
  const aligned = alignCells(row.cells, roles, scorer);
  if (aligned.changed) warnRealigned(row, roles, warn);
  const titleCol = roles.indexOf('activity');
  const after = titleCol >= 0 ? row.cells.slice(titleCol + 1) : [];
  return {
    row,
    values: valuesOf(aligned.cells, roles),
    raw: aligned.cells.map((cell) => cell.text),
    wide: after.length > 0 && after.every((cell) => cell.spanned === 'col'),
  };
}

/** A title written across the whole row lands in the «№» column of a text export. */
function titleInNumberColumn(
  row: TableRow,
  roles: ReadonlyArray<RoadmapColumnRole | null>,
): string | undefined {
  const first = row.cells[0];
  if (!first || roles[0] !== 'number') return undefined;
  const nonEmpty = row.cells.filter((cell) => cell.text.trim() !== '' && cell.spanned !== 'col');
  const alone = nonEmpty.length === 1 && nonEmpty[0] === first;
  return alone && !isCodeLike(first.text) && collapse(first.text).length > 3 ? first.text : undefined;
}

function warnRealigned(row: TableRow, roles: ReadonlyArray<RoadmapColumnRole | null>, warn: Warn): void {
  const texts = row.cells.map((cell) => cell.text);
  const trimmedLength = texts.length - [...texts].reverse().findIndex((text) => text.trim() !== '');
  if (trimmedLength < roles.length) {
    warn(
      row,
      'row_incomplete',
      `В строке ${trimmedLength} ячеек из ${roles.length}: недостающие ячейки оставлены пустыми (строка обрезана или ячейки потеряны при выгрузке)`,
      { severity: 'warning' },
    );
  } else {
    warn(
      row,
      'cells_realigned',
      `В строке ${row.cells.length} ячеек при ${roles.length} столбцах: ячейки сопоставлены со столбцами по содержанию`,
    );
  }
}

/**
 * A «Мероприятие» column filled only on numbered rows, with every row's task in «Содержание»
 * (004), is a group column: the groups become stages and the content lines the activities.
 * Changes `roles` and the rows' values in place.
 */
function rereadGroupColumn(
  physical: readonly PhysicalRow[],
  roles: Array<RoadmapColumnRole | null>,
  warn: Warn,
): void {
  if (!roles.includes('content') || roles.includes('stage')) return;
  const tasks = physical.filter((p) => p.values.content.trim() && p.values.deadline.trim());
  const ungrouped = tasks.filter((p) => !p.values.activity.trim());
  if (tasks.length < 3 || ungrouped.length < tasks.length * 0.4) return;
  roles[roles.indexOf('activity')] = 'stage';
  roles[roles.indexOf('content')] = 'activity';
  for (const p of physical) {
    const v = p.values;
    [v.stage, v.activity, v.content] = [v.activity, v.content, ''];
  }
  warn(
    undefined,
    'group_column',
    'Графа «Мероприятие» заполнена только в строках с номером: она прочитана как этап, а мероприятиями считаются строки графы «Содержание деятельности»',
  );
}

/** Pass 2: a row continued across a page break is joined to the row it continues. */
function joinContinuedRows(
  physical: readonly PhysicalRow[],
  roles: ReadonlyArray<RoadmapColumnRole | null>,
  warn: Warn,
): LogicalRow[] {
  const hasStatus = roles.includes('status');
  const logical: LogicalRow[] = [];
  for (const p of physical) {
    const current = logical[logical.length - 1];
    if (current && continuesRow(current, p, hasStatus)) {
      mergeRow(current, p, warn);
      continue;
    }
    logical.push({
      rows: [p],
      values: { ...p.values },
      banner: isBanner(p) && roles[0] === 'number' && !!p.raw[0]?.trim(),
    });
  }
  return logical;
}

/** Only a row without a number, stage or status can continue another; a heading is never continued. */
function continuesRow(current: LogicalRow, p: PhysicalRow, hasStatus: boolean): boolean {
  const v = p.values;
  if (current.banner || v.number.trim() || v.stage.trim() || (hasStatus && v.status.trim())) return false;
  const title = v.activity.trim();
  if (!title) {
    const own = TASK_ROLES.some((role) => v[role].trim());
    // A row of its own under a merged title cell has its own deadline while the row above
    // already had one (a sub-task); a page-break remainder has none or completes the row above.
    return own && !(v.deadline.trim() && current.values.deadline.trim());
  }
  if (startsLowercase(title)) return true;
  return p.row.afterBreak && /[A-Za-zА-Яа-яЁё]-$/.test(current.values.activity.trim());
}

function mergeRow(current: LogicalRow, p: PhysicalRow, warn: Warn): void {
  for (const role of ROLES) current.values[role] = joinCell(current.values[role], p.values[role]);
  current.rows.push(p);
  const head = cleanLines(current.values.activity).join(' ') || cleanLines(current.values.content).join(' ');
  warn(
    p.row,
    'row_merged',
    `Строка без номера продолжает строку ${quote(head)} (перенос на следующую страницу) и присоединена к ней`,
  );
}

function isBanner(p: PhysicalRow): boolean {
  return (
    !p.values.number.trim() &&
    !!p.values.activity.trim() &&
    ROLES.every((role) => role === 'activity' || !p.values[role].trim()) &&
    p.raw.filter((text) => text.trim()).length === 1 &&
    p.raw[0]?.trim() === p.values.activity.trim()
  );
}

/** Where pass 3 stands: the sections open at the current row and the current stage. */
interface Outline {
  sections: RoadmapSectionDraft[];
  /** Indexes into `sections` of the open sections, outermost first. */
  stack: number[];
  stage?: string;
}

type Heading = ReturnType<typeof splitSectionTitle>;

/** Pass 3: every joined row becomes a stage, a section or an activity, in document order. */
function classifyRows(
  logical: readonly LogicalRow[],
  roles: ReadonlyArray<RoadmapColumnRole | null>,
  ctx: TableContext,
  warn: Warn,
): void {
  const hasStage = roles.includes('stage');
  const outline: Outline = { sections: ctx.sections, stack: [] };
  logical.forEach((lr, index) => {
    const v = lr.values;
    const firstRow = lr.rows[0].row;
    if (lr.banner) {
      const { code, title } = bannerCode(v.activity);
      // A numbered heading nests by its number like a numbered section row; an unnumbered one starts over.
      openSection(outline, splitSectionTitle(title), code, firstRow, code === undefined);
      return;
    }
    let code = collapse(v.number);
    if (hasStage && v.stage.trim()) {
      enterStage(outline, v.stage.trim(), code, firstRow);
      code = '';
      if (!v.activity.trim() && !TASK_ROLES.some((role) => v[role].trim())) return;
    }
    if ((hasStage || !roles.includes('number')) && !code) {
      // «1. Подготовка проекта распоряжения» under a stage (the number column numbers the stage) or in
      // a table with no number column: the activity carries its own number.
      const own = bannerCode(v.activity);
      if (own.code && own.title.trim()) {
        code = own.code;
        v.activity = own.title;
      }
    }
    const place = sectionPlace(lr, logical[index + 1], code, hasStage);
    if (place) {
      openSection(outline, splitSectionTitle(v.activity), place.code, firstRow, place.topLevel);
      return;
    }
    enterActivity(outline, code);
    const section = currentSection(outline);
    const stage = hasStage ? outline.stage : undefined;
    ctx.activities.push(buildActivity(lr, code, roles, ctx, stage, section, warn));
  });
}

/**
 * «1. Нормативно-правовое регулирование» merged across the row: the heading carries its section's
 * number, which has no column of its own there. Only numbers with a dot count: «1 сентября» is a date.
 */
function bannerCode(text: string): { code: string | undefined; title: string } {
  const m = /^(\d{1,2}(?:\.\d{1,2})*\.|\d{1,2}(?:\.\d{1,2})+)\s+(?=\S)/.exec(text);
  return m ? { code: group(m, 1), title: text.slice(m[0].length) } : { code: undefined, title: text };
}

/**
 * Whether a row with a title and no task opens a section, and where the section sits: a heading
 * merged across the row, a numbered row followed by its children (or by unnumbered rows), or a
 * title-only row without a number (002).
 */
function sectionPlace(
  lr: LogicalRow,
  next: LogicalRow | undefined,
  code: string,
  hasStage: boolean,
): { code: string | undefined; topLevel: boolean } | undefined {
  const v = lr.values;
  if (!v.activity.trim() || TASK_ROLES.some((role) => v[role].trim())) return undefined;
  if (lr.rows[0].wide && lr.rows.length === 1)
    return { code: code || undefined, topLevel: !code && !hasStage };
  if (!next || next.banner) return undefined;
  const nextCode = collapse(next.values.number);
  const nextStarts = hasStage && !!next.values.stage.trim();
  if (code && ((nextCode && isChildCode(nextCode, code)) || (!nextCode && !nextStarts)))
    return { code, topLevel: false };
  if (!code && !nextStarts) return { code: undefined, topLevel: !hasStage };
  return undefined;
}

/** A stage is a top-level section; the rows of one stage repeat its text in a merged cell. */
function enterStage(outline: Outline, stageText: string, code: string, row: TableRow): void {
  const heading = splitSectionTitle(stageText);
  if (heading.title === outline.stage) return;
  openSection(outline, heading, code || undefined, row, true);
  outline.stage = heading.title;
}

function openSection(
  outline: Outline,
  heading: Heading,
  code: string | undefined,
  row: TableRow,
  topLevel: boolean,
): void {
  const { sections, stack } = outline;
  if (topLevel) stack.length = 0;
  else {
    for (let top = currentSection(outline); top; top = currentSection(outline)) {
      if (top.code === undefined || !code || isChildCode(code, top.code)) break;
      stack.pop();
    }
  }
  // A section's index is its position in `sections`, so the parent's index is what the stack holds.
  const parent = currentSection(outline);
  const section: RoadmapSectionDraft = {
    index: sections.length,
    ...(code ? { code } : {}),
    title: heading.title || code || 'Без названия',
    level: parent ? parent.level + 1 : 1,
    ...(parent ? { parentIndex: parent.index } : {}),
    ...(heading.details.length > 0 ? { details: heading.details } : {}),
    row: row.source,
  };
  sections.push(section);
  stack.push(section.index);
}

/** A numbered activity closes numbered sections it does not belong to (002: «37» after «36.1»). */
function enterActivity(outline: Outline, code: string): void {
  if (!code) return;
  for (let top = currentSection(outline); top; top = currentSection(outline)) {
    if (top.code === undefined || isChildCode(code, top.code)) break;
    outline.stack.pop();
  }
}

function currentSection(outline: Outline): RoadmapSectionDraft | undefined {
  const index = outline.stack.at(-1);
  return index === undefined ? undefined : outline.sections[index];
}

function buildActivity(
  lr: LogicalRow,
  code: string,
  roles: ReadonlyArray<RoadmapColumnRole | null>,
  ctx: TableContext,
  stage: string | undefined,
  section: RoadmapSectionDraft | undefined,
  warn: Warn,
): RoadmapActivityDraft {
  const v = lr.values;
  const { title, content } = titleAndContent(v, roles);
  const deadline = cachedDeadline(ctx, v.deadline);
  const responsibleText = collapse(v.responsible.replace(/\n/g, ' '));
  const label = code ? `№ ${code}` : quote(title || v.content);
  warnGaps(warn, lr.rows[0].row, label, { title, deadline, deadlineText: v.deadline, responsibleText });
  const status = statusOf(v.status);
  const evidence = cleanLines(v.evidence);
  const result = collapse(v.result.replace(/\n/g, ' '));
  const rawCells = roles.map((_, col) =>
    lr.rows
      .map((p) => p.raw[col] ?? '')
      .filter((text) => text.trim() !== '')
      .join('\n'),
  );
  return {
    order: ctx.activities.length + 1,
    code,
    title,
    ...(content !== undefined ? { content } : {}),
    ...(section ? { sectionIndex: section.index, sectionTitle: section.title } : {}),
    ...(section?.code ? { sectionCode: section.code } : {}),
    ...(stage ? { stage } : {}),
    deadline,
    responsible: { text: responsibleText, parsed: cachedResponsible(ctx, v.responsible) },
    ...(result ? { result } : {}),
    ...(status ? { status } : {}),
    ...(evidence.length > 0 ? { evidence } : {}),
    rawCells,
    sourceRows: lr.rows.map((p) => p.row.source),
    ...ocrConfidence(lr),
  };
}

/** The lowest confidence of the rows an activity was recognised from, when they come from OCR. */
function ocrConfidence(lr: LogicalRow): { ocrConfidence?: number } {
  const values = lr.rows.flatMap((p) => (p.row.confidence === undefined ? [] : [p.row.confidence]));
  return values.length > 0 ? { ocrConfidence: Math.min(...values) } : {};
}

function titleAndContent(
  v: Values,
  roles: ReadonlyArray<RoadmapColumnRole | null>,
): { title: string; content: string | string[] | undefined } {
  const title = cleanLines(v.activity).join(' ');
  const content = roles.includes('content') ? contentOf(v.content) : undefined;
  if (content !== undefined) return { title, content };
  // Without its own column the content is the list written under the title (000 3.c, 002 8).
  const list = splitList(v.activity);
  if (list?.lead && list.items.length > 0)
    return { title: list.lead.replace(/\s*:\s*$/, ''), content: list.items };
  return { title, content };
}

/** What the activity lacks (a readable deadline, an executor, a title), pointed at its cell. */
function warnGaps(
  warn: Warn,
  row: TableRow,
  label: string,
  activity: { title: string; deadline: Deadline; deadlineText: string; responsibleText: string },
): void {
  const { title, deadline, deadlineText, responsibleText } = activity;
  if (deadline.warning) {
    const unknown = deadline.kind === 'unknown';
    const missing = !collapse(deadlineText);
    warn(
      row,
      missing ? 'deadline_missing' : unknown ? 'deadline_unknown' : 'deadline_partial',
      `Мероприятие ${label}: ${lowerFirst(deadline.warning)}`,
      { cell: 'deadline', severity: unknown ? 'warning' : 'info' },
    );
  }
  if (!responsibleText) {
    warn(row, 'responsible_missing', `Мероприятие ${label}: не указан ответственный исполнитель`, {
      cell: 'responsible',
      severity: 'info',
    });
  }
  if (!title) {
    warn(row, 'title_missing', 'В строке нет названия мероприятия: сохранены ячейки как есть', {
      cell: 'activity',
      severity: 'warning',
    });
  }
}

// A road map repeats the same few deadlines and executors on every row: parse each text once.
const deadlineMemo = new WeakMap<TableContext, Map<string, Deadline>>();
const responsibleMemo = new WeakMap<TableContext, Map<string, Responsible[]>>();

function cachedDeadline(ctx: TableContext, text: string): Deadline {
  let memo = deadlineMemo.get(ctx);
  if (!memo) deadlineMemo.set(ctx, (memo = new Map<string, Deadline>()));
  let deadline = memo.get(text);
  if (!deadline) memo.set(text, (deadline = parseDeadline(text, ctx.deadline)));
  // Each activity gets its own copy: a caller may edit one activity's deadline.
  return {
    ...deadline,
    windows: deadline.windows.map((window) => ({ ...window })),
    recurrence: deadline.recurrence
      ? {
          ...deadline.recurrence,
          ...(deadline.recurrence.months ? { months: [...deadline.recurrence.months] } : {}),
        }
      : null,
  };
}

function cachedResponsible(ctx: TableContext, text: string): Responsible[] {
  let memo = responsibleMemo.get(ctx);
  if (!memo) responsibleMemo.set(ctx, (memo = new Map<string, Responsible[]>()));
  let parsed = memo.get(text);
  if (!parsed) memo.set(text, (parsed = analyseResponsible(text).parsed));
  return parsed.map((entry) => ({ ...entry }));
}

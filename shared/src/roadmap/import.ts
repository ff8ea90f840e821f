/**
 * The import engine's entry points. Pure: it takes bytes or a string and returns a draft or a
 * refusal, never throws, never reads files, so the CMS and the extension run the same code.
 */
import { type DeadlineContext } from './deadline.js';
import { brokenDocx, brokenPdf, detectInput, MAX_INPUT_BYTES, scannedPdf } from './detect.js';
import type { Block, ParagraphBlock, SourceDocument, TableBlock, TableRow } from './document.js';
import { readDocx, type DocxReader } from './docx-reader.js';
import { findActivityHeader } from './header.js';
import { readHtml } from './html-reader.js';
import {
  contingentHeader,
  kpiHeader,
  readContingentTable,
  readCoverageTargets,
  readKpiTable,
} from './kpi.js';
import {
  findApproval,
  findTitle,
  guessLevel,
  organisationFromLetterhead,
  organisationFromTitle,
  periodFromText,
  readWorkingGroup,
  yearsIn,
} from './metadata.js';
import {
  roadmapDraftSchema,
  type ContingentSnapshotDraft,
  type ImportErrorCode,
  type ImportFormat,
  type ImportResult,
  type ImportWarning,
  type KpiIndicatorDraft,
  type RoadmapColumnRole,
  type RoadmapDraft,
  type RoadmapPeriod,
  type RoadmapWorkingGroupMember,
} from './schema.js';
import { readActivityTable, type TableContext } from './structure.js';
import type { PdfPage } from './pdf-layout.js';
import { readPdf, readPdfFromPages } from './pdf-reader.js';
import { readText } from './text-reader.js';
import { collapse, fold, quote } from './text.js';

export interface ImportPeriodInput {
  start?: number;
  end?: number;
  academicYear?: boolean;
}

export interface RoadmapImportOptions {
  /** The road map's period when the caller knows it better than the document says. */
  period?: ImportPeriodInput;
}

export interface RoadmapImportInput extends RoadmapImportOptions {
  data: Uint8Array | string;
  filename?: string;
  contentType?: string;
  /**
   * Which converter reads a DOCX: the lean built-in reader (default; mammoth still takes over when it
   * fails) or mammoth from the start.
   */
  docxReader?: DocxReader;
  /**
   * Recognises a scanned PDF (one with no text layer) into pages of words with their positions and
   * confidence. Only a Node caller with an OCR engine passes it (the CLI and the CMS); without it a
   * scan is refused with a message that says so.
   */
  ocr?: (pdf: Uint8Array) => Promise<PdfPage[] | null>;
}

type TableKind =
  | { kind: 'activity'; headerIndex: number; roles: Array<RoadmapColumnRole | null> }
  | { kind: 'kpi'; header: NonNullable<ReturnType<typeof kpiHeader>> }
  | { kind: 'contingent'; header: NonNullable<ReturnType<typeof contingentHeader>> }
  | { kind: 'group' }
  | { kind: 'other' };

const EXPECTED_COLUMNS =
  'ожидалась таблица со столбцами «№ п/п», «Мероприятие» (или «Наименование мероприятий»), «Срок», «Ответственный» и, по желанию, «Содержание деятельности», «Этап», «Результат»';

function tableWidth(table: TableBlock): number {
  let width = 0;
  for (const row of table.rows) {
    // Up to the last cell with text: trailing empty cells do not count.
    width = Math.max(width, row.cells.findLastIndex((cell) => cell.text.trim() !== '') + 1);
  }
  return width;
}

function classifyTables(blocks: readonly Block[]): Map<TableBlock, TableKind> {
  const kinds = new Map<TableBlock, TableKind>();
  let previousParagraph: ParagraphBlock | undefined;
  let lastActivity: { roles: Array<RoadmapColumnRole | null> } | undefined;
  let lastWasActivity = false;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      previousParagraph = block;
      // A heading between two tables ends the road map's table.
      if (collapse(block.text).length > 0) lastWasActivity = false;
      continue;
    }
    const activity = findActivityHeader(block.rows);
    if (activity) {
      kinds.set(block, { kind: 'activity', headerIndex: activity.index, roles: activity.roles });
      lastActivity = { roles: activity.roles };
      lastWasActivity = true;
      continue;
    }
    const kpi = kpiHeader(block.rows);
    if (kpi) {
      kinds.set(block, { kind: 'kpi', header: kpi });
      lastWasActivity = false;
      continue;
    }
    const contingent = contingentHeader(block.rows);
    if (contingent) {
      kinds.set(block, { kind: 'contingent', header: contingent });
      lastWasActivity = false;
      continue;
    }
    const firstRow = block.rows[0]?.cells.map((cell) => fold(cell.text)).join(' ') ?? '';
    if (
      /рабоч[а-я]* групп/.test(fold(previousParagraph?.text ?? '')) ||
      /ф\.?\s?и\.?\s?о.*должност/.test(firstRow)
    ) {
      kinds.set(block, { kind: 'group' });
      lastWasActivity = false;
      continue;
    }
    if (lastWasActivity && lastActivity && Math.abs(tableWidth(block) - lastActivity.roles.length) <= 1) {
      // The road map's table split in two (a page break in an HTML or PDF export) without a repeated header.
      kinds.set(block, { kind: 'activity', headerIndex: -1, roles: lastActivity.roles });
      continue;
    }
    kinds.set(block, { kind: 'other' });
    lastWasActivity = false;
  }
  return kinds;
}

/** «к приказу … от 05.10.2022 г. N 976»: the date of the order a plan is appended to, as ISO. */
function documentDate(before: readonly ParagraphBlock[]): string | undefined {
  for (const block of before) {
    const m = /(?:^|\s)от\s+(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(block.text);
    if (m) return `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  }
  return undefined;
}

function periodOf(
  options: RoadmapImportOptions,
  texts: readonly string[],
  deadlineTexts: readonly string[],
  kpis: readonly KpiIndicatorDraft[],
): RoadmapPeriod | undefined {
  const given = options.period;
  if (given?.start !== undefined) {
    const end = Math.max(given.end ?? given.start, given.start);
    return {
      start: given.start,
      end,
      academicYear: given.academicYear ?? end > given.start,
      source: 'input',
    };
  }
  const written = periodFromText(texts);
  const datedYears = yearsIn(deadlineTexts);
  if (written && !(written.weak && datedYears.some((year) => year > written.end))) {
    return {
      start: written.start,
      end: written.end,
      academicYear: written.academic,
      source: 'text',
      text: written.text,
    };
  }
  if (datedYears.length > 0) {
    return {
      start: Math.min(...datedYears),
      end: Math.max(...datedYears),
      academicYear: false,
      source: 'deadlines',
    };
  }
  const kpiYears = kpis.flatMap((kpi) => kpi.targets.map((target) => target.year));
  if (kpiYears.length > 0) {
    return { start: Math.min(...kpiYears), end: Math.max(...kpiYears), academicYear: false, source: 'kpi' };
  }
  return undefined;
}

const ORDER_WORD = /^(?:п\s?р\s?и\s?к\s?а\s?з|р\s?а\s?с\s?п\s?о\s?р\s?я\s?ж\s?е\s?н\s?и\s?е|постановление)$/;
const STARTS_DOCUMENT_PART = /^(?:план|дорожн|состав|положени|программ|приложени|утвержд)/;

/**
 * Word and web pages keep each line of a heading as its own paragraph («План» / «мероприятий …» /
 * «в … техникум»); a text export separates paragraphs by blank lines instead. Lines are joined back
 * when the first does not end a sentence and both look alike (same weight, short).
 */
export function groupParagraphs(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (block.kind === 'paragraph' && prev?.kind === 'paragraph') {
      const a = collapse(prev.text);
      const b = collapse(block.text);
      const join =
        prev.bold === block.bold &&
        a.length <= 300 &&
        b.length <= 300 &&
        !/[.!?;:]$/.test(a) &&
        !ORDER_WORD.test(fold(a)) &&
        !ORDER_WORD.test(fold(b)) &&
        !STARTS_DOCUMENT_PART.test(fold(b)) &&
        !/^(?:\d{1,2}[.)]|[-–—•])\s/.test(b);
      if (join) {
        out[out.length - 1] = { ...prev, text: `${prev.text}\n${block.text}` };
        continue;
      }
    }
    out.push(block);
  }
  return out;
}

/** The document model to a validated draft. Exported for the tests; callers use the import functions. */
export function buildDraft(
  source: SourceDocument,
  format: ImportFormat,
  options: RoadmapImportOptions = {},
): ImportResult {
  const doc: SourceDocument = format === 'text' ? source : { blocks: groupParagraphs(source.blocks) };
  const tables = doc.blocks.filter((block): block is TableBlock => block.kind === 'table');
  const paragraphs = doc.blocks.filter((block): block is ParagraphBlock => block.kind === 'paragraph');
  const [firstTable] = tables;
  if (!firstTable) {
    return refusal(
      'no_table',
      `В документе не найдено ни одной таблицы: ${EXPECTED_COLUMNS}. Если план записан списком, оформите его таблицей.`,
    );
  }
  const kinds = classifyTables(doc.blocks);
  const activityTables = tables.filter((table) => kinds.get(table)?.kind === 'activity');
  const [firstActivityTable] = activityTables;
  if (!firstActivityTable) return refusal('no_header', noHeaderMessage(firstTable));

  const warnings: ImportWarning[] = [];
  const tableNumber = (table: TableBlock): number => tables.indexOf(table) + 1;
  const before = doc.blocks
    .slice(0, doc.blocks.indexOf(firstActivityTable))
    .filter((b): b is ParagraphBlock => b.kind === 'paragraph');
  const { kpis, contingent, workingGroup } = readOtherTables(tables, kinds, tableNumber, warnings);
  kpis.push(...readCoverageTargets(paragraphs));

  const title = findTitle(before);
  const period = periodOf(
    options,
    [...(title ? [title] : []), ...paragraphs.map((p) => p.text)],
    deadlineTexts(activityTables, kinds),
    kpis,
  );
  const approval = findApproval(before);
  const approvedOn = approval?.date ?? documentDate(before);
  const deadline: DeadlineContext = period
    ? {
        periodStart: period.start,
        periodEnd: period.end,
        academicYear: period.academicYear,
        ...(approvedOn ? { approvedOn } : {}),
      }
    : {};
  const ctx: TableContext = { table: 0, deadline, sections: [], activities: [], warnings };
  for (const group of activityTableGroups(activityTables, kinds)) {
    ctx.table = tableNumber(group.table);
    readActivityTable(group.rows, group.headerIndex, group.roles, ctx);
  }
  warnings.push(...structureWarnings(ctx));

  const organisationName =
    organisationFromLetterhead(before) ??
    (approval?.organisation && /приказом/i.test(approval.text) ? approval.organisation : undefined) ??
    (title ? organisationFromTitle(title) : undefined) ??
    approval?.organisation;
  warnings.push(...metadataWarnings(title, period));

  const level = guessLevel(organisationName);
  return validated(format, warnings, {
    ...(title ? { title } : {}),
    ...(organisationName ? { organisationName } : {}),
    ...(level ? { level } : {}),
    ...(approval ? { approval } : {}),
    ...(period ? { period } : {}),
    sections: ctx.sections,
    activities: ctx.activities,
    kpis,
    contingent,
    workingGroup,
  });
}

function refusal(code: ImportErrorCode, message: string): ImportResult {
  return { ok: false, error: { code, message } };
}

function noHeaderMessage(firstTable: TableBlock): string {
  const firstRow = firstTable.rows[0]?.cells.map((cell) => collapse(cell.text)).filter(Boolean) ?? [];
  const seen = firstRow.length > 0 ? ` Первая строка таблицы: ${quote(firstRow.join(' | '))}.` : '';
  return `Не удалось распознать заголовок таблицы дорожной карты: ${EXPECTED_COLUMNS}.${seen}`;
}

/** The KPI, contingent and working-group tables; any other table that is not the plan is skipped. */
function readOtherTables(
  tables: readonly TableBlock[],
  kinds: ReadonlyMap<TableBlock, TableKind>,
  tableNumber: (table: TableBlock) => number,
  warnings: ImportWarning[],
): {
  kpis: KpiIndicatorDraft[];
  contingent: ContingentSnapshotDraft[];
  workingGroup: RoadmapWorkingGroupMember[];
} {
  const kpis: KpiIndicatorDraft[] = [];
  const contingent: ContingentSnapshotDraft[] = [];
  const workingGroup: RoadmapWorkingGroupMember[] = [];
  for (const table of tables) {
    // classifyTables gives every table a kind.
    const kind = kinds.get(table);
    if (kind?.kind === 'kpi')
      kpis.push(...readKpiTable(table.rows, kind.header, tableNumber(table), warnings));
    else if (kind?.kind === 'contingent') {
      contingent.push(...readContingentTable(table.rows, kind.header, tableNumber(table), warnings));
    } else if (kind?.kind === 'group') workingGroup.push(...readWorkingGroup(table.rows));
    else if (kind?.kind === 'other') {
      warnings.push({
        row: 1,
        table: tableNumber(table),
        code: 'table_skipped',
        severity: 'info',
        message: 'Таблица не похожа ни на план мероприятий, ни на показатели, ни на контингент и пропущена',
      });
    }
  }
  return { kpis, contingent, workingGroup };
}

/** The «Срок» cells as written, for the period when the document does not state it. */
function deadlineTexts(
  activityTables: readonly TableBlock[],
  kinds: ReadonlyMap<TableBlock, TableKind>,
): string[] {
  return activityTables.flatMap((table) => {
    const kind = kinds.get(table);
    if (kind?.kind !== 'activity') return [];
    const col = kind.roles.indexOf('deadline');
    return col < 0 ? [] : table.rows.slice(kind.headerIndex + 1).map((row) => row.cells[col]?.text ?? '');
  });
}

interface ActivityTableGroup {
  table: TableBlock;
  rows: TableRow[];
  headerIndex: number;
  roles: Array<RoadmapColumnRole | null>;
}

/**
 * A table continued without its header is read as more rows of the table before it, so a row
 * split across the two is joined back; its rows are numbered on from the first table's.
 */
function activityTableGroups(
  activityTables: readonly TableBlock[],
  kinds: ReadonlyMap<TableBlock, TableKind>,
): ActivityTableGroup[] {
  const groups: ActivityTableGroup[] = [];
  for (const table of activityTables) {
    const kind = kinds.get(table);
    if (kind?.kind !== 'activity') continue;
    const last = groups[groups.length - 1];
    if (kind.headerIndex < 0 && last) {
      const offset = last.rows.length;
      last.rows.push(
        ...table.rows.map((row, i) => ({
          ...row,
          source: offset + row.source,
          afterBreak: row.afterBreak || i === 0,
        })),
      );
      continue;
    }
    groups.push({
      table,
      rows: [...table.rows],
      headerIndex: Math.max(kind.headerIndex, -1),
      roles: kind.roles,
    });
  }
  return groups;
}

/** Sections left without activities, and a plan table with no activity at all. */
function structureWarnings(ctx: TableContext): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  for (const section of ctx.sections) {
    const used =
      ctx.activities.some((a) => a.sectionIndex === section.index) ||
      ctx.sections.some((s) => s.parentIndex === section.index);
    if (!used) {
      warnings.push({
        row: section.row,
        code: 'section_empty',
        severity: 'info',
        message: `В разделе ${quote(section.code ? `${section.code} ${section.title}` : section.title)} нет мероприятий`,
      });
    }
  }
  if (ctx.activities.length === 0) {
    warnings.push({
      row: 0,
      code: 'no_activities',
      severity: 'warning',
      message:
        'В таблице дорожной карты не найдено ни одного мероприятия: проверьте, что строки таблицы заполнены',
    });
  }
  return warnings;
}

function metadataWarnings(title: string | undefined, period: RoadmapPeriod | undefined): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  if (!title) {
    warnings.push({
      row: 0,
      code: 'title_missing',
      severity: 'info',
      message: 'Название дорожной карты не найдено над таблицей: укажите его вручную',
    });
  }
  if (!period) {
    warnings.push({
      row: 0,
      code: 'period_missing',
      severity: 'warning',
      message:
        'Период дорожной карты не найден: сроки, записанные без года, не переведены в даты. Укажите период при импорте',
    });
  }
  return warnings;
}

/** A draft that fails its own schema is a bug of the engine, said so rather than passed on. */
function validated(format: ImportFormat, warnings: ImportWarning[], draft: RoadmapDraft): ImportResult {
  const checked = roadmapDraftSchema.safeParse(draft);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return refusal(
      'internal',
      `Внутренняя ошибка разбора: черновик не прошёл проверку (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}). Сообщите разработчикам и приложите файл.`,
    );
  }
  return { ok: true, format, draft: checked.data, warnings };
}

function internalError(cause: unknown): ImportResult {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return {
    ok: false,
    error: {
      code: 'internal',
      message: `Внутренняя ошибка разбора (${detail.slice(0, 200)}). Сообщите разработчикам и приложите файл.`,
    },
  };
}

function importString(text: string, format: ImportFormat, options: RoadmapImportOptions): ImportResult {
  try {
    const detected = detectInput(text);
    if (detected.kind === 'error') return { ok: false, error: detected.error };
    const source = format === 'html' ? readHtml(text) : readText(text);
    return buildDraft(source, format, options);
  } catch (cause) {
    return internalError(cause);
  }
}

/** A plain-text export (cells separated by tabs). Synchronous: no DOCX on this path. */
export function importRoadmapText(text: string, options: RoadmapImportOptions = {}): ImportResult {
  return importString(text, 'text', options);
}

/** An HTML page or fragment with the road map's table. */
export function importRoadmapHtml(html: string, options: RoadmapImportOptions = {}): ImportResult {
  return importString(html, 'html', options);
}

/** Any supported file: the format is told by its content (DOCX, HTML or text), not its name. */
export async function importRoadmap(input: RoadmapImportInput): Promise<ImportResult> {
  try {
    const detected = detectInput(input.data, input.filename, input.contentType);
    if (detected.kind === 'error') return { ok: false, error: detected.error };
    if (detected.kind === 'docx') {
      let source: SourceDocument;
      try {
        source = await readDocx(detected.bytes, input.docxReader);
      } catch {
        return { ok: false, error: brokenDocx(input.filename ? `«${input.filename}»` : '') };
      }
      return buildDraft(source, 'docx', input);
    }
    if (detected.kind === 'pdf') return await importPdf(detected.bytes, input);
    const source = detected.kind === 'html' ? readHtml(detected.text) : readText(detected.text);
    return buildDraft(source, detected.kind, input);
  } catch (cause) {
    return internalError(cause);
  }
}

/**
 * Fewer letters and digits than this per page in the text layer: the pages are pictures (a scan),
 * at most with a stamp or a signature line in text.
 */
const MIN_TEXT_CHARS_PER_PAGE = 20;
/** Words recognised with less confidence than this make their activity's warning. */
const OCR_CONFIDENT = 80;

async function importPdf(bytes: Uint8Array, input: RoadmapImportInput): Promise<ImportResult> {
  const name = input.filename ? `«${input.filename}»` : '';
  let read: Awaited<ReturnType<typeof readPdf>>;
  try {
    read = await readPdf(bytes);
  } catch {
    return { ok: false, error: brokenPdf(name) };
  }
  if (read.textChars >= MIN_TEXT_CHARS_PER_PAGE * Math.max(read.pages, 1))
    return buildDraft(read.document, 'pdf', input);
  const pages = input.ocr ? await input.ocr(bytes) : null;
  if (!pages) return { ok: false, error: scannedPdf(name) };
  const result = buildDraft(readPdfFromPages(pages), 'pdf', input);
  if (!result.ok) return result;
  result.warnings.unshift({
    row: 0,
    code: 'ocr_used',
    severity: 'warning',
    message:
      'PDF — скан без текстового слоя: текст распознан программой OCR. Сверьте мероприятия, сроки и ответственных с документом',
  });
  for (const activity of result.draft.activities) {
    if (activity.ocrConfidence === undefined || activity.ocrConfidence >= OCR_CONFIDENT) continue;
    result.warnings.push({
      row: activity.sourceRows[0] ?? 0,
      code: 'ocr_low_confidence',
      severity: 'warning',
      message: `Мероприятие ${activity.code ? `№ ${activity.code}` : quote(activity.title)} распознано неуверенно (уверенность ${Math.round(activity.ocrConfidence)}%): проверьте его текст`,
    });
  }
  return result;
}

export { MAX_INPUT_BYTES as ROADMAP_MAX_INPUT_BYTES };

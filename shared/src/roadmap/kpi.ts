/**
 * Targets and the contingent they are measured against:
 *  - KPI tables with a column per year (000: «Наименование показателя | 2020 г. | … | 2024 г.», the
 *    formula in italics);
 *  - coverage targets written as a list under a paragraph («1) обучающихся: не менее 5% в 2020 году; …», 003);
 *  - contingent tables with fact and forecast columns («Факт 01.09.2020 | Прогноз 01.09.2021», 003).
 */
import type { Cell, ParagraphBlock, TableRow } from './document.js';
import { isColumnNumberRow, yearOfHeader } from './header.js';
import type { ContingentSnapshotDraft, ImportWarning, KpiIndicatorDraft, KpiTargetDraft } from './schema.js';
import {
  cleanLines,
  collapse,
  fold,
  group,
  isCodeLike,
  joinPieces,
  startsLowercase,
  upperFirst,
} from './text.js';

/** «10», «10,5», «100 %», «≥ 20» as a number; null for anything else. */
export function parseNumber(text: string): number | null {
  const m =
    /^(?:не\s+менее|не\s+более|не\s+ниже|не\s+выше|более|менее|до|от|[\s≥≤><~])*\s*(-?\d+(?:[.,]\d+)?)\s*%?\s*$/i.exec(
      collapse(text),
    );
  if (!m) return null;
  const value = Number(group(m, 1).replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

const UNIT = /,\s*(%|чел\.?|ед\.?|шт\.?|человек|руб\.?)(?=\s*(?:\(|$))/;

/** «Доля … наставляемого, % (опросный)» → the title without the unit, and the unit. */
function titleAndUnit(text: string): { title: string; unit: string } {
  const m = UNIT.exec(text);
  if (!m) return { title: collapse(text), unit: '' };
  return { title: collapse(text.slice(0, m.index) + text.slice(m.index + m[0].length)), unit: group(m, 1) };
}

function stripParens(text: string): string {
  const t = collapse(text);
  return t.startsWith('(') && t.endsWith(')') ? collapse(t.slice(1, -1)) : t;
}

/** The KPI table's header: the title column and a column per year, or null for another table. */
export function kpiHeader(
  rows: readonly TableRow[],
): { index: number; titleCol: number; codeCol: number; years: Map<number, number> } | null {
  for (const [index, { cells }] of rows.slice(0, 4).entries()) {
    const years = new Map<number, number>();
    let titleCol = -1;
    let codeCol = -1;
    cells.forEach((cell, col) => {
      const year = yearOfHeader(cell.text);
      if (year !== null) years.set(col, year);
      else if (/показател|индикатор|критери/.test(fold(cell.text)) && titleCol < 0) titleCol = col;
      else if (/^(№|n\b|номер)|п\/п/.test(fold(cell.text)) && codeCol < 0) codeCol = col;
    });
    if (titleCol >= 0 && years.size >= 2) return { index, titleCol, codeCol, years };
  }
  return null;
}

export function readKpiTable(
  rows: readonly TableRow[],
  header: NonNullable<ReturnType<typeof kpiHeader>>,
  table: number,
  warnings: ImportWarning[],
): KpiIndicatorDraft[] {
  const indicators: Array<KpiIndicatorDraft & { text: string; italic: string[] }> = [];
  for (const row of rows.slice(header.index + 1)) {
    if (row.cells.every((cell) => !cell.text.trim()) || isColumnNumberRow(row.cells)) continue;
    const titleCell: Cell = row.cells[header.titleCol] ?? { text: '', italic: [] };
    const code = header.codeCol >= 0 ? collapse(row.cells[header.codeCol]?.text ?? '') : '';
    const targets: KpiTargetDraft[] = [];
    for (const [col, year] of header.years) {
      const raw = row.cells[col]?.text ?? '';
      const value = parseNumber(raw);
      const key = fold(raw);
      const bound = /не менее|не ниже|≥|>/.test(key)
        ? 'min'
        : /не более|не выше|≤|<|^до/.test(key)
          ? 'max'
          : 'exact';
      if (value !== null) targets.push({ year, value, bound });
      else if (raw.trim()) {
        warnings.push({
          row: row.source,
          table,
          code: 'kpi_value_unknown',
          severity: 'warning',
          message: `Показатель ${code || quoteTitle(titleCell.text)}: значение «${collapse(raw)}» за ${year} год не число`,
        });
      }
    }
    const previous = indicators[indicators.length - 1];
    if (!code && targets.length === 0 && previous && titleCell.text.trim()) {
      // The title continues after a page break.
      previous.text = joinPieces(previous.text, cleanLines(titleCell.text).join(' '));
      previous.italic.push(...titleCell.italic);
      continue;
    }
    if (!titleCell.text.trim()) {
      warnings.push({
        row: row.source,
        table,
        code: 'kpi_title_missing',
        severity: 'warning',
        message: 'Строка таблицы показателей без названия показателя пропущена',
      });
      continue;
    }
    indicators.push({
      ...(code ? { code } : {}),
      title: '',
      unit: '',
      targets,
      text: cleanLines(titleCell.text).join(' '),
      italic: [...titleCell.italic],
    });
  }
  return indicators.map(({ text, italic, ...indicator }) => {
    let body = text;
    let formula: string | undefined;
    if (italic.length > 0) {
      for (const run of italic) body = body.replace(run, ' ');
      formula = stripParens(italic.join(' '));
    } else {
      const m = /\((отношение[^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/.exec(body);
      if (m) {
        formula = collapse(group(m, 1));
        body = body.slice(0, m.index);
      }
    }
    const { title, unit } = titleAndUnit(body);
    return { ...indicator, title: title || collapse(text), unit, ...(formula ? { formula } : {}) };
  });
}

function quoteTitle(text: string): string {
  const t = collapse(text);
  return `«${t.length > 60 ? `${t.slice(0, 59)}…` : t}»`;
}

const TARGET =
  /(не менее|не более|не ниже|не выше|до|более|менее)?\s*(\d+(?:[.,]\d+)?)\s*%\s*(?:в|к|на)\s+(\d{4})/g;

/** Coverage targets written in running text («1) обучающихся: не менее 5% в 2020 году; …», 003). */
export function readCoverageTargets(paragraphs: readonly ParagraphBlock[]): KpiIndicatorDraft[] {
  const indicators: KpiIndicatorDraft[] = [];
  let label = '';
  let coverage = false;
  let current: KpiIndicatorDraft | null = null;
  for (const paragraph of paragraphs) {
    for (const line of cleanLines(paragraph.text)) {
      const key = fold(line);
      TARGET.lastIndex = 0;
      const first = TARGET.exec(key);
      if (!first) {
        if (key.includes('охват')) coverage = true;
        // «1) обучающихся:» names the group the following targets are for.
        if (line.endsWith(':') && line.length <= 100) {
          label = collapse(line.replace(/^\s*(?:\d{1,2}[.)]|[-–—•])\s*/, '').replace(/:$/, ''));
          current = null;
        }
        continue;
      }
      const before = collapse(line.slice(0, first.index)).replace(/[:\s]+$/, '');
      if (before && line.slice(0, first.index + 1).includes(':') && before.length <= 100) {
        label = collapse(before.replace(/^\s*(?:\d{1,2}[.)]|[-–—•])\s*/, ''));
        current = null;
      }
      if (!label) continue;
      if (!current) {
        current = {
          title: coverage ? `Охват программами наставничества: ${label}` : upperFirst(label),
          unit: '%',
          targets: [],
        };
        indicators.push(current);
      }
      TARGET.lastIndex = 0;
      for (let m = TARGET.exec(key); m; m = TARGET.exec(key)) {
        const word = m[1] ?? '';
        const bound = /не менее|не ниже|более/.test(word)
          ? 'min'
          : /не более|не выше|менее|до/.test(word)
            ? 'max'
            : 'exact';
        current.targets.push({ year: Number(m[3]), value: Number(group(m, 2).replace(',', '.')), bound });
      }
    }
  }
  return indicators.filter((indicator) => indicator.targets.length > 0);
}

interface SnapshotColumn {
  col: number;
  kind: 'fact' | 'forecast';
  date: string;
}

/** The contingent table's header: which columns are fact and forecast on which date. */
export function contingentHeader(
  rows: readonly TableRow[],
): { index: number; columns: SnapshotColumn[] } | null {
  for (const [index, row] of rows.slice(0, 4).entries()) {
    const columns: SnapshotColumn[] = [];
    row.cells.forEach((cell, col) => {
      const m = /(факт|прогноз|план)[^\d]*(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(fold(cell.text));
      if (!m) return;
      // Every group is mandatory: the defaults only satisfy the type.
      const [, word, d = '', mo = '', y = ''] = m;
      columns.push({
        col,
        kind: word === 'факт' ? 'fact' : 'forecast',
        date: `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`,
      });
    });
    if (columns.length > 0) return { index, columns };
  }
  return null;
}

export function readContingentTable(
  rows: readonly TableRow[],
  header: NonNullable<ReturnType<typeof contingentHeader>>,
  table: number,
  warnings: ImportWarning[],
): ContingentSnapshotDraft[] {
  const valueCols = new Set(header.columns.map((c) => c.col));
  // The label is the longest text column, the code the column of short codes before it.
  const width = Math.max(...rows.map((row) => row.cells.length));
  const textLength = new Array<number>(width).fill(0);
  const codeLike = new Array<number>(width).fill(0);
  for (const row of rows.slice(header.index + 1)) {
    row.cells.forEach((cell, col) => {
      if (valueCols.has(col)) return;
      // `col` is below `width`, so the slot holds a number already.
      textLength[col] = (textLength[col] ?? 0) + cell.text.length;
      if (isCodeLike(cell.text)) codeLike[col] = (codeLike[col] ?? 0) + 1;
    });
  }
  // Column 0 unless a text column is longer (even when column 0 holds values).
  let labelCol = 0;
  let labelLength = textLength[0] ?? 0;
  textLength.forEach((length, col) => {
    if (!valueCols.has(col) && length > labelLength) [labelCol, labelLength] = [col, length];
  });
  let codeCol = -1;
  let codeCount = 0;
  codeLike.forEach((count, col) => {
    if (col !== labelCol && !valueCols.has(col) && count > codeCount) [codeCol, codeCount] = [col, count];
  });

  // Each value column with the snapshot its numbers go to.
  const columns = header.columns.map((c): { col: number; snapshot: ContingentSnapshotDraft } => ({
    col: c.col,
    snapshot: { date: c.date, kind: c.kind, metrics: [] },
  }));
  const snapshots = columns.map((c) => c.snapshot);
  let last: { label: string; metrics: Array<{ label: string }> } | null = null;
  for (const row of rows.slice(header.index + 1)) {
    if (row.cells.every((cell) => !cell.text.trim())) continue;
    const label = cleanLines(row.cells[labelCol]?.text ?? '').join(' ');
    const code = codeCol >= 0 ? collapse(row.cells[codeCol]?.text ?? '') : '';
    const values = columns.map(({ col, snapshot }) => ({
      snapshot,
      value: parseNumber(row.cells[col]?.text ?? ''),
    }));
    if (values.every(({ value }) => value === null)) {
      const continues =
        last &&
        !code &&
        label &&
        (row.afterBreak ||
          /[,-]$/.test(last.label) ||
          (startsLowercase(label) && !/[.:]$/.test(last.label) && !label.endsWith(':')));
      if (continues && last) {
        last.label = joinPieces(last.label, label);
        for (const metric of last.metrics) metric.label = last.label;
        continue;
      }
      if (label) {
        warnings.push({
          row: row.source,
          table,
          code: 'row_skipped',
          severity: 'info',
          message: `Строка без значений ${quoteTitle(label)} в таблице контингента не содержит данных и пропущена`,
        });
      }
      continue;
    }
    const unit = /,\s*(чел\.?|ед\.?|%)\s*$/.exec(label)?.[1];
    const metrics: Array<{ label: string }> = [];
    for (const { snapshot, value } of values) {
      if (value === null) continue;
      const metric = { ...(code ? { code } : {}), label, value, ...(unit ? { unit } : {}) };
      snapshot.metrics.push(metric);
      metrics.push(metric);
    }
    last = { label, metrics };
  }
  // A unit that arrives with the continued label («… свыше 30 лет,» + «чел.»).
  for (const snapshot of snapshots) {
    for (const metric of snapshot.metrics) {
      const unit = /,\s*(чел\.?|ед\.?|%)\s*$/.exec(metric.label)?.[1];
      if (unit && !metric.unit) metric.unit = unit;
    }
  }
  return snapshots.filter((snapshot) => snapshot.metrics.length > 0);
}

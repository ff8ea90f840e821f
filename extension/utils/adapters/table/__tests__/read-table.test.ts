// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../__tests__/load-fixture.js';
import { buildTablePayload, detectRoles, draftFromGrid } from '../draft.js';
import { findDataTables, readTable } from '../read-table.js';

const page = (body: string): Document =>
  loadDocument(`<!doctype html><html><body>${body}</body></html>`, 'https://school.example/');

function only(doc: Document): Element {
  const [table] = findDataTables(doc);
  if (!table) throw new Error('no table');
  return table;
}

describe('readTable', () => {
  it('flattens merged header cells into per-column paths', () => {
    const doc = page(`<table>
      <thead>
        <tr><th rowspan="2">ФИО</th><th colspan="2">Оценки</th><th rowspan="2">Ср. балл</th></tr>
        <tr><th>1 четв.</th><th>2 четв.</th></tr>
      </thead>
      <tbody><tr><td>Иванова Мария</td><td>5</td><td>4</td><td>4,5</td></tr></tbody>
    </table>`);
    const grid = readTable(only(doc));
    expect(grid.headerPaths).toEqual([['ФИО'], ['Оценки', '1 четв.'], ['Оценки', '2 четв.'], ['Ср. балл']]);
    expect(grid.rows).toEqual([['Иванова Мария', '5', '4', '4,5']]);
    expect(detectRoles(grid)).toEqual(['full_name', 'grade', 'grade', 'average_grade']);
  });

  it('treats leading all-<th> rows in <tbody> as the header and repeats row-merged body cells', () => {
    const doc = page(`<table>
      <tr><th>Класс</th><th>Ученик</th></tr>
      <tr><td rowspan="2">7А</td><td>Иванова Мария</td></tr>
      <tr><td>Петров Иван</td></tr>
    </table>`);
    const grid = readTable(only(doc));
    expect(grid.headerPaths).toEqual([['Класс'], ['Ученик']]);
    expect(grid.rows).toEqual([
      ['7А', 'Иванова Мария'],
      ['7А', 'Петров Иван'],
    ]);
  });

  it('finds a header row made of <td> by its words, and skips a numbering row under it', () => {
    const doc = page(`<table>
      <tr><td>№</td><td>Фамилия</td><td>Имя</td></tr>
      <tr><td>1</td><td>2</td><td>3</td></tr>
      <tr><td>1</td><td>Иванова</td><td>Мария</td></tr>
    </table>`);
    const grid = readTable(only(doc));
    expect(grid.headerPaths).toEqual([['№'], ['Фамилия'], ['Имя']]);
    expect(grid.rows).toEqual([['1', 'Иванова', 'Мария']]);
  });

  it('reads a headerless table and guesses roles from values', () => {
    const doc = page(`<table>
      <tr><td>Иванова Мария Петровна</td><td>12.03.2011</td></tr>
      <tr><td>Петров Иван Ильич</td><td>01.12.2010</td></tr>
    </table>`);
    const grid = readTable(only(doc));
    expect(grid.headerPaths).toEqual([[], []]);
    expect(detectRoles(grid)).toEqual(['full_name', 'birth_date']);
    expect(draftFromGrid(grid).headers).toEqual(['Столбец 1', 'Столбец 2']);
  });

  it('reads ARIA grids', () => {
    const doc = page(`<div role="grid">
      <div role="row"><span role="columnheader">Ученик</span><span role="columnheader">Класс</span></div>
      <div role="row"><span role="gridcell">Иванова Мария</span><span role="gridcell">5Б</span></div>
    </div>`);
    expect(readTable(only(doc)).rows).toEqual([['Иванова Мария', '5Б']]);
  });

  it('caps hostile spans instead of allocating them', () => {
    const doc = page(`<table>
      <tr><th colspan="1000000">ФИО</th></tr>
      <tr><td rowspan="99999999">Иванова Мария</td><td>x</td></tr>
      <tr><td>y</td></tr>
    </table>`);
    const grid = readTable(only(doc));
    expect(grid.headerPaths.length).toBeLessThanOrEqual(300);
    expect(grid.rows.length).toBe(2);
  });

  it('finds no data table on a page without one, and ignores layout tables', () => {
    expect(findDataTables(page('<p>Нет таблиц</p>'))).toEqual([]);
    expect(findDataTables(page('<table><tr><td>одна ячейка</td></tr></table>'))).toEqual([]);
    const nested = page(
      '<table><tr><td><table><tr><th>ФИО</th><th>Класс</th></tr><tr><td>А Б</td><td>1А</td></tr></table></td></tr></table>',
    );
    expect(findDataTables(nested)).toHaveLength(1);
  });

  it('reads 10 000 rows, all of them', { timeout: 30_000 }, () => {
    const rows = Array.from(
      { length: 10_000 },
      (_, i) => `<tr><td>${i + 1}</td><td>Ученикова Анна ${i}</td><td>7А</td><td>4,5</td></tr>`,
    ).join('');
    const doc = page(
      `<table><thead><tr><th>№</th><th>ФИО</th><th>Класс</th><th>Средний балл</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
    const started = performance.now();
    const grid = readTable(only(doc));
    const built = buildTablePayload(draftFromGrid(grid));
    const elapsed = performance.now() - started;
    expect(grid.rows).toHaveLength(10_000);
    expect(built.accepted).toBe(10_000);
    expect(built.payload.kind).toBe('grades');
    // jsdom is far slower than Chromium (see tests/bench for real figures); this only catches quadratic
    // regressions, which took over 30 s here.
    expect(elapsed).toBeLessThan(10_000);
  });
});

describe('buildTablePayload with corrected roles', () => {
  it('switches between roster and grades as the user maps columns', () => {
    const doc = page(`<table>
      <tr><th>Участник</th><th>Показатель</th></tr>
      <tr><td>Иванова Мария</td><td>4,5</td></tr>
    </table>`);
    const draft = draftFromGrid(readTable(only(doc)));
    expect(draft.roles).toEqual(['full_name', 'ignore']);
    expect(buildTablePayload(draft).payload).toEqual({
      kind: 'roster',
      rows: [{ fullName: 'Иванова Мария' }],
      columns: [
        { header: 'Участник', role: 'full_name' },
        { header: 'Показатель', role: 'ignore' },
      ],
    });
    const regraded = buildTablePayload(draft, ['full_name', 'average_grade']);
    expect(regraded.payload.kind).toBe('grades');
    expect(regraded.payload.rows).toEqual([{ fullName: 'Иванова Мария', averageGrade: 4.5 }]);
  });

  it('says which column is missing when no name column is mapped', () => {
    const doc = page('<table><tr><th>Класс</th><th>Балл</th></tr><tr><td>7А</td><td>5</td></tr></table>');
    const draft = draftFromGrid(readTable(only(doc)));
    const built = buildTablePayload(draft, ['class_name', 'ignore']);
    expect(built.accepted).toBe(0);
    expect(built.warnings[0]).toMatch(/Не выбран столбец с ФИО/);
  });
});

describe('final marks', () => {
  const gradebook = (finalHeader: string, finals: readonly [string, string]): Document =>
    page(`<h2>Алгебра, 8 «Б» класс, 2 четверть</h2><table>
      <thead>
        <tr><th rowspan="2">Ученик</th><th colspan="2">Ноябрь</th><th colspan="2">Декабрь</th>
          <th rowspan="2">Ср. балл</th><th rowspan="2">${finalHeader}</th></tr>
        <tr><th>11</th><th>25</th><th>2</th><th>16</th></tr>
      </thead>
      <tbody>
        <tr><td>Андреева Полина</td><td>5</td><td>4/5</td><td>н</td><td>4</td><td>4,50</td><td>${finals[0]}</td></tr>
        <tr><td>Борисов Кирилл</td><td>3</td><td>б</td><td>4</td><td>у</td><td>3,50</td><td>${finals[1]}</td></tr>
      </tbody>
    </table>`);

  const mean = (marks: readonly number[]): number =>
    Math.round((marks.reduce((sum, mark) => sum + mark, 0) / marks.length) * 100) / 100;

  it.each(['Итог', 'Четвертная', 'Годовая', 'Триместр', 'Полугодие'])(
    'keeps the «%s» column out of the lesson marks, so their mean is the journal’s average',
    (header) => {
      const draft = draftFromGrid(readTable(only(gradebook(header, ['5', '4']))));
      expect(draft.roles).toEqual([
        'full_name',
        'grade',
        'grade',
        'grade',
        'grade',
        'average_grade',
        'final_grade',
      ]);
      const built = buildTablePayload(draft);
      expect(built.payload.rows).toEqual([
        { fullName: 'Андреева Полина', averageGrade: 4.5, absences: 1, grades: [5, 4, 5, 4], finalGrade: 5 },
        { fullName: 'Борисов Кирилл', averageGrade: 3.5, absences: 2, grades: [3, 4], finalGrade: 4 },
      ]);
      for (const row of built.payload.rows) {
        if (!('grades' in row) || row.grades === undefined) throw new Error(`${row.fullName} has no marks`);
        expect(mean(row.grades)).toBe(row.averageGrade);
      }
    },
  );

  it('sends no final mark where the cell holds two, and says a value was not read', () => {
    const built = buildTablePayload(draftFromGrid(readTable(only(gradebook('Итог', ['4/5', 'н/а'])))));
    expect(built.payload.rows.map((row) => ('finalGrade' in row ? row.finalGrade : undefined))).toEqual([
      undefined,
      undefined,
    ]);
    expect(built.warnings).toEqual([
      'Строка 1 («Андреева Полина»), столбец «Итог»: не распознано значение «4/5», оно не отправится.',
    ]);
  });

  it('reads a sheet of period marks alone as its marks', () => {
    const doc = page(`<table>
      <tr><th>Обучающийся</th><th>1 четв.</th><th>2 четв.</th><th>3 четв.</th><th>Средний балл</th></tr>
      <tr><td>Андреева Полина</td><td>5</td><td>4</td><td>5</td><td>4,67</td></tr>
    </table>`);
    const draft = draftFromGrid(readTable(only(doc)));
    expect(draft.roles).toEqual(['full_name', 'grade', 'grade', 'grade', 'average_grade']);
    expect(buildTablePayload(draft).payload.rows).toEqual([
      { fullName: 'Андреева Полина', averageGrade: 4.67, grades: [5, 4, 5] },
    ]);
  });
});

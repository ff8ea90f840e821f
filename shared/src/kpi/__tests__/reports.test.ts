import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { KpiRow } from '../../contracts/kpi.js';
import { analyticNoteDocx, lowerIsBetter, noteKpiCells, progressMetricLabel, qualityCells } from '../note.js';
import { addCounts, bump, countColumns, emptyCounts, participantsXlsx } from '../participants.js';

const counts = (mentors: number, mentees: number) => {
  const c = emptyCounts();
  c.total = { mentor: mentors, mentee: mentees };
  bump(c.byCategory.mentee, 'pupil', mentees);
  bump(c.byForm.mentee, 'pupil_pupil', mentees);
  c.pairs = mentees;
  return c;
};

const row: KpiRow = {
  indicator: null,
  code: '1',
  title: 'Доля наставляемых',
  unit: '%',
  kind: 'participation',
  manualReason: null,
  windowStart: '2021-01-01',
  windowEnd: '2021-12-31',
  target: 50,
  bound: 'min',
  manualValue: null,
  own: { numerator: 4, denominator: 10, value: 40, status: 'behind' },
  rollup: {
    numerator: 5,
    denominator: 16,
    value: 31.3,
    status: 'behind',
    organisations: 5,
    withoutDenominator: 1,
  },
};

describe('participant counts', () => {
  it('add up without losing a column', () => {
    const sum = addCounts(addCounts(emptyCounts(), counts(1, 2)), counts(3, 4));
    expect(sum.total).toEqual({ mentor: 4, mentee: 6 });
    expect(sum.byCategory.mentee.pupil).toBe(6);
    expect(sum.byForm.mentee.pupil_pupil).toBe(6);
    expect(sum.pairs).toBe(6);
    expect(new Set(countColumns.map((c) => c.header)).size).toBe(countColumns.length);
  });

  it('write a sheet per level, and the list only when given', async () => {
    const bytes = await participantsXlsx({
      title: 'Отчёт',
      period: '2021 год',
      levels: [
        { title: '1. Итого', rows: [{ name: 'Район', kind: 'Муниципалитет', counts: counts(1, 2) }] },
        { title: '2. Уровень 2', rows: [{ name: 'Школа', kind: 'Школа', counts: counts(1, 2) }] },
      ],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['1. Итого', '2. Уровень 2']);
    const sheet = workbook.getWorksheet('1. Итого');
    expect(sheet?.getCell('A4').value).toBe('Район');
    expect(sheet?.getCell('C3').value).toBe('Наставники: всего');
    expect(sheet?.getCell('C4').value).toBe(1);
  });
});

describe('analytic note', () => {
  it('words a KPI row with its bound, value and the numbers behind it', () => {
    expect(noteKpiCells(row, 0)).toEqual([
      '1',
      'Доля наставляемых, %',
      'не менее 50',
      '31,3',
      '5 из 16; без знаменателя: 1 орг.',
      'Отстаёт',
    ]);
  });

  it('counts fewer absences as an improvement', () => {
    expect(lowerIsBetter('absences')).toBe(true);
    expect(lowerIsBetter('average_grade')).toBe(false);
  });

  it('words a quality row: participants, each stage’s response rate and average', () => {
    expect(
      qualityCells({
        group: 'Программа X',
        participants: 8,
        startRespondents: 6,
        endRespondents: 2,
        startAverage: 7.333333,
        endAverage: null,
      }),
    ).toEqual(['8', '6', '75 %', '2', '25 %', '7,33', '—']);
    expect(progressMetricLabel('absences')).toBe('Пропуски');
    expect(progressMetricLabel('reading_speed')).toBe('reading_speed');
  });

  it('is a Word document with every section', async () => {
    const bytes = await analyticNoteDocx({
      organisation: 'Школа',
      year: 2021,
      today: '2022-01-10',
      kpis: [row],
      counts: counts(2, 3),
      satisfaction: [{ audience: 'mentee', satisfied: 1, respondents: 2, participants: 3 }],
      satisfactionByForm: [],
      impact: [],
      quality: { byProgramme: [], byForm: [], byOrganisation: [], questions: [] },
      impactByProgramme: [],
      roadmap: null,
    });
    const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const expected of [
      'Аналитическая справка',
      'Данные на 10.01.2022',
      '1. Показатели эффективности',
      '5 из 16; без знаменателя: 1 орг.',
      'Наставников: 2, наставляемых: 3',
      '66,7 %',
      '4. Качество реализации программ',
      'Анкеты в начале и в конце программы за год не заполнялись.',
      'Замеров в начале и в конце программы за год нет.',
      'Дорожная карта организации не загружена.',
    ]) {
      expect(text).toContain(expected);
    }
  });
});

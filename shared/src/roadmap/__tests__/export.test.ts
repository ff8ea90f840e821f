import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportRoadmapDocx, exportRoadmapXlsx, roadmapExportColumns } from '../export.js';
import { importRoadmap, importRoadmapText } from '../import.js';
import type { RoadmapDraft } from '../schema.js';
import { defined } from './defined.js';
import { seedText, type SeedId } from './seed-expectations.js';

const ids: SeedId[] = ['000', '001', '002', '003', '004'];

function draftOf(id: SeedId): RoadmapDraft {
  const result = importRoadmapText(seedText(id));
  if (!result.ok) throw new Error(result.error.message);
  return result.draft;
}

const essentials = (draft: RoadmapDraft) =>
  draft.activities.map((a) => ({
    code: a.code,
    title: a.title,
    deadline: a.deadline.text,
    responsible: a.responsible.text,
    result: a.result ?? null,
  }));

describe('exportRoadmapDocx', () => {
  it.each(ids)('%s: export → import gives the same activities', async (id) => {
    const draft = draftOf(id);
    const bytes = await exportRoadmapDocx(draft);
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const back = await importRoadmap({ data: bytes, filename: `${id}.docx` });
    if (!back.ok) throw new Error(back.error.message);
    expect(essentials(back.draft)).toEqual(essentials(draft));
    // What the layout also carries back: lists, sections, parsed deadlines, the header lines.
    expect(back.draft.activities.map((a) => a.content ?? null)).toEqual(
      draft.activities.map((a) => a.content ?? null),
    );
    expect(back.draft.activities.map((a) => a.deadline)).toEqual(draft.activities.map((a) => a.deadline));
    expect(back.draft.sections.map((s) => [s.code, s.title, s.level])).toEqual(
      draft.sections.map((s) => [s.code, s.title, s.level]),
    );
    expect(back.draft.title).toBe(draft.title);
    expect(back.draft.approval?.orderNumber).toBe(draft.approval?.orderNumber);
    expect(back.draft.approval?.date).toBe(draft.approval?.date);
    expect(back.draft.kpis.map((k) => [k.title, k.unit, k.formula, k.targets])).toEqual(
      draft.kpis.map((k) => [k.title, k.unit, k.formula, k.targets]),
    );
    expect(back.draft.activities.every((a) => a.status === 'planned')).toBe(true);
  });

  it('writes status and evidence columns and reads them back', async () => {
    const draft = draftOf('003');
    const first = defined(draft.activities[0], 'activity 1');
    first.status = 'done';
    first.evidence = ['Приказ № 12 от 02.11.2020', 'https://school.example/news/1'];
    defined(draft.activities[1], 'activity 2').status = 'cancelled';
    const back = await importRoadmap({ data: await exportRoadmapDocx(draft) });
    if (!back.ok) throw new Error(back.error.message);
    expect(back.draft.activities[0]).toMatchObject({
      status: 'done',
      evidence: ['Приказ № 12 от 02.11.2020', 'https://school.example/news/1'],
    });
    expect(back.draft.activities[1]?.status).toBe('cancelled');
  });

  it('exports a road map with no sections, KPIs or approval', async () => {
    const bytes = await exportRoadmapDocx({
      sections: [],
      activities: [
        {
          code: '1',
          title: 'Назначение куратора',
          deadline: { text: 'до 01.09.2021' },
          responsible: { text: 'Директор' },
        },
      ],
    });
    const back = await importRoadmap({ data: bytes });
    if (!back.ok) throw new Error(back.error.message);
    expect(back.draft.title).toBe('Дорожная карта');
    expect(essentials(back.draft)).toEqual([
      {
        code: '1',
        title: 'Назначение куратора',
        deadline: 'до 01.09.2021',
        responsible: 'Директор',
        result: null,
      },
    ]);
  });
});

describe('exportRoadmapXlsx', () => {
  it('writes the plan, the KPIs and the contingent on their own sheets', async () => {
    const draft = draftOf('003');
    const bytes = await exportRoadmapXlsx(draft);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Дорожная карта',
      'Показатели',
      'Контингент',
    ]);

    const plan = defined(workbook.getWorksheet('Дорожная карта'), 'the plan sheet');
    const values = (row: number) => (plan.getRow(row).values as unknown[]).slice(1);
    expect(plan.getRow(1).getCell(1).value).toBe(draft.title);
    expect(values(2)).toEqual(['Период реализации: на 2020-2022 годы']);
    expect(values(3)).toEqual([...roadmapExportColumns]);
    const section = defined(draft.sections[0], 'section 1');
    expect(values(4).slice(0, 2)).toEqual([
      '1',
      section.title + '\n' + defined(section.details, 'details of section 1').join('\n'),
    ]);
    expect(values(5)).toEqual([
      '1.1',
      'Информирование педагогического сообщества образовательной организации о реализации программы наставничества',
      '',
      'Ноябрь 2020',
      'Б.Б. Буторин, директор техникума',
      '',
      'Запланировано',
      '',
    ]);
    // A row per activity and per section under the title, the period and the header.
    expect(plan.rowCount).toBe(3 + draft.activities.length + draft.sections.length);

    const kpis = defined(workbook.getWorksheet('Показатели'), 'the KPI sheet');
    expect((kpis.getRow(1).values as unknown[]).slice(1)).toEqual([
      '№ п/п',
      'Наименование показателя',
      'Формула расчёта',
      'Ед. изм.',
      '2020 г.',
      '2021 г.',
      '2022 г.',
      '2023 г.',
      '2024 г.',
    ]);
    expect((kpis.getRow(2).values as unknown[]).slice(1)).toEqual([
      '1',
      'Охват программами наставничества: обучающихся',
      '',
      '%',
      5,
      10,
      20,
      30,
      40,
    ]);

    const contingent = defined(workbook.getWorksheet('Контингент'), 'the contingent sheet');
    expect((contingent.getRow(1).values as unknown[]).slice(1)).toEqual([
      '№ п/п',
      'Показатель',
      'Факт 01.09.2020',
      'Прогноз 01.09.2021',
    ]);
    expect((contingent.getRow(2).values as unknown[]).slice(1)).toEqual([
      '1',
      'Численность обучающихся, чел.',
      443,
      499,
    ]);
  });

  it('puts the approval line above the title and numbers list items', async () => {
    const draft = draftOf('001');
    draft.approval = { text: 'Утверждена приказом директора от 10.01.2022 № 3' };
    const workbook = new ExcelJS.Workbook();
    const bytes = await exportRoadmapXlsx(draft);
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const plan = defined(workbook.getWorksheet('Дорожная карта'), 'the plan sheet');
    expect(plan.getRow(1).getCell(1).value).toBe('Утверждена приказом директора от 10.01.2022 № 3');
    expect(plan.getRow(2).getCell(1).value).toBe(draft.title);
    expect(plan.getRow(3).getCell(1).value).toBe('Период реализации: на 2022г.');
    // Row 5 is stage «1.», row 6 its first activity.
    expect(plan.getRow(6).getCell(3).value).toBe(
      '1. Изучение Методических рекомендаций по разработке и внедрению системы (целевой модели) наставничества педагогических работников в образовательных организациях.',
    );
  });
});

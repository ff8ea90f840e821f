/**
 * Real-world layouts none of the seeds has, each built here as a small document of that shape.
 */
import { describe, expect, it } from 'vitest';
import { importRoadmapHtml, importRoadmapText } from '../import.js';
import type { ImportResult, RoadmapDraft } from '../schema.js';

function draftOf(result: ImportResult): RoadmapDraft {
  if (!result.ok) throw new Error(result.error.message);
  return result.draft;
}

describe('a text export with section headings on lines of their own', () => {
  // Word saves a row merged across the table as a line without a tab: here the section headings.
  const text = [
    'Дорожная карта по реализации целевой модели наставничества на 2025 год',
    '',
    '№ п/п\tМероприятие\tСрок\tОтветственный\tРезультат',
    '1\t2\t3\t4\t5',
    '1. Нормативно-правовое регулирование',
    '1.1\tРазработка положения о наставничестве\tсентябрь\tДиректор\tПоложение',
    '1.2\tНазначение куратора\tоктябрь\tДиректор\tПриказ',
    '2. Формирование базы наставников',
    '2.1\tАнкетирование педагогов\tноябрь\tКуратор\tБаза наставников',
    '',
    '3. Мониторинг',
    '3.1. Мониторинг наставнических пар',
    '3.1.1\tОтчёт о реализации программы\tдекабрь\tКуратор\tОтчёт',
    // A caption right over another table's header belongs to that table.
    'Показатели эффективности',
    '№\tПоказатель\t2025 г.\t2026 г.',
    '1\tДоля педагогов-наставников, %\t10\t20',
    '',
    'Куратор ________ О.П. Смирнова',
  ].join('\n');

  it('keeps one table, opens a section per heading and reads every activity', () => {
    const result = importRoadmapText(text);
    const draft = draftOf(result);
    expect(draft.sections.map((s) => [s.code, s.title, s.level, s.row])).toEqual([
      ['1.', 'Нормативно-правовое регулирование', 1, 3],
      ['2.', 'Формирование базы наставников', 1, 6],
      // After a page break (the blank line) the table still goes on.
      ['3.', 'Мониторинг', 1, 8],
      ['3.1.', 'Мониторинг наставнических пар', 2, 9],
    ]);
    expect(draft.activities.map((a) => [a.code, a.title, a.sectionCode, a.sourceRows])).toEqual([
      ['1.1', 'Разработка положения о наставничестве', '1.', [4]],
      ['1.2', 'Назначение куратора', '1.', [5]],
      ['2.1', 'Анкетирование педагогов', '2.', [7]],
      ['3.1.1', 'Отчёт о реализации программы', '3.1.', [10]],
    ]);
    expect(draft.kpis.map((k) => [k.title, k.targets.map((t) => t.value)])).toEqual([
      ['Доля педагогов-наставников', [10, 20]],
    ]);
    expect(draft.activities[2]?.deadline.windows).toEqual([{ start: '2025-11-01', end: '2025-11-30' }]);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual([]);
  });
});

describe('the approver of a road map signed under «УТВЕРЖДАЮ»', () => {
  const plan = [
    'Дорожная карта по реализации целевой модели наставничества на 2025 год',
    '',
    '№ п/п\tМероприятие\tСрок\tОтветственный',
    '1.\tНазначение куратора\tсентябрь\tДиректор',
  ];
  const approvalOf = (head: readonly string[]) =>
    draftOf(importRoadmapText([...head, '', ...plan].join('\n'))).approval;

  it('is the signatory, not the person the school is named after', () => {
    const signed = ['УТВЕРЖДАЮ', 'Директор МБОУ «СОШ № 5 им. И.П. Петрова»', '_________ А.Б. Сергеева'];
    expect(approvalOf(signed)).toMatchObject({ approver: 'Директор', approverName: 'А.Б. Сергеева' });
    // A longer eponym than «им. И.П. Петрова»: the name on the signature line still wins.
    const hero = [
      'УТВЕРЖДАЮ',
      'Директор ГБОУ «Школа им. Героя Советского Союза И.П. Петрова»',
      '_________ А.Б. Сергеева',
    ];
    expect(approvalOf(hero)).toMatchObject({ approver: 'Директор', approverName: 'А.Б. Сергеева' });
  });

  it('is the signatory when the block is split into paragraphs and has no signature line', () => {
    const split = ['УТВЕРЖДАЮ', '', 'Директор МБОУ «СОШ № 5 имени Петрова И.П.»', '', 'Сергеева А.Б.'];
    expect(approvalOf(split)).toMatchObject({ approver: 'Директор', approverName: 'Сергеева А.Б.' });
  });
});

describe('the organisation with its legal form', () => {
  const plan = [
    '№ п/п\tМероприятие\tСрок\tОтветственный',
    '1.\tНазначение куратора\tсентябрь 2025\tДиректор',
  ];
  const draftWith = (head: readonly string[]) =>
    draftOf(importRoadmapText([...head, '', ...plan].join('\n')));

  it('keeps the abbreviation before the quoted name in the title', () => {
    const draft = draftWith(['План мероприятий по наставничеству МАОУ «Гимназия № 9» на 2025 год']);
    expect(draft.organisationName).toBe('МАОУ «Гимназия № 9»');
    const nested = draftWith(['Дорожная карта МБОУ ДО «Центр «Радуга»» на 2025 год']);
    expect(nested.organisationName).toBe('МБОУ ДО «Центр «Радуга»»');
  });

  it('keeps the legal form written out after «в»', () => {
    const draft = draftWith([
      'План мероприятий в муниципальном автономном общеобразовательном учреждении «Гимназия № 9» на 2025 год',
    ]);
    expect(draft.organisationName).toBe(
      'муниципальном автономном общеобразовательном учреждении «Гимназия № 9»',
    );
  });

  it('keeps the abbreviation in an order approved without the head named', () => {
    const draft = draftWith([
      'Утверждена приказом МАОУ «Гимназия № 9» от 01.09.2025 № 5',
      '',
      'Дорожная карта по наставничеству на 2025 год',
    ]);
    expect(draft.approval).toMatchObject({ organisation: 'МАОУ «Гимназия № 9»', orderNumber: '5' });
    expect(draft.approval?.approver).toBeUndefined();
    expect(draft.organisationName).toBe('МАОУ «Гимназия № 9»');
  });
});

describe('a plan titled only by its school year', () => {
  const title = 'План на 2025/2026 учебный год';
  const rows = [
    ['№ п/п', 'Мероприятие', 'Срок', 'Ответственный'],
    ['1.', 'Разработка положения о наставничестве', '2-я половина сентября', 'Директор'],
  ];

  it("is the road map's title, and the period keeps its text whole", () => {
    const text = importRoadmapText([title, '', ...rows.map((row) => row.join('\t'))].join('\n'));
    const html = importRoadmapHtml(
      `<table><caption>${title}</caption>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</table>`,
    );
    for (const result of [text, html]) {
      const draft = draftOf(result);
      expect(draft.title).toBe(title);
      expect(draft.period).toEqual({
        start: 2025,
        end: 2026,
        academicYear: true,
        source: 'text',
        text: '2025/2026 учебный год',
      });
      // The school year places a deadline written without one.
      expect(draft.activities[0]?.deadline.windows).toEqual([{ start: '2025-09-16', end: '2025-09-30' }]);
      expect(result.ok && result.warnings.map((w) => w.code)).toEqual([]);
    }
  });

  it.each([
    ['Дорожная карта на 2021-2024 годы', 'на 2021-2024 годы'],
    ['Дорожная карта с 2020 г. по 2024 год', 'с 2020 г. по 2024 год'],
    ['Дорожная карта на 2025-2026 уч. год', '2025-2026 уч. год'],
    ['Дорожная карта на 2025/2026 учебного года', '2025/2026 учебного года'],
  ])('%j keeps the period as written', (heading, period) => {
    const draft = draftOf(importRoadmapText([heading, '', ...rows.map((row) => row.join('\t'))].join('\n')));
    expect(draft.period?.text).toBe(period);
  });
});

describe('a stage table with a column of its own for the activities', () => {
  const table = (activityHeader: string): string =>
    [
      'Дорожная карта по реализации положения о наставничестве на 2025 год',
      '',
      `№\tНаименование этапа\t${activityHeader}\tСрок\tОтветственный`,
      '1.\tПодготовка условий\tИзучение материалов по наставничеству\tсентябрь\tДиректор',
      '2.\tФормирование базы наставников\tАнкетирование педагогов\tоктябрь\tКуратор',
    ].join('\n');

  it.each(['Мероприятия', 'Наименование мероприятия'])(
    'takes the activity from the «%s» column, not from the stage',
    (activityHeader) => {
      const draft = draftOf(importRoadmapText(table(activityHeader)));
      // As in any stage table (seed 001), the number on a stage row numbers the stage.
      expect(draft.sections.map((s) => [s.code, s.title])).toEqual([
        ['1.', 'Подготовка условий'],
        ['2.', 'Формирование базы наставников'],
      ]);
      expect(draft.activities.map((a) => [a.title, a.stage, a.sectionCode])).toEqual([
        ['Изучение материалов по наставничеству', 'Подготовка условий', '1.'],
        ['Анкетирование педагогов', 'Формирование базы наставников', '2.'],
      ]);
    },
  );

  it('still takes the stage as the activity when no other column names the activities', () => {
    const text = [
      'Дорожная карта по реализации положения о наставничестве на 2025 год',
      '',
      '№\tНаименование этапа\tСодержание деятельности\tСроки\tОтветственный',
      '1.\tПодготовка локальных актов\tприказ о наставничестве\tсентябрь\tДиректор',
    ].join('\n');
    const draft = draftOf(importRoadmapText(text));
    expect(draft.activities.map((a) => [a.code, a.title])).toEqual([['1.', 'Подготовка локальных актов']]);
  });
});

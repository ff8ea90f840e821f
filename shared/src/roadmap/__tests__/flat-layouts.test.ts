/**
 * Plans copied from web pages without their tabs (see flat-reader.ts), each built here as a small
 * document of that shape, and the readings of names, periods and deadlines such copies need.
 */
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../deadline.js';
import { importRoadmapText } from '../import.js';
import { parseResponsible } from '../responsible.js';
import type { ImportResult, RoadmapDraft } from '../schema.js';

function draftOf(result: ImportResult): RoadmapDraft {
  if (!result.ok) throw new Error(result.error.message);
  return result.draft;
}

const brief = (draft: RoadmapDraft): Array<[string, string, unknown, unknown]> =>
  draft.activities.map((a) => [
    a.code,
    a.title,
    a.deadline.windows,
    a.responsible.parsed.map((r) => `${r.kind}:${r.name}`),
  ]);

describe('cells ended by «|» (legal-text sites)', () => {
  it('regroups the cells by the header, with a merged section row', () => {
    const text = [
      'План мероприятий по подготовке к экзаменам на 2024 год',
      'N |',
      'Мероприятие |',
      'Срок |',
      'Ответственный |',
      'I. Организация работы | |||',
      '1. |',
      'Совещание с кураторами |',
      'март 2024 |',
      'О.П. Смирнова |',
      '2. |',
      'Отчёт о готовности |',
      'до 20.12.2024 |',
      'отдел образования |',
    ].join('\n');
    const draft = draftOf(importRoadmapText(text));
    expect(draft.sections).toHaveLength(1);
    expect(draft.sections[0]?.title).toContain('Организация работы');
    expect(brief(draft)).toEqual([
      [
        '1.',
        'Совещание с кураторами',
        [{ start: '2024-03-01', end: '2024-03-31' }],
        ['person:Смирнова О.П.'],
      ],
      ['2.', 'Отчёт о готовности', [{ start: null, end: '2024-12-20' }], ['body:Отдел образования']],
    ]);
  });

  it('reads bars on lines of their own, an unnamed «№» column and the site’s empty columns', () => {
    const text = [
      'Дорожная карта',
      '|',
      'Наименование мероприятия |',
      'Ответственный |',
      'Срок |',
      '||',
      '1. |',
      'Семинар для наставников |',
      'Методист |',
      '15 мая 2023 года |',
      '||',
    ].join('\n');
    const draft = draftOf(importRoadmapText(text));
    expect(brief(draft)).toEqual([
      ['1.', 'Семинар для наставников', [{ start: '2023-05-15', end: '2023-05-15' }], ['role:Методист']],
    ]);
  });

  it('reads a row per line between « | », putting back a header that lost its «№» cell', () => {
    const text = [
      'План на 2023 год',
      'Мероприятие | Срок | Ответственный | |',
      '1. | Семинар | I квартал 2023 г. | Росстат |',
      '(Позиция в редакции приказа от 01.02.2023) | |||',
      '2. | Конференция | май | Минпросвещения России |',
    ].join('\n');
    const draft = draftOf(importRoadmapText(text));
    expect(brief(draft)).toEqual([
      ['1.', 'Семинар', [{ start: '2023-01-01', end: '2023-03-31' }], ['body:Росстат']],
      ['2.', 'Конференция', [{ start: '2023-05-01', end: '2023-05-31' }], ['body:Минпросвещения России']],
    ]);
  });
});

describe('a Markdown table', () => {
  it('reads its rows and skips the line under the header', () => {
    const text = [
      'План на 2024 год',
      '',
      '| № | Мероприятие | Срок | Ответственный |',
      '|---|---|---|---|',
      '| 1 | Семинар | май | Методист |',
    ].join('\n');
    expect(brief(draftOf(importRoadmapText(text)))).toEqual([
      ['1', 'Семинар', [{ start: '2024-05-01', end: '2024-05-31' }], ['role:Методист']],
    ]);
  });
});

describe('a row per line under a direction merged over two rows', () => {
  it('moves the shorter row’s cells under their columns and numbers each activity by its own cell', () => {
    const text = [
      'План мероприятий на 2019 год',
      'N п/п | Основные направления | Мероприятия по реализации | Сроки | Ответственные исполнители |',
      '1 | Поддержка молодых педагогов | 1. Подготовка положения | I квартал | Управление кадров |',
      '2. Проведение конкурса | III квартал | Управление кадров | ||',
    ].join('\n');
    const draft = draftOf(importRoadmapText(text));
    expect(brief(draft)).toEqual([
      [
        '1.',
        'Подготовка положения',
        [{ start: '2019-01-01', end: '2019-03-31' }],
        ['body:Управление кадров'],
      ],
      ['2.', 'Проведение конкурса', [{ start: '2019-07-01', end: '2019-09-30' }], ['body:Управление кадров']],
    ]);
    expect(draft.activities.map((a) => a.stage)).toEqual([
      'Поддержка молодых педагогов',
      'Поддержка молодых педагогов',
    ]);
  });
});

describe('a cell per paragraph', () => {
  it('gathers a schedule’s marked quarter columns into the deadline', () => {
    const text = [
      'План-график на 2013 год',
      '',
      'Наименование мероприятия',
      '',
      'Срок реализации мероприятия',
      '',
      'Наименование органа, ответственного за реализацию мероприятия',
      '',
      'I квартал 2013 г.',
      '',
      'II квартал 2013 г.',
      '',
      '1',
      '',
      '2',
      '',
      '3',
      '',
      '4',
      '',
      '1. Семинар для кураторов',
      '',
      '-',
      '',
      'х',
      '',
      'министерство образования',
    ].join('\n');
    const draft = draftOf(importRoadmapText(text));
    expect(brief(draft)).toEqual([
      [
        '1.',
        'Семинар для кураторов',
        [{ start: '2013-04-01', end: '2013-06-30' }],
        ['body:Министерство образования'],
      ],
    ]);
  });

  it('groups the paragraphs by the header’s width', () => {
    const text = [
      'Комплекс мер',
      '',
      '№',
      '',
      'Мероприятие',
      '',
      'Ответственный',
      '',
      'Срок',
      '',
      '1',
      '',
      'Утверждён план',
      'работы центра',
      '',
      'Управление образования',
      '',
      '1 сентября',
      '2022 года',
    ].join('\n');
    const draft = draftOf(importRoadmapText(text));
    expect(brief(draft)).toEqual([
      [
        '1',
        'Утверждён план работы центра',
        [{ start: '2022-09-01', end: '2022-09-01' }],
        ['body:Управление образования'],
      ],
    ]);
  });
});

describe('rows joined by spaces', () => {
  it('finds the deadline between the activity and the executor, and keeps headings as sections', () => {
    const text = [
      'План мероприятий на 2015 год',
      '',
      'N п/п Наименование мероприятия Срок исполнения Ответственный исполнитель',
      '1 2 3 4',
      '1. Организационные мероприятия',
      '1. Совещание руководителей в 2015 году в течение 2015 года управление образования',
      '2. Подведение итогов декабрь 2015 года методический центр',
    ].join('\n');
    const draft = draftOf(importRoadmapText(text));
    expect(brief(draft)).toEqual([
      [
        '1.',
        'Совещание руководителей в 2015 году',
        [{ start: '2015-01-01', end: '2015-12-31' }],
        ['body:Управление образования'],
      ],
      ['2.', 'Подведение итогов', [{ start: '2015-12-01', end: '2015-12-31' }], ['body:Методический центр']],
    ]);
  });
});

describe('readings copied plans need', () => {
  it('leaves notes in brackets out of names and keeps one entry across a comma that does not end it', () => {
    expect(
      parseResponsible(
        'Министерство образования, науки и молодежной политики края (далее – МОНиМП), ' +
          'органы местного самоуправления, осуществляющие управление в сфере образования (по согласованию), комиссия',
      ),
    ).toEqual([
      { kind: 'body', name: 'Министерство образования, науки и молодежной политики края' },
      { kind: 'body', name: 'Органы местного самоуправления, осуществляющие управление в сфере образования' },
      { kind: 'body', name: 'Комиссия' },
    ]);
  });

  it('does not date a deadline counted from the opening year «X», and says so', () => {
    const deadline = parseDeadline('25 августа X - 1 года', { periodStart: 2020, periodEnd: 2022 });
    expect(deadline.windows).toEqual([]);
    expect(deadline.warning).toMatch(/года «X»/);
  });

  it('does not guess the year of a bare month in a plan for several calendar years', () => {
    const deadline = parseDeadline('IV квартал', { periodStart: 2022, periodEnd: 2024 });
    expect(deadline.windows).toEqual([]);
    expect(deadline.warning).toMatch(/на несколько лет/);
  });

  it('puts a month after the approval into the year before, for a plan approved the autumn before', () => {
    expect(
      parseDeadline('октябрь', { periodStart: 2023, periodEnd: 2023, approvedOn: '2022-10-05' }).windows,
    ).toEqual([{ start: '2022-10-01', end: '2022-10-31' }]);
    expect(
      parseDeadline('май', { periodStart: 2023, periodEnd: 2023, approvedOn: '2022-10-05' }).windows,
    ).toEqual([{ start: '2023-05-01', end: '2023-05-31' }]);
  });

  it('reads «до 25 числа каждого месяца» as monthly through the period', () => {
    const deadline = parseDeadline('до 25 числа каждого месяца', { periodStart: 2014, periodEnd: 2014 });
    expect(deadline.recurrence).toEqual({ frequency: 'monthly' });
    expect(deadline.windows).toEqual([{ start: '2014-01-01', end: '2014-12-31' }]);
  });

  it('takes the period from «в 2016 году» in the title, but not from «к 2011/2012 учебному году»', () => {
    const row = '№\tМероприятие\tСрок\tОтветственный\n1\tСовещание\tмай\tДиректор';
    const forYear = draftOf(importRoadmapText(`План мероприятий в 2016 году\n\n${row}`));
    expect(forYear.period).toMatchObject({ start: 2016, end: 2016 });
    const preparing = draftOf(importRoadmapText(`План подготовки к 2011/2012 учебному году\n\n${row}`));
    expect(preparing.period).toBeUndefined();
  });
});

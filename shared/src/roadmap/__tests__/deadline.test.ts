import { describe, expect, it } from 'vitest';
import { parseDeadline, type DeadlineContext } from '../deadline.js';
import {
  deadlineSchema,
  type DeadlineKind,
  type DeadlineWindow,
  type DeadlineRecurrence,
} from '../schema.js';

const school: DeadlineContext = { periodStart: 2020, periodEnd: 2024, academicYear: true };
const calendar2022: DeadlineContext = { periodStart: 2022, periodEnd: 2022 };
const school2025: DeadlineContext = { periodStart: 2025, periodEnd: 2026, academicYear: true };
const w = (start: string | null, end: string | null): DeadlineWindow => ({ start, end });

describe('parseDeadline', () => {
  it.each<[string, DeadlineContext, DeadlineKind, DeadlineWindow[], DeadlineRecurrence | null]>([
    // a date without a year takes it from the period; a school period runs September → August
    ['До 01 октября', school, 'until', [w(null, '2020-10-01')], null],
    ['до 15 октября', school, 'until', [w(null, '2020-10-15')], null],
    ['до 01 ноября', school, 'until', [w(null, '2020-11-01')], null],
    ['к 1 сентября', school, 'until', [w(null, '2020-09-01')], null],
    ['не позднее 20 мая', school, 'until', [w(null, '2021-05-20')], null],
    ['до 15.07.2020', {}, 'until', [w(null, '2020-07-15')], null],
    ['до 03.06.2020', {}, 'until', [w(null, '2020-06-03')], null],
    ['29.05.2020', {}, 'date', [w('2020-05-29', '2020-05-29')], null],
    ['15.07.20', {}, 'date', [w('2020-07-15', '2020-07-15')], null],
    ['01 октября', school, 'date', [w('2020-10-01', '2020-10-01')], null],
    ['15 марта 2021 года', {}, 'date', [w('2021-03-15', '2021-03-15')], null],
    ['01.02.2022г.- 28.02.2022г.', {}, 'range', [w('2022-02-01', '2022-02-28')], null],
    ['01.01.2022г.- 28.02.2022г.,', {}, 'range', [w('2022-01-01', '2022-02-28')], null],
    ['01.09.2020 – 15.09.2020', {}, 'range', [w('2020-09-01', '2020-09-15')], null],
    ['с 01.03 по 15.03.2021', {}, 'range', [w('2021-03-01', '2021-03-15')], null],
    ['1-15 марта 2021', {}, 'range', [w('2021-03-01', '2021-03-15')], null],
    ['с 01.03.2022г.', {}, 'from', [w('2022-03-01', null)], null],
    ['начиная с сентября 2021 г.', {}, 'from', [w('2021-09-01', null)], null],
    ['октябрь - ноябрь', school, 'range', [w('2020-10-01', '2020-11-30')], null],
    ['ноябрь – декабрь', school, 'range', [w('2020-11-01', '2020-12-31')], null],
    ['Ноябрь 2020', {}, 'date', [w('2020-11-01', '2020-11-30')], null],
    ['Декабрь 2020 года', {}, 'date', [w('2020-12-01', '2020-12-31')], null],
    ['Февраль-май 2022', {}, 'range', [w('2022-02-01', '2022-05-31')], null],
    ['август-декабрь 2020 года', {}, 'range', [w('2020-08-01', '2020-12-31')], null],
    ['ноябрь-февраль 2022', {}, 'range', [w('2021-11-01', '2022-02-28')], null],
    ['сентябрь 2021 г. - май 2022 г.', {}, 'range', [w('2021-09-01', '2022-05-31')], null],
    ['декабрь 2021 г. – январь 2022 г.', {}, 'range', [w('2021-12-01', '2022-01-31')], null],
    ['сентябрь-декабрь 2020 года', {}, 'range', [w('2020-09-01', '2020-12-31')], null],
    ['Июнь', school, 'date', [w('2021-06-01', '2021-06-30')], null],
    ['Июнь', calendar2022, 'date', [w('2022-06-01', '2022-06-30')], null],
    [
      'октябрь 2021 г.,\nмай 2022 г.',
      {},
      'date',
      [w('2021-10-01', '2021-10-31'), w('2022-05-01', '2022-05-31')],
      null,
    ],
    [
      'Декабрь, май',
      school,
      'recurring',
      [w('2020-12-01', '2020-12-31'), w('2021-05-01', '2021-05-31')],
      { frequency: 'yearly', months: [12, 5] },
    ],
    [
      'Январь, июнь',
      school,
      'recurring',
      [w('2021-01-01', '2021-01-31'), w('2021-06-01', '2021-06-30')],
      { frequency: 'yearly', months: [1, 6] },
    ],
    ['ежемесячно', calendar2022, 'recurring', [w('2022-01-01', '2022-12-31')], { frequency: 'monthly' }],
    ['ежеквартально', {}, 'recurring', [], { frequency: 'quarterly' }],
    ['ежегодно', calendar2022, 'recurring', [w('2022-01-01', '2022-12-31')], { frequency: 'yearly' }],
    [
      'ежегодно в мае',
      school,
      'recurring',
      [w('2021-05-01', '2021-05-31')],
      { frequency: 'yearly', months: [5] },
    ],
    ['в течение всего периода', school, 'continuous', [w('2020-09-01', '2024-08-31')], null],
    [
      'в течение всего периода реализации ЦМН',
      calendar2022,
      'continuous',
      [w('2022-01-01', '2022-12-31')],
      null,
    ],
    ['В течение года', calendar2022, 'continuous', [w('2022-01-01', '2022-12-31')], null],
    ['постоянно', {}, 'continuous', [], null],
    [
      'в течение всего периода\n(по мере необходимости)',
      calendar2022,
      'continuous',
      [w('2022-01-01', '2022-12-31')],
      null,
    ],
    ['по мере необходимости', school, 'as_needed', [], null],
    ['при необходимости', {}, 'as_needed', [], null],
    ['по плану работы УОиМП', {}, 'external', [], null],
    ['по отдельному графику', {}, 'external', [], null],
    ['в соответствии со сроками реализации программ наставничества', {}, 'external', [], null],
    ['в соответствии со сроками, устанавливаемым и Минпросвещения России', {}, 'external', [], null],
    [
      'в соответствии со сроками реализации программ наставничества или май 2021 года',
      {},
      'external',
      [w('2021-05-01', '2021-05-31')],
      null,
    ],
    ['III квартал 2023 г.', {}, 'date', [w('2023-07-01', '2023-09-30')], null],
    ['1 квартал 2022', {}, 'date', [w('2022-01-01', '2022-03-31')], null],
    ['IV квартал', school, 'date', [w('2020-10-01', '2020-12-31')], null],
    ['II полугодие 2021 г.', {}, 'date', [w('2021-07-01', '2021-12-31')], null],
    ['первая декада сентября', school, 'date', [w('2020-09-01', '2020-09-10')], null],
    ['вторая декада мая 2021', {}, 'date', [w('2021-05-11', '2021-05-20')], null],
    ['третья декада февраля 2024 г.', {}, 'date', [w('2024-02-21', '2024-02-29')], null],
    ['конец мая 2021', {}, 'date', [w('2021-05-21', '2021-05-31')], null],
    // Halves of a month, and its beginning, middle and end, take the year from the period like a month.
    ['2-я половина сентября', school2025, 'date', [w('2025-09-16', '2025-09-30')], null],
    ['1-я половина сентября', school2025, 'date', [w('2025-09-01', '2025-09-15')], null],
    ['первая половина февраля', school2025, 'date', [w('2026-02-01', '2026-02-15')], null],
    ['во второй половине ноября', school2025, 'date', [w('2025-11-16', '2025-11-30')], null],
    ['II половина февраля 2024 г.', {}, 'date', [w('2024-02-16', '2024-02-29')], null],
    ['со 2-й половины октября', school2025, 'from', [w('2025-10-16', null)], null],
    // A half of a year is the half-year, however it is written.
    ['вторая половина 2025 года', {}, 'date', [w('2025-07-01', '2025-12-31')], null],
    ['2-е полугодие 2025 года', {}, 'date', [w('2025-07-01', '2025-12-31')], null],
    ['первая половина 2026 г.', {}, 'date', [w('2026-01-01', '2026-06-30')], null],
    ['во второй половине 2025 г.', school2025, 'date', [w('2025-07-01', '2025-12-31')], null],
    ['с первой половины 2026 года', {}, 'from', [w('2026-01-01', null)], null],
    ['начало сентября', school2025, 'date', [w('2025-09-01', '2025-09-10')], null],
    ['в середине октября', school2025, 'date', [w('2025-10-11', '2025-10-20')], null],
    ['конец февраля', school2025, 'date', [w('2026-02-21', '2026-02-28')], null],
    [
      '1-я половина сентября, конец мая',
      school2025,
      'recurring',
      [w('2025-09-01', '2025-09-15'), w('2026-05-21', '2026-05-31')],
      { frequency: 'yearly', months: [9, 5] },
    ],
    ['2022-2023 уч. год', {}, 'date', [w('2022-09-01', '2023-08-31')], null],
    ['в 2020-2021 учебном году', {}, 'date', [w('2020-09-01', '2021-08-31')], null],
    ['2021 год', {}, 'date', [w('2021-01-01', '2021-12-31')], null],
    ['в течение 2021 года', {}, 'date', [w('2021-01-01', '2021-12-31')], null],
    ['2021-2022 гг.', {}, 'range', [w('2021-01-01', '2022-12-31')], null],
  ])('%j → %s', (text, ctx, kind, windows, recurrence) => {
    const deadline = parseDeadline(text, ctx);
    expect(deadline.kind).toBe(kind);
    expect(deadline.windows).toEqual(windows);
    expect(deadline.recurrence).toEqual(recurrence);
    expect(deadline.text).toBe(text.replace(/\s+/g, ' ').trim());
    expect(deadlineSchema.safeParse(deadline).success).toBe(true);
  });

  it.each([
    ['', 'Срок не указан'],
    ['по усмотрению', 'не распознан'],
    ['31.02.2021', 'несуществующая дата'],
    ['до 31.13.2021', 'несуществующая дата'],
  ])('keeps %j as unknown with a Russian warning', (text, warning) => {
    const deadline = parseDeadline(text);
    expect(deadline).toMatchObject({ kind: 'unknown', windows: [], recurrence: null, text });
    expect(deadline.warning).toContain(warning);
  });

  it('cannot place a date without a year when the period is unknown, and says so', () => {
    const deadline = parseDeadline('До 01 октября');
    expect(deadline.kind).toBe('until');
    expect(deadline.windows).toEqual([]);
    expect(deadline.warning).toMatch(/не указан год/);
  });

  it('months written in any case and letter case are the same month', () => {
    for (const text of ['МАЙ 2021', 'мая 2021', 'в мае 2021', 'Май 2021 г.']) {
      expect(parseDeadline(text).windows, text).toEqual([w('2021-05-01', '2021-05-31')]);
    }
  });

  it('reads a half of a month whole, with nothing left over to warn about', () => {
    for (const text of ['2-я половина сентября', '1-я половина сентября', 'начало сентября']) {
      expect(parseDeadline(text, school2025).warning, text).toBeUndefined();
    }
  });

  it('reads a half of a year whole, with nothing left over to warn about', () => {
    for (const text of [
      'вторая половина 2025 года',
      '2-е полугодие 2025 года',
      'с первой половины 2026 года',
    ]) {
      expect(parseDeadline(text).warning, text).toBeUndefined();
    }
  });

  it('flags words it did not use but keeps the dates it read', () => {
    const deadline = parseDeadline('01.09.2021 (после педсовета)');
    expect(deadline.windows).toEqual([w('2021-09-01', '2021-09-01')]);
    expect(deadline.warning).toMatch(/не учтены/);
  });
});

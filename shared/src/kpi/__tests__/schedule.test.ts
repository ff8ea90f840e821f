import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RoadmapDraft } from '../../roadmap/schema.js';
import {
  DEFAULT_MONITORING_MONTHS,
  dueMonitoring,
  isMonitoringActivity,
  lastDayOf,
  monitoringLabel,
  monitoringMoments,
  monitoringMonthsOf,
} from '../schedule.js';

const activitiesOf = (slug: string) =>
  (
    JSON.parse(readFileSync(new URL(`../../../../seeds/roadmaps/${slug}.json`, import.meta.url), 'utf8')) as {
      draft: RoadmapDraft;
    }
  ).draft.activities;

describe('monitoring dates from the road maps', () => {
  it('reads «Декабрь, май» of school 40 and not the January/June collection of results', () => {
    expect(monitoringMonthsOf(activitiesOf('kamensk-school-40'))).toEqual([5, 12]);
    expect(
      isMonitoringActivity('Сбор результатов мониторинга реализации программ наставничества в школе'),
    ).toBe(false);
  });

  it('takes the month a one-off window ends in («сентябрь-декабрь 2020 года»)', () => {
    expect(monitoringMonthsOf(activitiesOf('bor-uoimp'))).toEqual([12]);
    expect(
      monitoringMonthsOf([
        {
          title: 'Проведение внутреннего мониторинга реализации программ',
          deadline: {
            text: 'до 15.06.2022',
            kind: 'date',
            windows: [{ start: null, end: '2022-06-15' }],
            recurrence: null,
          },
        },
      ]),
    ).toEqual([6]);
  });

  it('names nothing without a dated monitoring activity', () => {
    expect(monitoringMonthsOf([{ title: 'Проведение внутреннего мониторинга', deadline: null }])).toEqual([]);
    expect(monitoringMonthsOf([{ title: 'Анкетирование участников' }])).toEqual([]);
  });
});

describe('monitoring moments', () => {
  it('is the last day of the month, leap February included', () => {
    expect(lastDayOf(2025, 12)).toBe('2025-12-31');
    expect(lastDayOf(2024, 2)).toBe('2024-02-29');
    expect(lastDayOf(2025, 2)).toBe('2025-02-28');
    expect(lastDayOf(2025, 5)).toBe('2025-05-31');
  });

  it('lists the moments between two dates in order, both ends included', () => {
    expect(monitoringMoments(DEFAULT_MONITORING_MONTHS, '2025-05-31', '2026-05-31')).toEqual([
      { date: '2025-05-31', label: 'Внутренний мониторинг: май 2025 (по графику)' },
      { date: '2025-12-31', label: 'Внутренний мониторинг: декабрь 2025 (по графику)' },
      { date: '2026-05-31', label: 'Внутренний мониторинг: май 2026 (по графику)' },
    ]);
    expect(monitoringMoments([12], '2025-01-01', '2025-12-30')).toEqual([]);
  });

  it('is due on its day and for a month after, once', () => {
    const months = [12, 5];
    const december = monitoringLabel(2025, 12);
    expect(dueMonitoring(months, '2025-12-30', new Set())).toBeNull();
    expect(dueMonitoring(months, '2025-12-31', new Set())?.label).toBe(december);
    // The server was down on the day: taken when it comes back within the grace period.
    expect(dueMonitoring(months, '2026-01-20', new Set())?.date).toBe('2025-12-31');
    expect(dueMonitoring(months, '2026-01-20', new Set([december]))).toBeNull();
    expect(dueMonitoring(months, '2026-02-01', new Set())).toBeNull();
    expect(dueMonitoring(months, '2026-05-31', new Set([december]))?.label).toBe(monitoringLabel(2026, 5));
    expect(dueMonitoring([], '2025-12-31', new Set())).toBeNull();
  });
});

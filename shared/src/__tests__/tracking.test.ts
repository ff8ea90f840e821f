import { describe, expect, it } from 'vitest';
import { activityTiming, todayIn } from '../tracking.js';
import type { Deadline } from '../roadmap/schema.js';

const d = (
  kind: Deadline['kind'],
  windows: Deadline['windows'],
  recurrence: Deadline['recurrence'] = null,
): Deadline => ({ text: 'срок', kind, windows, recurrence });
const today = '2025-11-23';

describe('activity timing', () => {
  it.each([
    [
      'a passed "until" deadline is overdue',
      d('until', [{ start: null, end: '2025-10-01' }]),
      'planned',
      'overdue',
    ],
    [
      'a passed deadline that is done is closed',
      d('until', [{ start: null, end: '2025-10-01' }]),
      'done',
      'closed',
    ],
    [
      'a passed window still in progress is overdue',
      d('date', [{ start: '2025-10-01', end: '2025-10-31' }]),
      'in_progress',
      'overdue',
    ],
    [
      'a window ending within 30 days is due soon',
      d('range', [{ start: '2025-11-01', end: '2025-12-10' }]),
      'planned',
      'due_soon',
    ],
    [
      'a long window around today is in window',
      d('range', [{ start: '2025-09-01', end: '2026-05-31' }]),
      'in_progress',
      'in_window',
    ],
    [
      'a later window is upcoming',
      d('date', [{ start: '2026-03-01', end: '2026-03-31' }]),
      'planned',
      'upcoming',
    ],
    ['an open end is never overdue', d('from', [{ start: '2022-03-01', end: null }]), 'planned', 'ongoing'],
    [
      'continuous work is never overdue',
      d('continuous', [{ start: '2020-09-01', end: '2024-08-31' }]),
      'planned',
      'ongoing',
    ],
    ['an external schedule is never overdue', d('external', []), 'planned', 'ongoing'],
    ['an unreadable deadline is undated', d('unknown', []), 'planned', 'undated'],
    [
      '«Декабрь, май» is due soon in late November',
      d('recurring', [], { frequency: 'yearly', months: [12, 5] }),
      'planned',
      'due_soon',
    ],
    [
      'a monthly activity is due within the month',
      d('recurring', [], { frequency: 'monthly' }),
      'planned',
      'due_soon',
    ],
  ] as const)('%s', (_name, deadline, status, state) => {
    expect(activityTiming(deadline, status, today).state).toBe(state);
  });

  it('a cancelled activity is closed', () => {
    expect(activityTiming(d('until', [{ start: null, end: '2020-01-01' }]), 'cancelled', today).state).toBe(
      'closed',
    );
  });

  it('a yearly recurrence in February waits for May, and is not overdue', () => {
    const t = activityTiming(
      d('recurring', [], { frequency: 'yearly', months: [12, 5] }),
      'planned',
      '2026-02-10',
    );
    expect(t.state).toBe('upcoming');
    expect(t.window).toEqual({ start: '2026-05-01', end: '2026-05-31' });
  });

  it('reads today in the organisation timezone', () => {
    const lateEvening = new Date('2025-11-23T21:30:00Z');
    expect(todayIn('Europe/Moscow', lateEvening)).toBe('2025-11-24');
    expect(todayIn('Europe/Kaliningrad', lateEvening)).toBe('2025-11-23');
    expect(todayIn('Asia/Yekaterinburg', lateEvening)).toBe('2025-11-24');
  });
});

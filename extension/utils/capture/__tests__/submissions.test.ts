import { describe, expect, it } from 'vitest';
import { captureSubmissionSchema, type RosterPayload } from '@nastavnik/shared/capture';
import { PART_MAX_ROWS, planSubmissions } from '../submissions.js';

describe('planSubmissions', () => {
  it('sends small captures whole with a fresh idempotency key', () => {
    const payload: RosterPayload = { kind: 'roster', rows: [{ fullName: 'Иванова Мария' }] };
    const [planned, ...rest] = planSubmissions({
      kind: 'roster',
      adapter: 'generic-table',
      sourceUrl: 'https://s.example/',
      payload,
      summary: 'Список',
    });
    expect(rest).toEqual([]);
    expect(planned?.summary).toBe('Список');
    expect(captureSubmissionSchema.safeParse(planned?.submission).success).toBe(true);
  });

  it('splits 10 000 rows into valid parts with their own keys, losing no row', () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => ({
      fullName: `Ученикова Анна ${index}`,
      className: '7А',
    }));
    const planned = planSubmissions({
      kind: 'roster',
      adapter: 'generic-table',
      sourceUrl: 'https://s.example/',
      payload: { kind: 'roster', rows },
      summary: 'Вся школа',
    });
    expect(planned).toHaveLength(Math.ceil(10_000 / PART_MAX_ROWS));
    expect(planned.map((part) => part.summary)).toContain('Вся школа (часть 2 из 5)');
    expect(new Set(planned.map((part) => part.submission.idempotencyKey)).size).toBe(planned.length);
    const sent = planned.flatMap((part) =>
      part.submission.payload.kind === 'roster' ? part.submission.payload.rows : [],
    );
    expect(sent).toEqual(rows);
    for (const part of planned) {
      expect(captureSubmissionSchema.safeParse(part.submission).success).toBe(true);
      expect(JSON.stringify(part.submission).length).toBeLessThan(1_000_000);
    }
  });
});

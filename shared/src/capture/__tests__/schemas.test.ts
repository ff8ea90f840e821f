import { describe, expect, it } from 'vitest';
import {
  captureLimits,
  capturePayloadSchema,
  captureSubmissionSchema,
  columnRoles,
  describeIssues,
  siteAuditParts,
} from '../index.js';

const key = 'k9fXQ2mJ7vLh3sTe_Wd-01';

function submission(payload: unknown, kind = 'roster') {
  return {
    kind,
    sourceUrl: 'https://school.example/class',
    adapter: 'generic-table',
    payload,
    idempotencyKey: key,
  };
}

describe('capturePayloadSchema', () => {
  it('accepts every kind', () => {
    const payloads = [
      { kind: 'roster', rows: [{ fullName: 'Иванова Мария', className: '7А', birthDate: '2011-03-12' }] },
      {
        kind: 'grades',
        rows: [{ fullName: 'Иванова Мария', averageGrade: 4.5, absences: 2, grades: [5, 4], finalGrade: 5 }],
      },
      {
        kind: 'roadmap_table',
        html: '<table><tr><td>1.</td></tr></table>',
        warnings: [{ row: 2, code: 'deadline_unknown', severity: 'warning', message: 'Срок не распознан' }],
      },
      { kind: 'article', title: 'Итоги', html: '<p>Текст</p>', images: [], sourceUrl: 'https://s.example/a' },
      {
        kind: 'site_audit',
        parts: [{ key: 'roadmap', label: 'Дорожная карта', present: false, links: [] }],
      },
      {
        kind: 'site_audit',
        curator: {
          name: 'Белова Светлана Игоревна',
          position: 'заместитель директора по УВР',
          phone: '8 (3452) 12-34-56, доб. 105',
          email: 'belova@gimn5.example',
        },
        parts: [{ key: 'curator', label: 'Куратор и контакты', present: true, links: [] }],
      },
    ];
    for (const payload of payloads) expect(capturePayloadSchema.safeParse(payload).success).toBe(true);
  });

  it('refuses unsafe or malformed content', () => {
    const bad = [
      {
        kind: 'article',
        title: 'x',
        html: '<p onclick="x()">a</p>',
        images: [],
        sourceUrl: 'https://s.example',
      },
      { kind: 'article', title: 'x', html: '<script>1</script>', images: [], sourceUrl: 'https://s.example' },
      {
        kind: 'article',
        title: 'x',
        html: '<a href="javascript:alert(1)">a</a>',
        images: [],
        sourceUrl: 'https://s.example',
      },
      {
        kind: 'article',
        title: 'x',
        html: '<p>a</p>',
        images: ['javascript:alert(1)'],
        sourceUrl: 'https://s.example',
      },
      { kind: 'roster', rows: [] },
      { kind: 'roster', rows: [{ fullName: '  ' }] },
      { kind: 'roster', rows: [{ fullName: 'А Б', birthDate: '2011-02-30' }] },
      { kind: 'roster', rows: [{ fullName: 'А Б', extra: 'smuggled' }] },
      { kind: 'roster', rows: [{ fullName: '<img src=x onerror=alert(1)>' }] },
      { kind: 'grades', rows: [{ fullName: 'А Б', attendancePercent: 120 }] },
      { kind: 'grades', rows: [{ fullName: 'А Б', finalGrade: -1 }] },
      { kind: 'site_audit', sectionUrl: 'javascript:alert(1)', parts: [] },
      ...[{}, { phone: '' }, { name: '<b>Белова</b>' }, { email: 'a@b.example', office: '12' }].map(
        (curator) => ({
          kind: 'site_audit',
          curator,
          parts: [{ key: 'curator', label: 'Куратор и контакты', present: true, links: [] }],
        }),
      ),
      { kind: 'unknown' },
    ];
    for (const payload of bad)
      expect(capturePayloadSchema.safeParse(payload).success, JSON.stringify(payload)).toBe(false);
  });

  it('accepts the row limit and refuses one more', () => {
    const row = { fullName: 'Иванова Мария' };
    const atLimit = { kind: 'roster', rows: Array.from({ length: captureLimits.maxRows }, () => row) };
    expect(capturePayloadSchema.safeParse(atLimit).success).toBe(true);
    const over = { kind: 'roster', rows: [...atLimit.rows, row] };
    const result = capturePayloadSchema.safeParse(over);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)[0]).toContain('Не более 10');
  });
});

describe('captureSubmissionSchema', () => {
  it('requires the payload to be of the submitted kind', () => {
    const payload = { kind: 'roster', rows: [{ fullName: 'Иванова Мария' }] };
    expect(captureSubmissionSchema.safeParse(submission(payload)).success).toBe(true);
    expect(captureSubmissionSchema.safeParse(submission(payload, 'grades')).success).toBe(false);
  });
  it('refuses weak idempotency keys and foreign URLs', () => {
    const payload = { kind: 'roster', rows: [{ fullName: 'Иванова Мария' }] };
    expect(captureSubmissionSchema.safeParse({ ...submission(payload), idempotencyKey: '1' }).success).toBe(
      false,
    );
    expect(
      captureSubmissionSchema.safeParse({ ...submission(payload), sourceUrl: 'file:///etc/passwd' }).success,
    ).toBe(false);
    expect(captureSubmissionSchema.safeParse({ ...submission(payload), adapter: 'Bad Id' }).success).toBe(
      false,
    );
  });
  it('describes issues in Russian with row numbers', () => {
    const result = captureSubmissionSchema.safeParse(
      submission({ kind: 'roster', rows: [{ fullName: 'А' }, { fullName: '' }] }),
    );
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toEqual(['Строка 2, ФИО: Пустое значение']);
  });
  it('names the final mark in Russian', () => {
    const result = captureSubmissionSchema.safeParse(
      submission({ kind: 'grades', rows: [{ fullName: 'Иванова Мария', finalGrade: 101 }] }, 'grades'),
    );
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)[0]).toMatch(/^Строка 1, итоговая отметка: /);
  });
});

describe('labelled enumerations', () => {
  it('label every value in Russian', () => {
    for (const value of columnRoles.values) expect(columnRoles.label(value)).toMatch(/[А-Яа-яЁё]/);
    for (const value of siteAuditParts.values) expect(siteAuditParts.label(value)).toMatch(/[А-Яа-яЁё]/);
  });
});

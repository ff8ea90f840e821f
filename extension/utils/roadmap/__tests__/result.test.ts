import { describe, expect, it } from 'vitest';
import { messages } from '../../messaging/registry.js';
import {
  describeCommit,
  describeDuplicate,
  duplicateChoiceLabels,
  roadmapImportResultSchema,
  stateAfterApply,
  warningPlace,
} from '../result.js';

const duplicate = { documentId: 'rm1', title: 'Дорожная карта 2025', version: 1, sameSource: true };

describe('road-map import results', () => {
  it('calls a dry run «checked», not «applied»: the CMS keeps such a capture new', () => {
    expect(stateAfterApply('new')).toBe('checked');
    expect(stateAfterApply('applied')).toBe('applied');
  });

  it('accepts the CMS answer and refuses one that is not', () => {
    const answer = {
      ok: false,
      committed: false,
      format: 'docx',
      warnings: [
        {
          row: 5,
          table: 1,
          cell: 'deadline',
          code: 'deadline_unknown',
          severity: 'warning',
          message: 'Срок не распознан',
        },
      ],
      error: { code: 'duplicate', message: 'Этот документ уже импортирован' },
      duplicateOf: duplicate,
      roadmapDocumentId: null,
      version: null,
      activitiesCount: 16,
      kpisCount: 0,
    };
    expect(roadmapImportResultSchema.parse(answer)).toMatchObject({
      duplicateOf: duplicate,
      activitiesCount: 16,
    });
    expect(roadmapImportResultSchema.safeParse({ ...answer, warnings: 'нет' }).success).toBe(false);
    expect(roadmapImportResultSchema.safeParse({ ...answer, duplicateOf: { title: 'без id' } }).success).toBe(
      false,
    );
  });

  it('tells the same document from another one with the same title', () => {
    expect(describeDuplicate(duplicate)).toBe(
      'Этот документ уже записан в «Наставник»: «Дорожная карта 2025», версия 1.',
    );
    expect(describeDuplicate({ ...duplicate, sameSource: false, version: 3 })).toBe(
      'В «Наставнике» уже есть дорожная карта с таким названием: «Дорожная карта 2025», версия 3.',
    );
    expect(duplicateChoiceLabels.new_version(duplicate)).toContain('версия 2');
    expect(duplicateChoiceLabels.replace(duplicate)).toContain('будут удалены');
  });

  it('describes a commit with its version and warnings', () => {
    expect(describeCommit({ version: 1, warnings: [] })).toBe('Дорожная карта записана.');
    expect(
      describeCommit({ version: 2, warnings: [{ row: 0, code: 'x', severity: 'info', message: 'м' }] }),
    ).toBe('Дорожная карта записана, версия 2. Замечаний при разборе: 1.');
  });

  it('names where a warning points', () => {
    const warning = {
      row: 5,
      table: 2,
      cell: 'deadline' as const,
      code: 'x',
      severity: 'warning' as const,
      message: 'м',
    };
    expect(warningPlace(warning, false)).toBe('Строка 5 · Срок');
    expect(warningPlace(warning, true)).toBe('Таблица 2, строка 5 · Срок');
    // A row of a PDF: the page it is printed on comes first.
    expect(warningPlace({ ...warning, page: 3 }, false)).toBe('Страница 3, строка 5 · Срок');
    expect(warningPlace({ ...warning, page: 3 }, true)).toBe('Страница 3, Таблица 2, строка 5 · Срок');
    expect(warningPlace({ row: 0, code: 'x', severity: 'info', message: 'м' }, false)).toBe(
      'Документ в целом',
    );
  });

  it('lets the panel ask the background to write a road map, but not with made-up options', () => {
    const request = messages['queue.apply'].request;
    const id = 'key-aaaaaaaaaaaaaaaa-1';
    expect(request.safeParse({ id, options: { commit: true } }).success).toBe(true);
    expect(request.safeParse({ id, options: { commit: true, onDuplicate: 'new_version' } }).success).toBe(
      true,
    );
    expect(request.safeParse({ id, options: { moment: 'end' } }).success).toBe(true);
    expect(request.safeParse({ id, options: { commit: true, onDuplicate: 'fail' } }).success).toBe(false);
    expect(request.safeParse({ id, options: { commit: false } }).success).toBe(false);
    expect(request.safeParse({ id, options: { commit: true, publish: true } }).success).toBe(false);
  });
});

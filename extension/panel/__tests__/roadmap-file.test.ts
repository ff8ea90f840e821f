import { describe, expect, it } from 'vitest';
import type { RoadmapDraft } from '@nastavnik/shared/roadmap/schema';
import type { RoadmapImportResult } from '@/utils/roadmap/result';
import { afterImport, type FilePreview, importInput, readByText } from '../roadmap-file';

const draft = (title: string): RoadmapDraft => ({
  title,
  sections: [],
  activities: [],
  kpis: [],
  contingent: [],
  workingGroup: [],
});

const preview: FilePreview = {
  name: 'preview',
  file: { name: 'plan.docx', size: 3 },
  bytes: new Uint8Array([1, 2, 3]),
  parsed: { format: 'docx', draft: draft('План панели'), warnings: [], readBy: 'panel' },
  duplicateOf: null,
  checked: false,
};

const duplicate = { documentId: 'rm-1', title: 'План', version: 1, sameSource: true };

const answer = (overrides: Partial<RoadmapImportResult>): RoadmapImportResult => ({
  ok: true,
  committed: false,
  format: 'docx',
  warnings: [],
  error: null,
  duplicateOf: null,
  roadmapDocumentId: null,
  version: null,
  activitiesCount: 0,
  kpisCount: 0,
  ...overrides,
});

describe('the file tab after the CMS answered', () => {
  it('asks for a dry run on a check, and for a refusal on a first write', () => {
    expect(importInput(preview, 'org-1', 'check', 'replace')).toEqual({
      organisation: 'org-1',
      fileBase64: 'AQID',
      filename: 'plan.docx',
      dryRun: true,
    });
    expect(importInput(preview, 'org-1', 'commit', 'replace')).toMatchObject({
      dryRun: false,
      onDuplicate: 'fail',
    });
    expect(importInput({ ...preview, duplicateOf: duplicate }, 'org-1', 'commit', 'replace')).toMatchObject({
      onDuplicate: 'replace',
    });
  });

  it('takes the server’s reading of a checked document and says it was checked', () => {
    const { step, problem } = afterImport(preview, answer({ draft: draft('План сервера') }), 'new_version');
    expect(problem).toBeNull();
    expect(step).toMatchObject({ name: 'preview', checked: true, duplicateOf: null });
    if (step.name !== 'preview') throw new Error(step.name);
    expect(step.parsed).toMatchObject({ readBy: 'server', draft: { title: 'План сервера' } });
    expect(readByText(step)).toBe('Документ Word (DOCX) · разбор сервера');
  });

  it('keeps the panel’s reading when the server sends no draft', () => {
    const { step } = afterImport(preview, answer({}), 'new_version');
    if (step.name !== 'preview') throw new Error(step.name);
    expect(step.parsed).toBe(preview.parsed);
    expect(readByText(step)).toContain('документ проверен сервером');
  });

  it('offers the choice, with a warning, when the CMS refused to write a duplicate', () => {
    const refusal = answer({
      ok: false,
      duplicateOf: duplicate,
      error: { code: 'duplicate', message: 'Уже есть' },
    });
    const { step, problem } = afterImport(preview, refusal, 'new_version');
    expect(step).toMatchObject({ name: 'preview', duplicateOf: duplicate, checked: true });
    expect(problem?.tone).toBe('warning');
  });

  it('leaves the preview as it was when the server refused the document for another reason', () => {
    const refusal = answer({
      ok: false,
      duplicateOf: duplicate,
      error: { code: 'no_table', message: 'Нет таблицы' },
    });
    expect(afterImport(preview, refusal, 'new_version')).toEqual({
      step: preview,
      problem: { tone: 'error', text: 'Нет таблицы' },
    });
  });

  it('reports a write with what became of the road map it duplicated', () => {
    const written = answer({ committed: true, version: 2, activitiesCount: 5 });
    expect(afterImport(preview, written, 'replace').step).toMatchObject({
      name: 'written',
      title: 'План панели',
      previous: null,
    });
    expect(afterImport({ ...preview, duplicateOf: duplicate }, written, 'replace').step).toMatchObject({
      previous: 'replace',
    });
  });
});

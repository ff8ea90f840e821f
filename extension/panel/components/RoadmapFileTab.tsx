import { type ChangeEvent, useState } from 'react';
import {
  roadmapImportFormats,
  type ImportFormat,
  type ImportWarning,
  type RoadmapDraft,
} from '@nastavnik/shared/roadmap/schema';
import type { NastavnikApi } from '@/utils/api/client';
import type { RoadmapImportInput } from '@/utils/api/operations';
import {
  bytesToBase64,
  fileSizeProblem,
  formatBytes,
  ROADMAP_FILE_ACCEPT,
  MAX_ROADMAP_FILE_BYTES,
} from '@/utils/roadmap/file';
import {
  activitiesWritten,
  type DuplicateChoice,
  type DuplicateInfo,
  type RoadmapImportResult,
} from '@/utils/roadmap/result';
import { DuplicateChoiceField } from './DuplicateChoice';
import { Notice } from './Notice';
import { ImportWarningList, RoadmapDraftView } from './RoadmapDraft';

interface FileInfo {
  name: string;
  size: number;
}

interface Parsed {
  format: ImportFormat;
  draft: RoadmapDraft;
  warnings: ImportWarning[];
  /** Who read the document: the engine here in the panel, or the CMS on «Проверить на сервере». */
  readBy: 'panel' | 'server';
}

type Step =
  | { name: 'empty' }
  | { name: 'reading'; file: FileInfo }
  | { name: 'refused'; file: FileInfo; message: string }
  | {
      name: 'preview';
      file: FileInfo;
      bytes: Uint8Array;
      parsed: Parsed;
      duplicateOf: DuplicateInfo | null;
      checked: boolean;
    }
  | {
      name: 'written';
      file: FileInfo;
      result: RoadmapImportResult;
      title: string | undefined;
      /** What became of the road map it duplicated, if it did. */
      previous: DuplicateChoice | null;
    };

const SHOWN_ACTIVITIES = 20;

function isFormat(value: string | null): value is ImportFormat {
  return value !== null && (roadmapImportFormats.values as readonly string[]).includes(value);
}

function errorText(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}

export function RoadmapFileTab({
  api,
  signedIn,
  organisation,
}: {
  api: NastavnikApi | null;
  signedIn: boolean;
  /** The user's organisation; null: the account has none; undefined: the profile is still loading. */
  organisation: { documentId: string; name: string; shortName: string | null } | null | undefined;
}) {
  const [step, setStep] = useState<Step>({ name: 'empty' });
  const [busy, setBusy] = useState<'check' | 'commit' | null>(null);
  const [problem, setProblem] = useState<{ tone: 'warning' | 'error'; text: string } | null>(null);
  const [choice, setChoice] = useState<DuplicateChoice>('new_version');

  const choose = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    // Cleared at once, so that choosing the same file again (after fixing it in Word) reads it again.
    input.value = '';
    if (!chosen) return;
    const file: FileInfo = { name: chosen.name, size: chosen.size };
    setProblem(null);
    setChoice('new_version');
    const tooBig = fileSizeProblem(file);
    if (tooBig) {
      setStep({ name: 'refused', file, message: tooBig });
      return;
    }
    setStep({ name: 'reading', file });
    try {
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      const { parseRoadmapFile } = await import('@/utils/roadmap/local-engine');
      const result = await parseRoadmapFile(bytes, chosen.name);
      if (!result.ok) {
        setStep({ name: 'refused', file, message: result.error.message });
        return;
      }
      setStep({
        name: 'preview',
        file,
        bytes,
        parsed: { format: result.format, draft: result.draft, warnings: result.warnings, readBy: 'panel' },
        duplicateOf: null,
        checked: false,
      });
    } catch (error) {
      setStep({
        name: 'refused',
        file,
        message: `Не удалось прочитать файл: ${errorText(error, 'непредвиденная ошибка')}.`,
      });
    }
  };

  const preview = step.name === 'preview' ? step : null;
  const ready = Boolean(preview && api && signedIn && organisation);

  const send = async (mode: 'check' | 'commit'): Promise<void> => {
    if (!preview || !api || !organisation) return;
    setBusy(mode);
    setProblem(null);
    const input: RoadmapImportInput = {
      organisation: organisation.documentId,
      fileBase64: bytesToBase64(preview.bytes),
      filename: preview.file.name,
      dryRun: mode === 'check',
      ...(mode === 'commit' ? { onDuplicate: preview.duplicateOf ? choice : 'fail' } : {}),
    };
    try {
      const result = await api.importRoadmap(input, mode === 'check');
      if (result.ok && result.committed) {
        setStep({
          name: 'written',
          file: preview.file,
          result,
          title: preview.parsed.draft.title,
          previous: preview.duplicateOf ? choice : null,
        });
        return;
      }
      if (result.duplicateOf && (result.ok || result.error?.code === 'duplicate')) {
        // The CMS has this road map already: the choice appears, nothing is written until it is made.
        setStep({
          ...preview,
          duplicateOf: result.duplicateOf,
          checked: true,
          parsed: serverParse(result, preview.parsed),
        });
        if (!result.ok) {
          setProblem({
            tone: 'warning',
            text: 'Документ не записан: такая дорожная карта уже есть. Выберите, что с ней сделать, и нажмите «Записать» ещё раз.',
          });
        }
        return;
      }
      if (!result.ok) {
        setProblem({ tone: 'error', text: result.error?.message ?? 'Сервер не принял документ.' });
        return;
      }
      setStep({ ...preview, duplicateOf: null, checked: true, parsed: serverParse(result, preview.parsed) });
    } catch (error) {
      setProblem({ tone: 'error', text: errorText(error, 'Не удалось связаться с сервером.') });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="file-import">
      <section className="card">
        <h2 className="card__title">Файл дорожной карты</h2>
        <p className="hint">
          Документ Word (DOCX), веб-страница (HTML) или текст с таблицей — до{' '}
          {formatBytes(MAX_ROADMAP_FILE_BYTES)}. Файл сначала разбирается здесь, в браузере; в «Наставник» он
          попадает только по кнопке «Записать».
        </p>
        <div className="file-pick">
          <label className={step.name === 'empty' ? 'button button--primary' : 'button'}>
            {step.name === 'empty' ? 'Выбрать файл…' : 'Выбрать другой файл'}
            <input
              type="file"
              className="visually-hidden"
              accept={ROADMAP_FILE_ACCEPT}
              aria-label="Файл дорожной карты"
              disabled={step.name === 'reading' || busy !== null}
              onChange={(event) => void choose(event)}
            />
          </label>
          {step.name !== 'empty' ? (
            <span className="file-pick__name" data-testid="chosen-file">
              {step.file.name}
              <span className="hint"> · {formatBytes(step.file.size)}</span>
            </span>
          ) : null}
        </div>
      </section>

      {step.name === 'reading' ? <Notice tone="info">Разбираю файл…</Notice> : null}
      {step.name === 'refused' ? (
        <Notice tone="error" title="Файл не принят">
          {step.message}
        </Notice>
      ) : null}

      {preview ? (
        <>
          <section className="roadmap-preview" aria-label="Черновик дорожной карты">
            <p className="hint" data-testid="read-by">
              {roadmapImportFormats.label(preview.parsed.format)} ·{' '}
              {preview.parsed.readBy === 'server'
                ? 'разбор сервера'
                : preview.checked
                  ? 'разбор в браузере, документ проверен сервером'
                  : 'разбор в браузере, на сервер ещё не отправлен'}
            </p>
            <RoadmapDraftView
              draft={preview.parsed.draft}
              warnings={preview.parsed.warnings.length}
              shown={SHOWN_ACTIVITIES}
              kpis
            />
            <ImportWarningList warnings={preview.parsed.warnings} />
          </section>
          {preview.duplicateOf ? (
            <DuplicateChoiceField
              duplicate={preview.duplicateOf}
              value={choice}
              onChange={setChoice}
              name="file-duplicate"
            />
          ) : preview.checked ? (
            <Notice tone="success">
              Сервер проверил документ: такой дорожной карты в «Наставнике» ещё нет.
            </Notice>
          ) : null}
          {problem ? <Notice tone={problem.tone}>{problem.text}</Notice> : null}
          {!signedIn || !api ? (
            <Notice tone="info">
              Войдите в «Наставник», чтобы проверить документ на сервере и записать его.
            </Notice>
          ) : organisation === undefined ? null : organisation === null ? (
            <Notice tone="error">
              В вашей учётной записи не указана организация: записать дорожную карту некуда. Обратитесь к
              администратору.
            </Notice>
          ) : (
            <p className="hint">
              Дорожная карта будет записана в организацию «{organisation.shortName || organisation.name}».
            </p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={!ready || busy !== null}
              onClick={() => void send('check')}
            >
              {busy === 'check' ? 'Проверяю…' : 'Проверить на сервере'}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={!ready || busy !== null}
              onClick={() => void send('commit')}
            >
              {busy === 'commit' ? 'Записываю…' : 'Записать'}
            </button>
          </div>
        </>
      ) : null}

      {step.name === 'written' ? (
        <Notice tone="success" title="Дорожная карта записана">
          <div data-testid="import-result">
            <p className="plain-text import-result__title">
              {step.title ? `«${step.title}»` : step.file.name}
              {step.result.version && step.result.version > 1 ? `, версия ${step.result.version}` : ''}
            </p>
            <p className="plain-text">
              {activitiesWritten(step.result.activitiesCount)}
              {step.result.kpisCount > 0 ? ` Показателей: ${step.result.kpisCount}.` : ''}
              {step.result.warnings.length > 0
                ? ` Замечания разбора (${step.result.warnings.length}) сохранены вместе с ней.`
                : ''}
              {step.previous === 'new_version' ? ' Прежняя версия — в архиве.' : ''}
              {step.previous === 'replace' ? ' Прежняя дорожная карта заменена.' : ''}
            </p>
          </div>
          <div className="notice__actions">
            <button type="button" className="button" onClick={() => setStep({ name: 'empty' })}>
              Импортировать другой файл
            </button>
          </div>
        </Notice>
      ) : null}
    </div>
  );
}

/** The CMS's own reading replaces the panel's once it arrives: it is what will be written. */
function serverParse(result: RoadmapImportResult, previous: Parsed): Parsed {
  if (!result.draft || !isFormat(result.format)) return previous;
  return { format: result.format, draft: result.draft, warnings: result.warnings, readBy: 'server' };
}

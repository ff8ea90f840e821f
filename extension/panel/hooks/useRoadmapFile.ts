import { useState } from 'react';
import type { NastavnikApi } from '@/utils/api/client';
import { fileSizeProblem } from '@/utils/roadmap/file';
import type { DuplicateChoice } from '@/utils/roadmap/result';
import {
  afterImport,
  errorText,
  type FileInfo,
  type FilePreview,
  type FileProblem,
  type FileStep,
  importInput,
  type Organisation,
  type SendMode,
} from '../roadmap-file';

export interface RoadmapFileFlow {
  step: FileStep;
  /** The step when it is a preview, which is when the document may be checked or written. */
  preview: FilePreview | null;
  busy: SendMode | null;
  problem: FileProblem | null;
  choice: DuplicateChoice;
  setChoice: (choice: DuplicateChoice) => void;
  choose: (chosen: File) => Promise<void>;
  send: (mode: SendMode) => Promise<void>;
  startOver: () => void;
}

/** Reads a chosen file here in the panel; the engine is loaded only once a file is chosen. */
async function readFile(chosen: File, file: FileInfo): Promise<FileStep> {
  const bytes = new Uint8Array(await chosen.arrayBuffer());
  const { parseRoadmapFile } = await import('@/utils/roadmap/local-engine');
  const result = await parseRoadmapFile(bytes, chosen.name);
  if (!result.ok) return { name: 'refused', file, message: result.error.message };
  return {
    name: 'preview',
    file,
    bytes,
    parsed: { format: result.format, draft: result.draft, warnings: result.warnings, readBy: 'panel' },
    duplicateOf: null,
    checked: false,
  };
}

/** The file tab's steps: read a file here, preview it, check it on the server, write it. */
export function useRoadmapFile(api: NastavnikApi | null, organisation: Organisation): RoadmapFileFlow {
  const [step, setStep] = useState<FileStep>({ name: 'empty' });
  const [busy, setBusy] = useState<SendMode | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [choice, setChoice] = useState<DuplicateChoice>('new_version');
  const preview = step.name === 'preview' ? step : null;

  const choose = async (chosen: File): Promise<void> => {
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
      setStep(await readFile(chosen, file));
    } catch (error) {
      setStep({
        name: 'refused',
        file,
        message: `Не удалось прочитать файл: ${errorText(error, 'непредвиденная ошибка')}.`,
      });
    }
  };

  const send = async (mode: SendMode): Promise<void> => {
    if (!preview || !api || !organisation) return;
    setBusy(mode);
    setProblem(null);
    const input = importInput(preview, organisation.documentId, mode, choice);
    try {
      const outcome = afterImport(preview, await api.importRoadmap(input, mode === 'check'), choice);
      setStep(outcome.step);
      setProblem(outcome.problem);
    } catch (error) {
      setProblem({ tone: 'error', text: errorText(error, 'Не удалось связаться с сервером.') });
    } finally {
      setBusy(null);
    }
  };

  return {
    step,
    preview,
    busy,
    problem,
    choice,
    setChoice,
    choose,
    send,
    startOver: () => setStep({ name: 'empty' }),
  };
}

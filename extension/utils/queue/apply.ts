/**
 * Applying a delivered capture in the CMS. A road-map table may need a second round: the CMS refuses
 * to write a road map it already has, so the refusal is explained by naming the road map it
 * duplicates, and the capture is then written over it the way the user chose.
 */
import type { GradesApplyOptions } from '@nastavnik/shared/capture';
import { ApiFailure, classifyError } from '../api/errors.js';
import {
  describeCommit,
  roadmapApplyOptionsSchema,
  stateAfterApply,
  type DuplicateChoice,
  type DuplicateInfo,
  type RoadmapApplyOptions,
  type RoadmapImportResult,
} from '../roadmap/result.js';
import type { QueueEntry } from './entry.js';
import type { EntryStore } from './entry-store.js';

export interface ApplyResult {
  state: string;
  message: string | null;
  createdCount: number | null;
}

export type ApplyOptions = GradesApplyOptions | RoadmapApplyOptions;

/**
 * Road-map captures only. The CMS writes a captured road map with `onDuplicate: fail`; these read
 * the capture back to name the road map it duplicates, and write it anyway as the user chose.
 */
export interface RoadmapCaptureDeps {
  findDuplicate: (documentId: string) => Promise<DuplicateInfo | null>;
  commitDuplicate: (documentId: string, mode: DuplicateChoice) => Promise<RoadmapImportResult>;
}

export interface ApplyDeps {
  entries: EntryStore;
  apply: (documentId: string, options?: ApplyOptions) => Promise<ApplyResult>;
  roadmap?: RoadmapCaptureDeps;
  onAuthFailure?: () => Promise<void>;
}

/** An entry the CMS has stored, under this document id. */
type Delivered = QueueEntry & { documentId: string };

function isDelivered(entry: QueueEntry | undefined): entry is Delivered {
  return (
    entry?.documentId !== undefined &&
    entry.documentId !== '' &&
    (entry.state === 'sent' || entry.state === 'checked' || entry.state === 'applied')
  );
}

export async function applyEntry(deps: ApplyDeps, id: string, options?: ApplyOptions): Promise<QueueEntry> {
  const entry = (await deps.entries.peek()).find((candidate) => candidate.id === id);
  if (!isDelivered(entry)) throw new ApiFailure('invalid', 'Сначала захват должен быть отправлен на сервер.');
  // Set only when a road map is being written: a dry run and other kinds of capture carry no such options.
  const roadmap =
    entry.kind === 'roadmap_table' ? roadmapApplyOptionsSchema.safeParse(options).data : undefined;
  try {
    if (roadmap?.onDuplicate) return await commitOverDuplicate(deps, entry, roadmap.onDuplicate);
    return await applyInCms(deps, entry, options, roadmap !== undefined);
  } catch (error) {
    return await refused(deps, entry, error, roadmap !== undefined);
  }
}

async function commitOverDuplicate(
  deps: ApplyDeps,
  entry: Delivered,
  mode: DuplicateChoice,
): Promise<QueueEntry> {
  if (!deps.roadmap) throw new ApiFailure('invalid', 'Запись дорожной карты поверх прежней недоступна.');
  const result = await deps.roadmap.commitDuplicate(entry.documentId, mode);
  const updated = await deps.entries.patch(entry.id, {
    state: 'applied',
    applyMessage: describeCommit(result),
    createdCount: result.activitiesCount,
    duplicateOf: undefined,
    lastError: undefined,
  });
  return updated ?? entry;
}

async function applyInCms(
  deps: ApplyDeps,
  entry: Delivered,
  options: ApplyOptions | undefined,
  writingRoadmap: boolean,
): Promise<QueueEntry> {
  const result = await deps.apply(entry.documentId, options);
  const state = stateAfterApply(result.state);
  // The CMS's sentence for a written road map repeats the count the panel shows beside it.
  const roadmapWritten = writingRoadmap && state === 'applied' && (result.createdCount ?? 0) > 0;
  const updated = await deps.entries.patch(entry.id, {
    state,
    applyMessage: roadmapWritten
      ? describeCommit({ version: 1, warnings: [] })
      : (result.message ?? undefined),
    createdCount: result.createdCount ?? undefined,
    lastError: undefined,
    // After a dry run the user is told at once when writing would collide with a road map in the CMS.
    duplicateOf:
      state === 'checked' && entry.kind === 'roadmap_table'
        ? await findDuplicate(deps, entry.documentId)
        : undefined,
  });
  return updated ?? entry;
}

/** Records why applying failed and passes the failure on, unless it was a duplicate to choose about. */
async function refused(
  deps: ApplyDeps,
  entry: Delivered,
  error: unknown,
  writingRoadmap: boolean,
): Promise<QueueEntry> {
  const failure = classifyError(error);
  if (failure.kind === 'auth') await deps.onAuthFailure?.();
  // The CMS refuses to write a road map it already has: find which one, and let the user choose.
  if (writingRoadmap && failure.kind === 'invalid') {
    const duplicate = await findDuplicate(deps, entry.documentId);
    if (duplicate) {
      return (await deps.entries.patch(entry.id, { duplicateOf: duplicate, lastError: undefined })) ?? entry;
    }
  }
  await deps.entries.patch(entry.id, { lastError: `Не применён: ${failure.message}` });
  throw failure;
}

async function findDuplicate(deps: ApplyDeps, documentId: string): Promise<DuplicateInfo | undefined> {
  // A failed look-up must not hide the outcome it was meant to explain.
  const found = await deps.roadmap?.findDuplicate(documentId).catch((error: unknown) => {
    console.warn('[nastavnik] duplicate look-up failed', error);
    return null;
  });
  return found ?? undefined;
}

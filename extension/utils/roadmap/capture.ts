/**
 * The road map behind a capture, read back from the CMS. A capture is written by
 * `nastavnikApplyCapture`, which never overwrites: when the CMS already has the road map, the panel
 * finds out which one with a dry run of the stored table and, once the user has chosen, writes it
 * through `nastavnikImportRoadmap` with the same table, so it is recognised as the same source later.
 */
import { ApiFailure } from '../api/errors.js';
import type { NastavnikApi } from '../api/client.js';
import type { RoadmapCaptureDeps } from '../queue/apply.js';
import type { DuplicateChoice } from './result.js';

/** The name the CMS gives a captured table (`captures/service.ts`), kept so both paths store the same. */
const CAPTURED_FILENAME = 'page.html';

export function roadmapCaptureDeps(api: () => Promise<NastavnikApi>): RoadmapCaptureDeps {
  /** The stored table of the capture, imported again as the same source. */
  async function importCaptured(
    documentId: string,
    options: { dryRun: boolean; onDuplicate?: DuplicateChoice },
  ) {
    const client = await api();
    const { html, organisation } = await client.captureSource(documentId);
    return client.importRoadmap({ organisation, html, filename: CAPTURED_FILENAME, ...options });
  }
  return {
    async findDuplicate(documentId) {
      return (await importCaptured(documentId, { dryRun: true })).duplicateOf;
    },
    async commitDuplicate(documentId, mode) {
      const result = await importCaptured(documentId, { dryRun: false, onDuplicate: mode });
      if (!result.ok || !result.committed) {
        throw new ApiFailure('invalid', result.error?.message ?? 'Сервер не записал дорожную карту.');
      }
      return result;
    },
  };
}

/**
 * The road map behind a capture, read back from the CMS. A capture is written by
 * `nastavnikApplyCapture`, which never overwrites: when the CMS already has the road map, the panel
 * finds out which one with a dry run of the stored table and, once the user has chosen, writes it
 * through `nastavnikImportRoadmap` with the same table, so it is recognised as the same source later.
 */
import { ApiFailure } from '../api/errors.js';
import type { NastavnikApi } from '../api/client.js';
import type { RoadmapCaptureDeps } from '../queue/queue.js';

/** The name the CMS gives a captured table (`captures/service.ts`), kept so both paths store the same. */
const CAPTURED_FILENAME = 'page.html';

export function roadmapCaptureDeps(api: () => Promise<NastavnikApi>): RoadmapCaptureDeps {
  return {
    async findDuplicate(documentId) {
      const client = await api();
      const { html, organisation } = await client.captureSource(documentId);
      const result = await client.importRoadmap({
        organisation,
        html,
        filename: CAPTURED_FILENAME,
        dryRun: true,
      });
      return result.duplicateOf;
    },
    async commitDuplicate(documentId, mode) {
      const client = await api();
      const { html, organisation } = await client.captureSource(documentId);
      const result = await client.importRoadmap({
        organisation,
        html,
        filename: CAPTURED_FILENAME,
        dryRun: false,
        onDuplicate: mode,
      });
      if (!result.ok || !result.committed) {
        throw new ApiFailure('invalid', result.error?.message ?? 'Сервер не записал дорожную карту.');
      }
      return result;
    },
  };
}

/**
 * Importing a road map for an organisation: authorise, parse with the shared engine, look for a
 * duplicate and, unless it is a dry run, store it all or nothing. The request and the answer are the
 * shared contract (`shared/src/contracts/roadmap-import.ts`) whichever way the call came in.
 */
import { errors } from '@strapi/utils';
import {
  importRoadmap,
  roadmapImportInputSchema,
  type ImportWarning,
  type RoadmapDraft,
  type RoadmapImportRequest,
  type RoadmapImportResult,
} from '@nastavnik/shared';
import type { z } from 'zod';
import type { Strapi } from '../types.js';
import { asInternal, currentActor } from '../tenancy/actor.js';
import { organisations } from '../tenancy/organisations.js';
import { validationErrorFrom } from '../validation.js';
import { recognisePdf } from './ocr.js';
import { findDuplicate, sourceHash, writeRoadmap } from './write.js';

/** The contract's input, plus the raw bytes of an uploaded file (REST multipart, CLI). */
export type RoadmapImportCall = z.input<typeof roadmapImportInputSchema> & { bytes?: Uint8Array };

async function requireWritable(strapi: Strapi, organisation: string) {
  const actor = await currentActor(strapi);
  if (!(await organisations(strapi)).has(organisation)) {
    throw new errors.ValidationError(`Организация ${organisation} не найдена.`, { path: ['organisation'] });
  }
  if (actor.kind === 'anonymous')
    throw new errors.ForbiddenError('Войдите в систему, чтобы импортировать дорожную карту.');
  if (actor.kind !== 'user') return;
  if (!actor.scope.has(organisation)) {
    throw new errors.ForbiddenError('Нет доступа: организация вне вашей зоны ответственности.');
  }
  if (actor.role !== 'curator' && actor.role !== 'methodist') {
    throw new errors.ForbiddenError('Импортировать дорожные карты могут куратор и методист.');
  }
}

function documentOf(request: RoadmapImportRequest, bytes: Uint8Array | undefined) {
  const filename = request.filename ?? undefined;
  if (bytes) return { data: bytes, filename };
  if (request.fileBase64)
    return { data: new Uint8Array(Buffer.from(request.fileBase64, 'base64')), filename };
  const text = request.html ?? request.text;
  if (text == null) {
    throw new errors.ValidationError(
      'Передайте документ: текст (text), HTML-страницу (html) или файл (fileBase64 и filename).',
      { path: ['text'] },
    );
  }
  return { data: text, filename: filename ?? (request.html ? 'page.html' : undefined) };
}

const refusal = (
  error: { code: string; message: string },
  rest: Partial<RoadmapImportResult> = {},
): RoadmapImportResult => ({
  ok: false,
  committed: false,
  format: null,
  warnings: [],
  error,
  duplicateOf: null,
  roadmapDocumentId: null,
  version: null,
  activitiesCount: 0,
  kpisCount: 0,
  draft: null,
  ...rest,
});

export async function importRoadmapFor(
  strapi: Strapi,
  call: RoadmapImportCall,
): Promise<RoadmapImportResult> {
  const { bytes, ...fields } = call;
  const parsed = roadmapImportInputSchema.safeParse(fields);
  if (!parsed.success) throw validationErrorFrom(parsed.error);
  const request = parsed.data;
  await requireWritable(strapi, request.organisation);
  const input = documentOf(request, bytes);
  const result = await importRoadmap({ ...input, ocr: recognisePdf });
  if (!result.ok) return refusal(result.error);

  const hash = sourceHash(input.data);
  const duplicateOf = await findDuplicate(strapi, request.organisation, hash, result.draft.title);
  const base: RoadmapImportResult = {
    ...refusal({ code: '', message: '' }),
    ok: true,
    error: null,
    format: result.format,
    draft: result.draft,
    warnings: result.warnings,
    duplicateOf,
    activitiesCount: result.draft.activities.length,
    kpisCount: result.draft.kpis.length,
  };
  if (request.dryRun) return base;
  if (duplicateOf && request.onDuplicate === 'fail') {
    const what = duplicateOf.sameSource
      ? 'Этот документ уже импортирован'
      : 'Дорожная карта с таким названием уже есть';
    return {
      ...base,
      ok: false,
      error: {
        code: 'duplicate',
        message: `${what}: «${duplicateOf.title}», версия ${duplicateOf.version}. Выберите: заменить прежнюю или записать новой версией.`,
      },
    };
  }
  const newVersion = duplicateOf && request.onDuplicate === 'new_version';
  const version = newVersion ? duplicateOf.version + 1 : (duplicateOf?.version ?? 1);
  // Authorised above; the write itself runs with internal rights so its own reads are not scoped.
  const written = await asInternal(() =>
    writeRoadmap(strapi, result.draft, request.organisation, {
      hash,
      sourceName: input.filename,
      sourceText: typeof input.data === 'string' ? input.data : undefined,
      version,
      warnings: result.warnings,
      publish: request.publish,
      replace: duplicateOf && request.onDuplicate === 'replace' ? duplicateOf.documentId : undefined,
      archive: newVersion ? duplicateOf.documentId : undefined,
    }),
  );
  return { ...base, committed: true, roadmapDocumentId: written.documentId, version };
}

/** First-start loading of a generated seed: published, skipped when the same source is there. */
export async function seedRoadmap(
  strapi: Strapi,
  seed: { source: string; draft: RoadmapDraft; warnings?: ImportWarning[] },
  organisation: string,
  sourceText?: string,
): Promise<boolean> {
  const hash = sourceHash(sourceText ?? JSON.stringify(seed.draft));
  if (await findDuplicate(strapi, organisation, hash, undefined)) return false;
  await writeRoadmap(strapi, seed.draft, organisation, {
    hash,
    sourceName: seed.source,
    sourceText,
    version: 1,
    warnings: seed.warnings ?? [],
    publish: true,
  });
  return true;
}

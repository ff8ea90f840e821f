/**
 * Core controllers for every type. They are thin on purpose: tenancy, the personal-data rule and public
 * fields live in the document-service middleware, so REST and GraphQL behave the same. Road maps add
 * file export and a multipart import, which GraphQL is not made for; programmes add the order that fixes
 * their pairs (a DOCX file).
 */
import { readFile } from 'node:fs/promises';
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { definitions, uidOf } from '../content-types/index.js';
import type { RoadmapImportCall } from '../roadmaps/import.js';
import { pairsOrderFor } from '../matching/service.js';
import { kpiServiceOf, roadmapServiceOf } from '../services/access.js';
import { adminPanelController } from '../admin-panel/controller.js';
import { sendFile, yearParam } from '../kpi/download.js';
import { attachEvidence, type EvidenceUpload } from '../roadmaps/evidence.js';
import { SECURITY_CONFIG, type SecurityConfig } from '../security/config.js';

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
}

/** What koa-body leaves on a multipart request: files by field, the other fields as strings. */
interface MultipartRequest {
  files?: Record<string, UploadedFile | UploadedFile[] | undefined>;
  body?: Record<string, unknown>;
}

/** Multipart fields are strings; the contract wants booleans (a JSON body may already hold them). */
const flag = (value: unknown) => (value === 'true' || value === 'false' ? value === 'true' : value);

function importCall(
  body: Record<string, unknown>,
  file: UploadedFile | undefined,
): Omit<RoadmapImportCall, 'bytes'> {
  return {
    organisation: body.organisation as string,
    text: body.text as string | undefined,
    html: body.html as string | undefined,
    filename: file?.originalFilename ?? (body.filename as string | undefined),
    dryRun: flag(body.dryRun ?? true) as boolean,
    onDuplicate: body.onDuplicate as RoadmapImportCall['onDuplicate'],
    publish: flag(body.publish ?? false) as boolean,
  };
}

const roadmapController = factories.createCoreController('plugin::nastavnik.roadmap', ({ strapi }) => {
  const service = () => roadmapServiceOf(strapi);
  return {
    async export(ctx: Context) {
      const query = ctx.query as Record<string, string | undefined>;
      const format =
        query.format === 'xlsx' ? 'xlsx' : query.format === 'docx' || !query.format ? 'docx' : null;
      if (!format) throw new errors.ValidationError('Параметр format: ожидалось docx или xlsx.');
      const status = query.status === 'draft' ? 'draft' : undefined;
      const { bytes, filename } = await service().exportFile(
        (ctx.params as { id: string }).id,
        format,
        status,
      );
      ctx.set('Content-Type', MIME[format]);
      ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
      ctx.body = Buffer.from(bytes);
    },

    async importFile(ctx: Context) {
      const request = ctx.request as unknown as MultipartRequest;
      const uploaded = request.files?.file;
      const file = Array.isArray(uploaded) ? uploaded[0] : uploaded;
      const body = request.body ?? {};
      if (!file && !body.text && !body.html) {
        throw new errors.ValidationError(
          'Приложите файл дорожной карты (поле file) или передайте text / html.',
        );
      }
      // The service checks every field against the import contract and names the one that is wrong.
      ctx.body = await service().import({
        ...importCall(body, file),
        ...(file ? { bytes: new Uint8Array(await readFile(file.filepath)) } : {}),
      });
    },
  };
});

const programmeController = factories.createCoreController('plugin::nastavnik.programme', ({ strapi }) => ({
  /** The order «О закреплении наставнических пар (групп)»: `?number=…&date=ГГГГ-ММ-ДД`. */
  async pairsOrder(ctx: Context) {
    const query = ctx.query as Record<string, string | undefined>;
    const { bytes, filename } = await pairsOrderFor(strapi, (ctx.params as { id: string }).id, {
      number: query.number || undefined,
      date: query.date || undefined,
    });
    ctx.set('Content-Type', MIME.docx);
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
    ctx.body = Buffer.from(bytes);
  },
}));

const kpiController = factories.createCoreController('plugin::nastavnik.kpi-indicator', ({ strapi }) => {
  const request = (ctx: Context) => ({
    organisation: (ctx.params as { id: string }).id,
    year: yearParam(ctx),
  });
  return {
    async report(ctx: Context) {
      ctx.body = await kpiServiceOf(strapi).report(request(ctx));
    },
    async participants(ctx: Context) {
      sendFile(ctx, await kpiServiceOf(strapi).participantsFile(request(ctx)));
    },
    async note(ctx: Context) {
      sendFile(ctx, await kpiServiceOf(strapi).noteFile(request(ctx)));
    },
  };
});

const activityController = factories.createCoreController(
  'plugin::nastavnik.roadmap-activity',
  ({ strapi }) => ({
    async uploadEvidence(ctx: Context) {
      const uploaded = (
        ctx.request as unknown as { files?: Record<string, EvidenceUpload | EvidenceUpload[]> }
      ).files?.file;
      ctx.body = await attachEvidence(
        strapi,
        (ctx.params as { id: string }).id,
        Array.isArray(uploaded) ? uploaded[0] : uploaded,
        strapi.config.get<SecurityConfig>(SECURITY_CONFIG).bodyLimit.evidence,
      );
    },
  }),
);

const custom: Record<string, unknown> = {
  'roadmap-activity': activityController,
  roadmap: roadmapController,
  programme: programmeController,
  'kpi-indicator': kpiController,
};

export default {
  ...Object.fromEntries(
    definitions.map(({ definition }) => [
      definition.singularName,
      custom[definition.singularName] ?? factories.createCoreController(uidOf(definition.singularName)),
    ]),
  ),
  'admin-panel': adminPanelController,
};

/**
 * Core controllers for every type. They are thin on purpose: tenancy, the personal-data rule and public
 * fields live in the document-service middleware, so REST and GraphQL behave the same. Road maps add
 * file export and a multipart import, which GraphQL is not made for.
 */
import { readFile } from 'node:fs/promises';
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { definitions, uidOf } from '../content-types/index.js';

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const roadmapController = factories.createCoreController(
  'plugin::nastavnik.roadmap' as never,
  ({ strapi }) => ({
    async export(ctx: any) {
      const format =
        ctx.query.format === 'xlsx'
          ? 'xlsx'
          : ctx.query.format === 'docx' || !ctx.query.format
            ? 'docx'
            : null;
      if (!format) throw new errors.ValidationError('Параметр format: ожидалось docx или xlsx.');
      const status = ctx.query.status === 'draft' ? 'draft' : undefined;
      const { bytes, filename } = await strapi
        .plugin('nastavnik')
        .service('roadmap')
        .exportFile(ctx.params.id, format, status);
      ctx.set('Content-Type', MIME[format as keyof typeof MIME]);
      ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
      ctx.body = Buffer.from(bytes);
    },

    async importFile(ctx: any) {
      const file = ctx.request.files?.file;
      const single = Array.isArray(file) ? file[0] : file;
      const body = ctx.request.body ?? {};
      if (!single && !body.text && !body.html) {
        throw new errors.ValidationError(
          'Приложите файл дорожной карты (поле file) или передайте text / html.',
        );
      }
      const bytes = single ? new Uint8Array(await readFile(single.filepath)) : undefined;
      ctx.body = await strapi
        .plugin('nastavnik')
        .service('roadmap')
        .import({
          organisation: body.organisation,
          text: body.text,
          html: body.html,
          bytes,
          filename: single?.originalFilename ?? body.filename,
          dryRun: body.dryRun !== 'false' && body.dryRun !== false,
          onDuplicate: body.onDuplicate,
          publish: body.publish === 'true' || body.publish === true,
        });
    },
  }),
);

export default Object.fromEntries(
  definitions.map(({ definition }) => [
    definition.singularName,
    definition.singularName === 'roadmap'
      ? roadmapController
      : factories.createCoreController(uidOf(definition.singularName) as never),
  ]),
);

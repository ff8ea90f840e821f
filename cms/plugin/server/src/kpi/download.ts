/** The report files as HTTP downloads, for the REST routes and the admin panel's alike. */
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { ReportFile } from './files.js';

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** `?year=2021` as a number; anything else is named in the error. */
export function yearParam(ctx: Context): number | undefined {
  const raw = (ctx.query as Record<string, string | undefined>).year;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{4}$/.test(raw))
    throw new errors.ValidationError(`Параметр year: ожидался год (например, 2021), получено «${raw}».`);
  return Number(raw);
}

export function sendFile(ctx: Context, file: ReportFile) {
  ctx.set('Content-Type', MIME[file.format]);
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  ctx.body = Buffer.from(file.bytes);
}

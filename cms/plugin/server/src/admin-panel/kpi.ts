/**
 * KPIs in the admin panel: the overview's targets against the computed values for the account's
 * organisation (rolled up over its subtree; super admins see each top-level organisation), and the report
 * downloads, which — as over REST — curators and methodists get (and super admins), staff and editors not.
 */
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { AdminKpiOverview } from '@nastavnik/shared';
import { kpiServiceOf } from '../services/access.js';
import { sendFile, yearParam } from '../kpi/download.js';
import { currentActor, type Actor } from '../tenancy/actor.js';
import { organisations } from '../tenancy/organisations.js';
import type { Strapi } from '../types.js';

/** Top-level organisations a super admin's overview shows at most. */
const ROOTS = 5;

const mayDownload = (actor: Actor) =>
  actor.kind === 'admin' ||
  actor.kind === 'internal' ||
  (actor.kind === 'user' && (actor.role === 'curator' || actor.role === 'methodist'));

export async function kpiOverview(strapi: Strapi): Promise<AdminKpiOverview[]> {
  const actor = await currentActor(strapi);
  let roots: string[];
  if (actor.kind === 'user') roots = actor.organisationDocumentId ? [actor.organisationDocumentId] : [];
  else {
    const all = [...(await organisations(strapi)).values()];
    roots = all
      .filter((o) => !o.parentDocumentId)
      .slice(0, ROOTS)
      .map((o) => o.documentId);
  }
  const downloads = mayDownload(actor);
  const service = kpiServiceOf(strapi);
  return Promise.all(
    roots.map(async (organisation) => ({ ...(await service.report({ organisation })), downloads })),
  );
}

export async function downloadReport(strapi: Strapi, ctx: Context, kind: 'participants' | 'note') {
  if (!mayDownload(await currentActor(strapi)))
    throw new errors.ForbiddenError('Отчёты скачивают куратор и методист.');
  const request = { organisation: (ctx.params as { id: string }).id, year: yearParam(ctx) };
  const service = kpiServiceOf(strapi);
  sendFile(
    ctx,
    kind === 'participants' ? await service.participantsFile(request) : await service.noteFile(request),
  );
}

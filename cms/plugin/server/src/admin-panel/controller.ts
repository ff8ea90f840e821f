/**
 * The plugin's own admin-panel screens talk to these handlers (admin routes under /nastavnik/). The
 * caller is the signed-in admin account; its organisation scope is applied by the document service.
 */
import type { Context } from 'koa';
import type { AdminOrganisationOption } from '@nastavnik/shared';
import { currentActor } from '../tenancy/actor.js';
import type { Strapi } from '../types.js';
import { adminOverview } from './overview.js';
import { cycleOverview } from './cycle.js';
import { decideReview, reviewQueue } from './review.js';
import { downloadReport } from './kpi.js';
import { adminEmbedInfo } from './embed.js';

export const adminPanelController = ({ strapi }: { strapi: Strapi }) => ({
  async overview(ctx: Context) {
    const [overview, cycle] = await Promise.all([adminOverview(strapi), cycleOverview(strapi)]);
    ctx.body = { ...overview, ...cycle };
  },

  /** Organisations the account may import a road map for, for the import screen's choice. */
  async organisations(ctx: Context) {
    const actor = await currentActor(strapi);
    const rows = await strapi.documents('plugin::nastavnik.organisation').findMany({
      fields: ['documentId', 'name', 'shortName'],
      ...(actor.kind === 'user' ? { filters: { documentId: { $in: [...actor.scope] } } } : {}),
      sort: ['name:asc'],
      limit: 10_000,
    });
    const options: AdminOrganisationOption[] = rows.map((o) => ({
      documentId: o.documentId,
      name: o.shortName ?? o.name ?? '',
    }));
    ctx.body = options;
  },

  /** The public section's address and organisations, for the embedding snippets. */
  async embed(ctx: Context) {
    const section = typeof ctx.query.section === 'string' ? ctx.query.section : undefined;
    ctx.body = await adminEmbedInfo(strapi, ctx.origin, section);
  },

  async reviewQueue(ctx: Context) {
    ctx.body = await reviewQueue(strapi);
  },

  async decide(ctx: Context) {
    const { id } = ctx.params as { id: string };
    ctx.body = await decideReview(strapi, id, (ctx.request as { body?: unknown }).body);
  },

  /** The participant counts (XLSX) and the analytic note (DOCX) of an organisation in the account's scope. */
  async participantsReport(ctx: Context) {
    await downloadReport(strapi, ctx, 'participants');
  },

  async analyticNote(ctx: Context) {
    await downloadReport(strapi, ctx, 'note');
  },
});

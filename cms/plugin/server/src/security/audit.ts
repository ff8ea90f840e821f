/**
 * The access log of personal data: every document-service call that reads or writes participants,
 * questionnaire answers or progress records for a signed-in user, an administrator or an API token is
 * recorded once it has succeeded — who, when, what action, which documents (by documentId, grouped by
 * their organisation) and the request's path. Visitors cannot reach these types; trusted internal code
 * (seeding, imports already authorised) is not a reader. Entries older than the retention are removed at
 * start and then at most once an hour, as entries are written.
 *
 * Not recorded: a participant resolved as a GraphQL relation nested under another type (Strapi loads
 * those past the document service); the relation guards refuse them to roles without read access.
 */
import type { Modules } from '@strapi/types';
import type { AccessAction } from '@nastavnik/shared';
import { definitionByUid, uidOf } from '../content-types/index.js';
import { asInternal, currentActor } from '../tenancy/actor.js';
import { organisationOfDocuments } from '../tenancy/relations.js';
import type { Strapi } from '../types.js';
import { SECURITY_CONFIG, type SecurityConfig } from './config.js';

/** Types whose documents are personal data (a participant carries their consent as a component). */
export const PERSONAL_TYPES: ReadonlySet<string> = new Set(
  ['person', 'questionnaire-response', 'progress-record'].map(uidOf),
);
const LOG = uidOf('access-log');

const ACTIONS: Readonly<Record<string, AccessAction>> = {
  findMany: 'read',
  findFirst: 'read',
  findOne: 'read',
  create: 'create',
  update: 'update',
  delete: 'delete',
  publish: 'publish',
  unpublish: 'update',
  discardDraft: 'update',
  clone: 'create',
};

interface RequestLike {
  method?: string;
  path?: string;
  request?: { body?: unknown };
}

/** The path of the current request: the GraphQL operation's name, or the REST method and route. */
function requestPath(strapi: Strapi): string {
  const ctx = strapi.requestContext.get() as RequestLike | undefined;
  if (!ctx?.path) return '';
  const body = ctx.request?.body as { operationName?: unknown } | undefined;
  const operation = typeof body?.operationName === 'string' ? ` ${body.operationName.slice(0, 100)}` : '';
  return `${ctx.method ?? ''} ${ctx.path}${operation}`.slice(0, 250);
}

function documentIdsOf(result: unknown, params: { documentId?: string }): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const { documentId, entries } = value as { documentId?: unknown; entries?: unknown };
      if (typeof documentId === 'string') ids.add(documentId);
      if (entries) visit(entries);
    }
  };
  visit(result);
  if (params.documentId) ids.add(params.documentId);
  return [...ids];
}

/** Entries older than the retention, removed straight in the database (the log is never a reader's). */
export async function purgeExpiredAccessLog(strapi: Strapi, retentionDays: number, now = new Date()) {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  await strapi.db.query(LOG).deleteMany({ where: { at: { $lt: cutoff.toISOString() } } });
}

export function registerAccessLog(strapi: Strapi) {
  let nextPurge = 0;
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const result = await next();
    const action = ACTIONS[context.action];
    if (!PERSONAL_TYPES.has(context.uid) || !action) return result;
    const actor = await currentActor(strapi);
    if (actor.kind !== 'user' && actor.kind !== 'admin') return result;
    const definition = definitionByUid.get(context.uid);
    const params = context.params as { documentId?: string };
    // A deleted document has no organisation left to look up: the caller named it, and it was in scope.
    const ids = documentIdsOf(result, params);
    if (!definition || !ids.length) return result;
    const owners =
      action === 'delete'
        ? new Map(ids.map((id) => [id, actor.kind === 'user' ? actor.organisationDocumentId : null]))
        : await organisationOfDocuments(strapi, context.uid, definition, ids);
    const byOrganisation = new Map<string | null, string[]>();
    for (const id of ids) {
      const owner = owners.get(id) ?? null;
      byOrganisation.set(owner, [...(byOrganisation.get(owner) ?? []), id]);
    }
    const at = new Date();
    const path = requestPath(strapi);
    await asInternal(async () => {
      for (const [organisation, documentIds] of byOrganisation) {
        await strapi.documents(LOG).create({
          data: {
            organisation: organisation ?? undefined,
            at: at.toISOString(),
            actorKind: actor.kind === 'user' ? 'user' : 'admin',
            userId: actor.kind === 'user' ? actor.userId : undefined,
            userRole: actor.kind === 'user' ? (actor.role ?? undefined) : undefined,
            action,
            targetType: definition.singularName,
            documentIds,
            count: documentIds.length,
            path,
          },
        } as never);
      }
      if (at.getTime() >= nextPurge) {
        nextPurge = at.getTime() + 60 * 60 * 1000;
        const { retentionDays } = strapi.config.get<SecurityConfig>(SECURITY_CONFIG).audit;
        await purgeExpiredAccessLog(strapi, retentionDays, at);
      }
    });
    return result;
  };
  strapi.documents.use(middleware);
}

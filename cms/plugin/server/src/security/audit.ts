/**
 * The access log of personal data: every document-service call that reads or writes participants,
 * questionnaire answers or progress records for a signed-in user, an administrator or an API token is
 * recorded once it has succeeded — who, when, what action, which documents (by documentId, grouped by
 * their organisation) and the request's path. Visitors cannot reach these types; trusted internal code
 * (seeding, imports already authorised) is not a reader. Entries older than the retention are removed at
 * start and then at most once an hour, as entries are written.
 *
 * A participant resolved as a GraphQL relation nested under another type is loaded past the document
 * service; the GraphQL guards record those reads through `recordNestedRead`.
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
      const { documentId, entries, nodes } = value as {
        documentId?: unknown;
        entries?: unknown;
        nodes?: unknown;
      };
      if (typeof documentId === 'string') ids.add(documentId);
      if (entries) visit(entries);
      if (nodes) visit(nodes);
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

let nextPurge = 0;

/** Record one successful access by the current request's caller, if it is a user, an administrator or a token. */
async function recordAccess(strapi: Strapi, uid: string, action: AccessAction, ids: string[]) {
  const actor = await currentActor(strapi);
  if (actor.kind !== 'user' && actor.kind !== 'admin') return;
  const definition = definitionByUid.get(uid);
  if (!definition || !ids.length) return;
  // A deleted document has no organisation left to look up: the caller named it, and it was in scope.
  const owners =
    action === 'delete'
      ? new Map(ids.map((id) => [id, actor.kind === 'user' ? actor.organisationDocumentId : null]))
      : await organisationOfDocuments(strapi, uid, definition, ids);
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
}

/** A GraphQL relation to personal data, resolved under another type: record what it returned. */
export async function recordNestedRead(strapi: Strapi, uid: string, value: unknown) {
  if (PERSONAL_TYPES.has(uid)) await recordAccess(strapi, uid, 'read', documentIdsOf(value, {}));
}

export function registerAccessLog(strapi: Strapi) {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const result = await next();
    const action = ACTIONS[context.action];
    if (PERSONAL_TYPES.has(context.uid) && action) {
      await recordAccess(
        strapi,
        context.uid,
        action,
        documentIdsOf(result, context.params as { documentId?: string }),
      );
    }
    return result;
  };
  strapi.documents.use(middleware);
}

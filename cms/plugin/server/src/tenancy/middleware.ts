/**
 * The organisation scope, enforced once for every document-service call on the plugin's types,
 * whichever resolver, route or service made it. The rules of each type (public fields, write checks,
 * sanitising) are declared in its own file under `content-types/` and applied from here:
 * - anonymous callers read only public types, only published documents (and what the type's
 *   `publicWhen` adds) and only public fields, and write nothing;
 * - users read and write only inside their organisation's subtree, and may only link records that are
 *   inside it too (private records: of the same organisation).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { errors } from '@strapi/utils';
import type { Modules, UID } from '@strapi/types';
import type { ContentTypeDefinition, WriteAction, WriteEvent } from '../content-types/define.js';
import { definitionByUid, definitions, uidOf } from '../content-types/index.js';
import { prepareWrite, publicView, visitorFilters } from '../content-types/rules.js';
import type { Strapi } from '../types.js';
import { currentActor, type UserActor } from './actor.js';
import { currentPreview } from '../public-site/preview.js';
import { alreadySent, resendKeyOf } from './resend.js';
import { collectRelationIds, organisationOfDocuments } from './relations.js';

const READ_ACTIONS: ReadonlySet<string> = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const WRITE_ACTIONS: ReadonlySet<string> = new Set<WriteAction>([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
]);

/**
 * The parts of a document-service call this middleware reads and rewrites. Strapi types the context
 * as a union over every content type and action; the middleware treats all of them alike.
 */
interface DocumentCall {
  uid: string;
  action: string;
  params: {
    documentId?: string;
    data?: Record<string, unknown>;
    filters?: unknown;
    status?: string;
    [key: string]: unknown;
  };
}

const forbidden = (message: string) => new errors.ForbiddenError(message);

function andFilters(existing: unknown, extra: Readonly<Record<string, unknown>>) {
  return existing && Object.keys(existing).length ? { $and: [existing, extra] } : extra;
}

async function existingOrganisation(
  strapi: Strapi,
  definition: ContentTypeDefinition,
  uid: string,
  documentId: string | undefined,
) {
  const found = documentId
    ? await organisationOfDocuments(strapi, uid, definition, [documentId])
    : new Map<string, string | null>();
  if (!documentId || !found.has(documentId)) {
    throw new errors.NotFoundError(`Документ ${documentId ?? ''} не найден.`);
  }
  return found.get(documentId) ?? null;
}

/** The organisation the written document belongs to after the write; fills it in on create. */
async function targetOrganisation(
  strapi: Strapi,
  actor: UserActor,
  definition: ContentTypeDefinition,
  call: DocumentCall,
): Promise<string | null> {
  const { uid, action, params } = call;
  const data = params.data ?? {};
  let organisation: string | null = null;
  if (action !== 'create') {
    organisation = await existingOrganisation(strapi, definition, uid, params.documentId);
    if (!organisation || !actor.scope.has(organisation)) {
      throw forbidden('Нет доступа: документ принадлежит другой организации.');
    }
  }
  if (definition.tenancy === 'self') {
    // Creating or moving an organisation: its new parent must be one the user manages.
    if ('parent' in data) {
      const [parentId] = collectRelationIds(data.parent);
      if (!parentId || !actor.scope.has(parentId)) {
        throw forbidden('Нет доступа: вышестоящая организация вне вашей зоны ответственности.');
      }
    } else if (action === 'create') {
      throw new errors.ValidationError('Укажите вышестоящую организацию (поле parent).', {
        path: ['parent'],
      });
    }
    return organisation;
  }
  if (action !== 'create' && !('organisation' in data)) return organisation;
  const [target] = collectRelationIds(data.organisation);
  if (!target) {
    if (action === 'create' && actor.organisationDocumentId) {
      params.data = { ...data, organisation: actor.organisationDocumentId };
      return actor.organisationDocumentId;
    }
    throw new errors.ValidationError('Укажите организацию (поле organisation).', { path: ['organisation'] });
  }
  if (!actor.scope.has(target)) throw forbidden('Нет доступа: нельзя записывать данные другой организации.');
  return target;
}

/** Every related record must be inside the scope; private ones must belong to the document's organisation. */
async function guardRelations(
  strapi: Strapi,
  scope: ReadonlySet<string>,
  uid: string,
  data: Record<string, unknown>,
  documentOrganisation: string | null,
) {
  const definition = definitionByUid.get(uid);
  for (const [field, attribute] of Object.entries(definition?.attributes ?? {})) {
    if (attribute.type !== 'relation' || !(field in data)) continue;
    if (field === 'organisation' || field === 'parent' || field === 'children') continue;
    const target = typeof attribute.target === 'string' ? attribute.target : '';
    const targetDefinition = definitionByUid.get(target);
    const ids = collectRelationIds(data[field]);
    if (!targetDefinition || !ids.length) continue;
    const owners = await organisationOfDocuments(strapi, target, targetDefinition, ids);
    for (const id of ids) {
      if (!owners.has(id)) {
        throw new errors.ValidationError(`Поле ${field}: запись ${id} не найдена.`, { path: [field] });
      }
      const owner = owners.get(id) ?? null;
      if (!owner || !scope.has(owner)) {
        throw forbidden(`Поле ${field}: нельзя связать с записью другой организации.`);
      }
      if (targetDefinition.access === 'private' && documentOrganisation && owner !== documentOrganisation) {
        throw new errors.ValidationError(
          `Поле ${field}: запись ${id} относится к другой организации; связывать можно только записи своей организации.`,
          { path: [field] },
        );
      }
    }
  }
}

function writeEvent(strapi: Strapi, call: DocumentCall): WriteEvent {
  return {
    strapi,
    action: call.action as WriteAction,
    documentId: call.params.documentId,
    data: call.params.data,
    status: call.params.status,
  };
}

type Next = Parameters<Modules.Documents.Middleware.Middleware>[1];
type Result = Awaited<ReturnType<Next>>;

async function handle(strapi: Strapi, call: DocumentCall, next: Next): Promise<Result> {
  const definition = definitionByUid.get(call.uid);
  if (!definition) return next();
  const isRead = READ_ACTIONS.has(call.action);
  const isWrite = WRITE_ACTIONS.has(call.action);
  const actor = await currentActor(strapi);

  if (isWrite) await prepareWrite(definition, writeEvent(strapi, call));

  if (actor.kind === 'anonymous') {
    if (!isRead) throw forbidden('Войдите в систему, чтобы изменять данные.');
    if (definition.access !== 'public')
      throw forbidden('Эти данные доступны только сотрудникам организации.');
    // Published documents only, except the one a signed preview link of this type shows as its draft.
    const preview = currentPreview();
    const previewed = preview?.uid === call.uid ? preview.documentId : undefined;
    call.params.status = 'published';
    call.params.filters = visitorFilters(definition, call.params.filters, previewed);
    const result = previewed ? await readingBothVersions.run(call.uid, next) : await next();
    // Fewer fields, same shape: what the caller asked for, less what visitors may not see.
    return publicView(definition, result, (uid) => definitionByUid.get(uid)) as Result;
  }

  if (actor.kind === 'user' && isRead && definition.tenancy !== 'self') {
    // Organisations are public reference data; everything else a user reads is their subtree's. Other
    // organisations' published material is what visitors see, through the anonymous API and pages.
    call.params.filters = andFilters(call.params.filters, {
      organisation: { documentId: { $in: [...actor.scope] } },
    });
  }

  if (actor.kind === 'user' && isWrite) {
    const event = writeEvent(strapi, call);
    definition.rules?.authorizeUser?.(actor, event);
    const organisation = await targetOrganisation(strapi, actor, definition, call);
    await guardRelations(strapi, actor.scope, call.uid, call.params.data ?? {}, organisation);
  }

  const resend = call.action === 'create' ? resendKeyOf(definition, call.params.data) : undefined;
  if (resend) {
    const sent = await alreadySent(strapi, call.uid, actor, resend);
    if (sent) return await readBack(strapi, call, sent);
  }
  let result: Result;
  try {
    result = await next();
  } catch (error) {
    // The same key sent twice at once: the index refused this one, the other is stored.
    const sent = resend && (await alreadySent(strapi, call.uid, actor, resend));
    if (!sent) throw error;
    return await readBack(strapi, call, sent);
  }
  if (isWrite) {
    const event = writeEvent(strapi, call);
    event.documentId ??= (result as { documentId?: string } | null)?.documentId;
    await definition.rules?.afterWrite?.(event);
  }
  return result;
}

/** The stored document a repeated create answers with, read as the create would have returned it. */
function readBack(strapi: Strapi, call: DocumentCall, documentId: string) {
  const params = call.params as { fields?: unknown; populate?: unknown };
  return strapi.documents(call.uid as UID.ContentType).findOne({
    documentId,
    ...(params.fields ? { fields: params.fields } : {}),
    ...(params.populate ? { populate: params.populate } : {}),
  } as Parameters<ReturnType<Strapi['documents']>['findOne']>[0]);
}

/** The type whose read, in progress, takes published documents and one draft (see `visitorFilters`). */
const readingBothVersions = new AsyncLocalStorage<string>();

/**
 * Strapi turns a read's status into a `publishedAt` condition twice: beside the filters, where
 * `visitorFilters` takes its place, and as the database query's `filters` function (which it also
 * hands to populated relations). For the rows of a read that takes both versions, that function is
 * dropped and the filters alone decide; related records keep their own condition. Should Strapi stop
 * passing it this way, the previewed draft goes missing: no other draft can show.
 */
function readBothVersions(event: { model: { uid: string }; params: { filters?: unknown; where?: unknown } }) {
  const uid = event.model.uid;
  const status = event.params.filters;
  if (readingBothVersions.getStore() !== uid || typeof status !== 'function') return;
  event.params.filters = (query: { meta?: { uid?: string } }): unknown =>
    query.meta?.uid === uid ? undefined : (status as (query: unknown) => unknown)(query);
}

export function registerTenancyMiddleware(strapi: Strapi) {
  strapi.db.lifecycles.subscribe({
    models: definitions
      .filter((d) => d.definition.draftAndPublish)
      .map((d) => uidOf(d.definition.singularName)),
    beforeFindMany: readBothVersions,
    beforeFindOne: readBothVersions,
    beforeCount: readBothVersions,
  });
  // Strapi's context is a union over every type and action, each of which is a DocumentCall.
  const middleware: Modules.Documents.Middleware.Middleware = (context, next) =>
    handle(strapi, context, next);
  strapi.documents.use(middleware);
}

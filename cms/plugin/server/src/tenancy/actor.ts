/**
 * Who is asking: resolved once per request from Strapi's request context, so every document-service
 * call made while serving the request (GraphQL resolvers, custom routes, services) is judged the same way.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { userRoles, type UserRole } from '@nastavnik/shared';
import type { Strapi } from '../types.js';
import { subtreeOf } from './organisations.js';
import { adminAccountActor, type AdminUser } from '../admin-access/actor.js';

export type Actor =
  /** Code running outside a request (bootstrap, seeding, CLI): trusted. */
  | { kind: 'internal' }
  /** A super admin or a full-access API token: the whole database. */
  | { kind: 'admin' }
  /** A content-API call without a user. */
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      /** A content-API user (users-permissions) or an admin-panel account bound to an organisation. */
      account: 'api' | 'admin';
      userId: number;
      role: UserRole | null;
      organisationDocumentId: string | null;
      /** Documents of these organisations may be read and written. */
      scope: ReadonlySet<string>;
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

interface KoaLikeContext {
  state?: {
    auth?: {
      strategy?: { name?: string };
      credentials?: (AdminUser & { type?: string }) | null;
    };
    user?: { id?: number };
    nastavnikActor?: Promise<Actor>;
  };
}

const USER = 'plugin::users-permissions.user';

async function loadUserActor(strapi: Strapi, userId: number): Promise<Actor> {
  const user = (await strapi.db.query(USER).findOne({
    where: { id: userId },
    select: ['id', 'blocked'],
    populate: { role: { select: ['type'] }, organisation: { select: ['documentId'] } },
  })) as { id: number; role?: { type?: string } | null; organisation?: { documentId: string } | null } | null;
  if (!user) return { kind: 'anonymous' };
  const roleType = user.role?.type;
  const role =
    roleType && (userRoles.values as readonly string[]).includes(roleType) ? (roleType as UserRole) : null;
  const organisationDocumentId = user.organisation?.documentId ?? null;
  const scope = organisationDocumentId ? await subtreeOf(strapi, organisationDocumentId) : new Set<string>();
  return { kind: 'user', account: 'api', userId: user.id, role, organisationDocumentId, scope };
}

const adminActors = new WeakMap<object, Map<string, Promise<Actor>>>();

/**
 * An admin account's actor, resolved once per request and account: the admin RBAC condition asks for it
 * once per permission while the admin strategy authenticates, and the middleware again afterwards.
 */
export function adminActorOf(strapi: Strapi, user: AdminUser): Promise<Actor> {
  const state = (strapi.requestContext.get() as KoaLikeContext | undefined)?.state;
  if (!state) return adminAccountActor(strapi, user);
  let known = adminActors.get(state);
  if (!known) adminActors.set(state, (known = new Map<string, Promise<Actor>>()));
  const key = String(user.id);
  let actor = known.get(key);
  if (!actor) known.set(key, (actor = adminAccountActor(strapi, user)));
  return actor;
}

// Strapi 5.54 names the content-API token strategy `content-api-token`, earlier releases `api-token`.
const isTokenStrategy = (name: string | undefined) => name === 'content-api-token' || name === 'api-token';

/**
 * Whether a content-API request reads as a visitor: no credentials, or an API token that is not
 * full-access (read-only and custom tokens see what visitors see; a full-access token is trusted).
 * GraphQL's guards for nested fields ask the same question.
 */
export function isVisitorAuth(
  auth: { strategy?: { name?: string }; credentials?: { type?: string } | null } | undefined,
): boolean {
  if (!auth?.credentials) return true;
  return isTokenStrategy(auth.strategy?.name) && auth.credentials.type !== 'full-access';
}

export function currentActor(strapi: Strapi): Promise<Actor> {
  const forced = forcedActor.getStore();
  if (forced) return Promise.resolve(forced);
  const ctx = strapi.requestContext.get() as KoaLikeContext | undefined;
  if (!ctx?.state) return Promise.resolve({ kind: 'internal' });
  const state = ctx.state;
  if (!state.nastavnikActor) {
    const strategy = state.auth?.strategy?.name;
    const credentials = state.auth?.credentials;
    if (strategy === 'admin' && credentials) {
      state.nastavnikActor = adminActorOf(strapi, credentials);
    } else if (isTokenStrategy(strategy)) {
      state.nastavnikActor = Promise.resolve(
        isVisitorAuth(state.auth) ? { kind: 'anonymous' } : { kind: 'admin' },
      );
    } else if (strategy === 'users-permissions' && credentials?.id) {
      state.nastavnikActor = loadUserActor(strapi, Number(credentials.id));
    } else {
      // No user: the public role of the content API, or a route of ours with auth off (public pages).
      state.nastavnikActor = Promise.resolve({ kind: 'anonymous' });
    }
  }
  return state.nastavnikActor;
}

/** Set while code runs as someone other than the request's caller. */
const forcedActor = new AsyncLocalStorage<Actor>();

/** Run trusted code (seeding, imports the service has already authorised) outside the caller's scope. */
export function asInternal<T>(fn: () => Promise<T>): Promise<T> {
  return forcedActor.run({ kind: 'internal' }, fn);
}

/**
 * Run code as a visitor, whoever is signed in: public pages are cached and shared by every visitor,
 * so what they show must be read with exactly the anonymous rights.
 */
export function asAnonymous<T>(fn: () => Promise<T>): Promise<T> {
  return forcedActor.run({ kind: 'anonymous' }, fn);
}

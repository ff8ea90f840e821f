/**
 * Who is asking: resolved once per request from Strapi's request context, so every document-service
 * call made while serving the request (GraphQL resolvers, custom routes, services) is judged the same way.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { userRoles, type UserRole } from '@nastavnik/shared';
import type { Strapi } from '../types.js';
import { subtreeOf } from './organisations.js';

export type Actor =
  /** Code running outside a request (bootstrap, seeding, CLI): trusted. */
  | { kind: 'internal' }
  /** An admin-panel user or an API token created by an admin: the whole database. */
  | { kind: 'admin' }
  /** A content-API call without a user. */
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: number;
      role: UserRole | null;
      organisationDocumentId: string | null;
      /** Documents of these organisations may be read and written. */
      scope: ReadonlySet<string>;
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

interface KoaLikeContext {
  state?: {
    auth?: { strategy?: { name?: string }; credentials?: { id?: number } | null };
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
  return { kind: 'user', userId: user.id, role, organisationDocumentId, scope };
}

export function currentActor(strapi: Strapi): Promise<Actor> {
  const forced = forcedActor.getStore();
  if (forced) return Promise.resolve(forced);
  const ctx = strapi.requestContext.get() as KoaLikeContext | undefined;
  if (!ctx?.state) return Promise.resolve({ kind: 'internal' });
  const state = ctx.state;
  if (!state.nastavnikActor) {
    const strategy = state.auth?.strategy?.name;
    if (strategy === 'admin' || strategy === 'api-token') {
      state.nastavnikActor = Promise.resolve({ kind: 'admin' });
    } else if (strategy === 'users-permissions' && state.auth?.credentials?.id) {
      state.nastavnikActor = loadUserActor(strapi, state.auth.credentials.id);
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

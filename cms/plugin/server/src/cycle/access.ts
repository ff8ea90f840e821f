/**
 * Who may work the cycle of a programme: the curator of the organisation (personal data of its own
 * people), super admins and trusted code. Other roles and visitors are refused in Russian.
 */
import { errors } from '@strapi/utils';
import { currentActor, type Actor } from '../tenancy/actor.js';
import type { Strapi } from '../types.js';

export async function requireCuratorActor(strapi: Strapi, what: string): Promise<Actor> {
  const actor = await currentActor(strapi);
  if (actor.kind === 'anonymous') throw new errors.ForbiddenError('Войдите в систему.');
  if (actor.kind === 'user' && actor.role !== 'curator')
    throw new errors.ForbiddenError(`${what} доступно только куратору программы.`);
  return actor;
}

/** Any signed-in account; what it then reads is cut to its scope by the document service. */
export async function requireSignedIn(strapi: Strapi): Promise<Actor> {
  const actor = await currentActor(strapi);
  if (actor.kind === 'anonymous') throw new errors.ForbiddenError('Войдите в систему.');
  return actor;
}

/** The organisation asked for, or the caller's own; one outside the caller's scope is not found. */
export function organisationFor(actor: Actor, asked: string | null | undefined): string | undefined {
  if (actor.kind !== 'user') return asked ?? undefined;
  const id = asked ?? actor.organisationDocumentId ?? undefined;
  if (!id || !actor.scope.has(id)) throw new errors.NotFoundError('Организация не найдена или недоступна.');
  return id;
}

/**
 * A create that carries a resend key already stored is the same record sent again (the extension
 * resends when an answer was lost): it is answered with the stored document instead of a second one.
 * Two sends arriving at once both look and find nothing; the database's unique index lets one insert
 * through, and the other, refused, finds the first and answers with it.
 */
import { errors } from '@strapi/utils';
import type { ContentTypeDefinition } from '../content-types/define.js';
import type { Strapi } from '../types.js';
import type { Actor } from './actor.js';

interface Stored {
  documentId: string;
  organisation?: { documentId: string } | null;
}

async function storedWithKey(strapi: Strapi, uid: string, field: string, key: string) {
  return (await strapi.db.query(uid).findOne({
    where: { [field]: key },
    select: ['documentId'],
    populate: { organisation: { select: ['documentId'] } },
  })) as Stored | null;
}

/** The key a create carries, when the type has one. */
export function resendKeyOf(definition: ContentTypeDefinition, data: Record<string, unknown> | undefined) {
  const field = definition.resendKey;
  const key = field ? data?.[field] : undefined;
  return field && typeof key === 'string' && key !== '' ? { field, key } : undefined;
}

/**
 * The documentId stored under the key, if any. A key stored by an organisation outside the writer's
 * reach is refused without saying whose it is (keys are random: only a forged one can collide).
 */
export async function alreadySent(
  strapi: Strapi,
  uid: string,
  actor: Actor,
  { field, key }: { field: string; key: string },
): Promise<string | undefined> {
  const stored = await storedWithKey(strapi, uid, field, key);
  if (!stored) return undefined;
  const owner = stored.organisation?.documentId;
  if (actor.kind === 'user' && !(owner && actor.scope.has(owner)))
    throw new errors.ValidationError('Этот ключ повторной отправки уже занят: создайте запись заново.', {
      path: [field],
    });
  return stored.documentId;
}

/**
 * What the browser extension sends: stored once per idempotency key, validated with the shared schemas,
 * HTML sanitised again here, then applied on request: a class list becomes people awaiting consent,
 * grades become progress records, a road-map table becomes an import draft, an article a case draft.
 */
import { errors } from '@strapi/utils';
import {
  captureSubmissionSchema,
  type CaptureApplyResult,
  type CapturePayload,
  type CaptureSubmitResult,
} from '@nastavnik/shared';
import { asJson, CLEARED, type Strapi } from '../types.js';
import { sanitizeHtmlWith } from '../html.js';
import { asInternal, currentActor, type UserActor } from '../tenancy/actor.js';
import { validationErrorFrom } from '../validation.js';
import { applyPayload, type Outcome } from './apply.js';

const CAPTURE = 'plugin::nastavnik.capture' as const;

async function requireUser(strapi: Strapi): Promise<UserActor> {
  const actor = await currentActor(strapi);
  if (actor.kind !== 'user' || actor.account !== 'api')
    throw new errors.UnauthorizedError('Войдите в систему, чтобы отправлять данные.');
  if (!actor.organisationDocumentId)
    throw new errors.ForbiddenError(
      'Учётная запись не привязана к организации: обратитесь к администратору.',
    );
  return actor;
}

/** The capture already stored under this key, as the answer to a repeated submission. */
async function capturedBefore(
  strapi: Strapi,
  idempotencyKey: string,
  actor: UserActor,
): Promise<CaptureSubmitResult | null> {
  const existing = (await strapi.db.query(CAPTURE).findOne({
    where: { idempotencyKey },
    select: ['documentId', 'captureState'],
    populate: { organisation: { select: ['documentId'] } },
  })) as {
    documentId: string;
    captureState: string;
    organisation?: { documentId: string } | null;
  } | null;
  if (!existing) return null;
  if (existing.organisation?.documentId !== actor.organisationDocumentId) {
    throw new errors.ValidationError('Этот ключ повторной отправки уже использован: создайте новый захват.', {
      path: ['idempotencyKey'],
    });
  }
  return { documentId: existing.documentId, state: existing.captureState, duplicate: true };
}

export const captureService = ({ strapi }: { strapi: Strapi }) => ({
  async submit(input: unknown): Promise<CaptureSubmitResult> {
    const actor = await requireUser(strapi);
    const parsed = captureSubmissionSchema.safeParse(input);
    if (!parsed.success) throw validationErrorFrom(parsed.error);
    const submission = parsed.data;
    const existing = await capturedBefore(strapi, submission.idempotencyKey, actor);
    if (existing) return existing;
    const payload: CapturePayload = { ...submission.payload };
    if (payload.kind === 'article' || payload.kind === 'roadmap_table')
      payload.html = sanitizeHtmlWith(payload.kind === 'article' ? 'richText' : 'table', payload.html);
    let created: { documentId: string };
    try {
      created = await asInternal(() =>
        strapi.documents(CAPTURE).create({
          data: {
            kind: submission.kind,
            sourceUrl: submission.sourceUrl,
            adapter: submission.adapter,
            payload,
            idempotencyKey: submission.idempotencyKey,
            organisation: actor.organisationDocumentId,
            capturedBy: actor.userId,
            captureState: 'new',
          },
        }),
      );
    } catch (error) {
      // The same key sent twice at once: both found nothing above, the database's unique index let one
      // insert through. The other answers with the capture that won, as a sequential retry would.
      const winner = await capturedBefore(strapi, submission.idempotencyKey, actor);
      if (winner) return winner;
      throw error;
    }
    return { documentId: created.documentId, state: 'new', duplicate: false };
  },

  async apply(documentId: string, options: unknown): Promise<CaptureApplyResult> {
    await requireUser(strapi);
    // Read through the document service: a capture of another organisation is simply not found.
    const capture = await strapi
      .documents(CAPTURE)
      .findOne({ documentId, populate: { organisation: { fields: ['documentId'] } } });
    if (!capture) throw new errors.NotFoundError('Захват не найден или недоступен.');
    if (capture.captureState === 'applied') {
      return { documentId, state: 'applied', message: 'Эти данные уже применены.', createdCount: 0 };
    }
    const organisation = (capture.organisation as { documentId?: string } | null | undefined)?.documentId;
    if (!organisation) throw new Error(`capture ${documentId} has no organisation`);
    const payload = capture.payload as CapturePayload;
    let outcome: Outcome;
    try {
      outcome = await applyPayload(strapi, payload, organisation, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await asInternal(() => strapi.documents(CAPTURE).update({ documentId, data: { error: message } }));
      throw error;
    }
    const applied = payload.kind !== 'roadmap_table' || outcome.created > 0;
    await asInternal(() =>
      strapi.documents(CAPTURE).update({
        documentId,
        data: {
          ...(applied ? { captureState: 'applied', appliedAt: new Date().toISOString() } : {}),
          error: CLEARED,
          ...(outcome.payload ? { payload: asJson(outcome.payload) } : {}),
        },
      }),
    );
    return {
      documentId,
      state: applied ? 'applied' : 'new',
      message: outcome.message,
      createdCount: outcome.created,
    };
  },
});

export type CaptureService = ReturnType<typeof captureService>;

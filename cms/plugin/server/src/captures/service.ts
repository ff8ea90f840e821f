/**
 * What the browser extension sends: stored once per idempotency key, validated with the shared schemas,
 * HTML sanitised again here, then applied on request: a class list becomes people awaiting consent,
 * grades become progress records, a road-map table becomes an import draft, an article a case draft.
 */
import { errors } from '@strapi/utils';
import {
  captureSubmissionSchema,
  gradesApplyOptionsSchema,
  roadmapApplyOptionsSchema,
  type CaptureApplyResult,
  type CapturePayload,
  type CaptureSubmitResult,
} from '@nastavnik/shared';
import type { z } from 'zod';
import { asJson, CLEARED, type Strapi } from '../types.js';
import { sanitizeHtmlWith } from '../html.js';
import type { RoadmapService } from '../roadmaps/service.js';
import { asInternal, currentActor, type UserActor } from '../tenancy/actor.js';
import { validationErrorFrom } from '../validation.js';

const CAPTURE = 'plugin::nastavnik.capture' as const;
const PERSON = 'plugin::nastavnik.person' as const;

/** Options of `nastavnikApplyCapture` checked against the contract of the capture's kind. */
function optionsOf<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) throw validationErrorFrom(parsed.error, 'Параметры применения');
  return parsed.data;
}

async function requireUser(strapi: Strapi): Promise<UserActor> {
  const actor = await currentActor(strapi);
  if (actor.kind !== 'user')
    throw new errors.UnauthorizedError('Войдите в систему, чтобы отправлять данные.');
  if (!actor.organisationDocumentId)
    throw new errors.ForbiddenError(
      'Учётная запись не привязана к организации: обратитесь к администратору.',
    );
  return actor;
}

const normaliseName = (s: string) => s.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

export const captureService = ({ strapi }: { strapi: Strapi }) => {
  async function applyRoster(payload: Extract<CapturePayload, { kind: 'roster' }>, organisation: string) {
    const existing = (await strapi.db.query(PERSON).findMany({
      where: { organisation: { documentId: organisation } },
      select: ['fullName', 'classOrGroup'],
    })) as Array<{ fullName: string; classOrGroup: string | null }>;
    const known = new Set(existing.map((p) => `${normaliseName(p.fullName)}|${p.classOrGroup ?? ''}`));
    let created = 0;
    await strapi.db.transaction(async () => {
      for (const row of payload.rows) {
        const key = `${normaliseName(row.fullName)}|${row.className ?? ''}`;
        if (known.has(key)) continue;
        known.add(key);
        // Only what is needed to ask for the consent: birth dates and the rest wait for it.
        await strapi.documents(PERSON).create({
          data: {
            fullName: row.fullName,
            classOrGroup: row.className,
            category: 'pupil',
            awaitingConsent: true,
            organisation,
          },
        });
        created++;
      }
    });
    const skipped = payload.rows.length - created;
    return {
      created,
      message: `Добавлено участников: ${created}${skipped ? `, уже были в базе: ${skipped}` : ''}. Они ожидают согласия на обработку персональных данных.`,
    };
  }

  async function applyGrades(
    payload: Extract<CapturePayload, { kind: 'grades' }>,
    organisation: string,
    rawOptions: unknown,
  ) {
    const { moment, pairDocumentId } = optionsOf(gradesApplyOptionsSchema, rawOptions);
    const people = (await strapi.db.query(PERSON).findMany({
      where: { organisation: { documentId: organisation }, anonymised: false },
      select: ['documentId', 'fullName', 'classOrGroup', 'awaitingConsent'],
    })) as Array<{
      documentId: string;
      fullName: string;
      classOrGroup: string | null;
      awaitingConsent: boolean | null;
    }>;
    const byName = new Map<string, typeof people>();
    for (const p of people)
      byName.set(normaliseName(p.fullName), [...(byName.get(normaliseName(p.fullName)) ?? []), p]);
    const today = new Date().toISOString().slice(0, 10);
    const unmatched: string[] = [];
    let created = 0;
    await strapi.db.transaction(async () => {
      for (const row of payload.rows) {
        const candidates = (byName.get(normaliseName(row.fullName)) ?? []).filter(
          (p) => !row.className || !p.classOrGroup || p.classOrGroup === row.className,
        );
        // Results are measured only for participants whose consent is on record.
        const person =
          candidates.length === 1 && !candidates[0]!.awaitingConsent ? candidates[0]! : undefined;
        if (!person) {
          unmatched.push(row.fullName);
          continue;
        }
        const metrics: Array<[string, number | undefined]> = [
          ['average_grade', row.averageGrade],
          ['attendance_percent', row.attendancePercent],
          ['absences', row.absences],
        ];
        for (const [metric, value] of metrics) {
          if (value === undefined) continue;
          await strapi.documents('plugin::nastavnik.progress-record').create({
            data: {
              person: person.documentId,
              pair: pairDocumentId ?? null,
              organisation,
              metric,
              moment,
              value,
              recordedAt: today,
              source: 'capture',
            },
          });
          created++;
        }
      }
    });
    const tail = unmatched.length
      ? ` Не сопоставлены (нет в базе, несколько совпадений или нет согласия): ${unmatched.slice(0, 10).join(', ')}${unmatched.length > 10 ? ` и ещё ${unmatched.length - 10}` : ''}.`
      : '';
    return { created, message: `Записано замеров: ${created}.${tail}` };
  }

  return {
    async submit(input: unknown): Promise<CaptureSubmitResult> {
      const actor = await requireUser(strapi);
      const parsed = captureSubmissionSchema.safeParse(input);
      if (!parsed.success) throw validationErrorFrom(parsed.error);
      const submission = parsed.data;
      const existing = (await strapi.db.query(CAPTURE).findOne({
        where: { idempotencyKey: submission.idempotencyKey },
        select: ['documentId', 'captureState'],
        populate: { organisation: { select: ['documentId'] } },
      })) as {
        documentId: string;
        captureState: string;
        organisation?: { documentId: string } | null;
      } | null;
      if (existing) {
        if (existing.organisation?.documentId !== actor.organisationDocumentId) {
          throw new errors.ValidationError(
            'Этот ключ повторной отправки уже использован: создайте новый захват.',
            { path: ['idempotencyKey'] },
          );
        }
        return { documentId: existing.documentId, state: existing.captureState, duplicate: true };
      }
      const payload = { ...submission.payload } as CapturePayload;
      if (payload.kind === 'article' || payload.kind === 'roadmap_table')
        payload.html = sanitizeHtmlWith(payload.kind === 'article' ? 'richText' : 'table', payload.html);
      const created = (await asInternal(strapi, () =>
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
      )) as { documentId: string };
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
      const organisation = capture.organisation?.documentId as string;
      const payload = capture.payload as CapturePayload;
      let outcome: { created: number; message: string; payload?: unknown };
      try {
        switch (payload.kind) {
          case 'roster': {
            const r = await applyRoster(payload, organisation);
            // The class list has done its job; the capture keeps no copy of the names.
            outcome = { ...r, payload: { kind: 'roster', rows: [], appliedRows: payload.rows.length } };
            break;
          }
          case 'grades': {
            const r = await applyGrades(payload, organisation, options);
            outcome = {
              ...r,
              payload: { kind: 'grades', rows: [], appliedRows: payload.rows.length, period: payload.period },
            };
            break;
          }
          case 'roadmap_table': {
            const { commit, onDuplicate } = optionsOf(roadmapApplyOptionsSchema, options);
            const roadmaps = strapi.plugin('nastavnik').service('roadmap') as RoadmapService;
            const r = await roadmaps.import({
              organisation,
              html: payload.html,
              filename: 'page.html',
              dryRun: commit !== true,
              onDuplicate,
            });
            if (!r.ok)
              throw new errors.ValidationError(
                r.error?.message ?? 'Таблица не распознана как дорожная карта.',
              );
            outcome = {
              created: r.committed ? r.activitiesCount : 0,
              message: r.committed
                ? `Дорожная карта записана: мероприятий ${r.activitiesCount}, предупреждений ${r.warnings.length}.`
                : `Черновик дорожной карты: мероприятий ${r.activitiesCount}, предупреждений ${r.warnings.length}. Проверьте и запишите.`,
              payload: { ...payload, draft: r.draft, warnings: r.warnings.slice(0, 1000) },
            };
            break;
          }
          case 'article': {
            const body = sanitizeHtmlWith('richText', payload.html);
            const created = (await strapi.documents('plugin::nastavnik.case').create({
              data: {
                title: payload.title.slice(0, 250),
                summary: payload.summary,
                solution: body,
                sourceUrl: payload.sourceUrl,
                reviewState: 'submitted',
                organisation,
              },
              status: 'draft',
            })) as { documentId: string };
            outcome = {
              created: 1,
              message: `Черновик кейса создан и отправлен методисту на рассмотрение (${created.documentId}).`,
            };
            break;
          }
          case 'site_audit': {
            const present = payload.parts.filter((p) => p.present).length;
            const missing = payload.parts.filter((p) => !p.present).map((p) => p.label);
            outcome = {
              created: 0,
              message: `Раздел «Наставничество»: найдено ${present} из ${payload.parts.length}.${missing.length ? ` Не хватает: ${missing.join(', ')}.` : ''}`,
            };
            break;
          }
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await asInternal(strapi, () =>
          strapi.documents(CAPTURE).update({ documentId, data: { error: message } }),
        );
        throw error;
      }
      const applied = payload.kind !== 'roadmap_table' || outcome.created > 0;
      await asInternal(strapi, () =>
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
  };
};

export type CaptureService = ReturnType<typeof captureService>;

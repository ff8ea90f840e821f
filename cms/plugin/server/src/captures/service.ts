/**
 * What the browser extension sends: stored once per idempotency key, validated with the shared schemas,
 * HTML sanitised again here, then applied on request: a class list becomes people awaiting consent,
 * grades become progress records, a road-map table becomes an import draft, an article a case draft.
 */
import { errors } from '@strapi/utils';
import sanitizeHtml from 'sanitize-html';
import {
  captureSubmissionSchema,
  describeIssues,
  gradesApplyOptionsSchema,
  type CapturePayload,
  type CaptureSubmission,
} from '@nastavnik/shared';
import type { Strapi } from '../types.js';
import type { DuplicateMode } from '../roadmaps/service.js';
import { asInternal, currentActor, type Actor } from '../tenancy/actor.js';

const CAPTURE = 'plugin::nastavnik.capture';
const PERSON = 'plugin::nastavnik.person';

/** Tags and attributes a case body may keep; everything else (scripts, handlers, styles) goes. */
export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'blockquote',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'figure',
    'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

export const sanitize = (html: string) => sanitizeHtml(html, SANITIZE_OPTIONS);

export interface ApplyResult {
  documentId: string;
  state: string;
  message: string;
  createdCount: number;
}

type UserActor = Extract<Actor, { kind: 'user' }>;

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
        await strapi.documents(PERSON as never).create({
          data: {
            fullName: row.fullName,
            classOrGroup: row.className ?? null,
            category: 'pupil',
            awaitingConsent: true,
            organisation,
          },
        } as never);
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
    const parsed = gradesApplyOptionsSchema.safeParse(rawOptions ?? {});
    if (!parsed.success)
      throw new errors.ValidationError(`Параметры применения: ${describeIssues(parsed.error).join('; ')}`);
    const { moment, pairDocumentId } = parsed.data;
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
          await strapi.documents('plugin::nastavnik.progress-record' as never).create({
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
          } as never);
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
    async submit(input: unknown) {
      const actor = await requireUser(strapi);
      const parsed = captureSubmissionSchema.safeParse(input);
      if (!parsed.success) {
        throw new errors.ValidationError(
          `Данные не прошли проверку: ${describeIssues(parsed.error).join('; ')}`,
          {
            errors: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
          },
        );
      }
      const submission: CaptureSubmission = parsed.data;
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
        payload.html = sanitize(payload.html);
      const created = (await asInternal(strapi, () =>
        strapi.documents(CAPTURE as never).create({
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
        } as never),
      )) as { documentId: string };
      return { documentId: created.documentId, state: 'new', duplicate: false };
    },

    async apply(documentId: string, options: unknown): Promise<ApplyResult> {
      await requireUser(strapi);
      // Read through the document service: a capture of another organisation is simply not found.
      const capture = (await strapi
        .documents(CAPTURE as never)
        .findOne({ documentId, populate: { organisation: { fields: ['documentId'] } } } as never)) as any;
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
            const { commit, onDuplicate } = (options ?? {}) as {
              commit?: boolean;
              onDuplicate?: DuplicateMode;
            };
            if (onDuplicate !== undefined && !['fail', 'replace', 'new_version'].includes(onDuplicate)) {
              throw new errors.ValidationError(
                'Параметр onDuplicate: ожидалось fail, replace или new_version.',
              );
            }
            const r = await strapi
              .plugin('nastavnik')
              .service('roadmap')
              .import({
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
            const body = sanitize(payload.html);
            const created = (await strapi.documents('plugin::nastavnik.case' as never).create({
              data: {
                title: payload.title.slice(0, 250),
                summary: payload.summary ?? null,
                solution: body,
                sourceUrl: payload.sourceUrl,
                reviewState: 'submitted',
                organisation,
              },
              status: 'draft',
            } as never)) as { documentId: string };
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
          strapi.documents(CAPTURE as never).update({ documentId, data: { error: message } } as never),
        );
        throw error;
      }
      const applied = payload.kind !== 'roadmap_table' || outcome.created > 0;
      await asInternal(strapi, () =>
        strapi.documents(CAPTURE as never).update({
          documentId,
          data: {
            ...(applied ? { captureState: 'applied', appliedAt: new Date().toISOString() } : {}),
            error: null,
            ...(outcome.payload ? { payload: outcome.payload } : {}),
          },
        } as never),
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

/**
 * What applying a capture does, one function per kind: a class list becomes people awaiting consent,
 * grades become progress records, a road-map table an import (dry run or commit), an article a case
 * submitted for review, a site audit a summary.
 */
import { errors } from '@strapi/utils';
import {
  gradesApplyOptionsSchema,
  roadmapApplyOptionsSchema,
  type CapturePayload,
  type CapturePayloadOf,
} from '@nastavnik/shared';
import type { z } from 'zod';
import type { Strapi } from '../types.js';
import { sanitizeHtmlWith } from '../html.js';
import { roadmapServiceOf } from '../services/access.js';
import { validationErrorFrom } from '../validation.js';

const PERSON = 'plugin::nastavnik.person' as const;

export interface Outcome {
  created: number;
  /** In Russian, for the user. */
  message: string;
  /** What the capture keeps afterwards, when that differs from what was sent. */
  payload?: unknown;
}

/** Options of `nastavnikApplyCapture` checked against the contract of the capture's kind. */
function optionsOf<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) throw validationErrorFrom(parsed.error, 'Параметры применения');
  return parsed.data;
}

const normaliseName = (s: string) => s.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

async function applyRoster(
  strapi: Strapi,
  payload: CapturePayloadOf<'roster'>,
  organisation: string,
): Promise<Outcome> {
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
    // The class list has done its job; the capture keeps no copy of the names.
    payload: { kind: 'roster', rows: [], appliedRows: payload.rows.length },
  };
}

async function applyGrades(
  strapi: Strapi,
  payload: CapturePayloadOf<'grades'>,
  organisation: string,
  rawOptions: unknown,
): Promise<Outcome> {
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
      const [person] = candidates;
      if (candidates.length !== 1 || !person || person.awaitingConsent) {
        unmatched.push(row.fullName);
        continue;
      }
      const metrics: Array<[string, number | undefined]> = [
        ['average_grade', row.averageGrade],
        ['attendance_percent', row.attendancePercent],
        ['absences', row.absences],
        ['final_grade', row.finalGrade],
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
  return {
    created,
    message: `Записано замеров: ${created}.${tail}`,
    payload: { kind: 'grades', rows: [], appliedRows: payload.rows.length, period: payload.period },
  };
}

async function applyRoadmapTable(
  strapi: Strapi,
  payload: CapturePayloadOf<'roadmap_table'>,
  organisation: string,
  rawOptions: unknown,
): Promise<Outcome> {
  const { commit, onDuplicate } = optionsOf(roadmapApplyOptionsSchema, rawOptions);
  const r = await roadmapServiceOf(strapi).import({
    organisation,
    html: payload.html,
    filename: 'page.html',
    dryRun: commit !== true,
    onDuplicate,
  });
  if (!r.ok)
    throw new errors.ValidationError(r.error?.message ?? 'Таблица не распознана как дорожная карта.');
  const counts = `мероприятий ${r.activitiesCount}, предупреждений ${r.warnings.length}`;
  return {
    created: r.committed ? r.activitiesCount : 0,
    message: r.committed
      ? `Дорожная карта записана: ${counts}.`
      : `Черновик дорожной карты: ${counts}. Проверьте и запишите.`,
    payload: { ...payload, draft: r.draft, warnings: r.warnings.slice(0, 1000) },
  };
}

async function applyArticle(
  strapi: Strapi,
  payload: CapturePayloadOf<'article'>,
  organisation: string,
): Promise<Outcome> {
  const created = await strapi.documents('plugin::nastavnik.case').create({
    data: {
      title: payload.title.slice(0, 250),
      summary: payload.summary,
      solution: sanitizeHtmlWith('richText', payload.html),
      sourceUrl: payload.sourceUrl,
      reviewState: 'submitted',
      organisation,
    },
    status: 'draft',
  });
  return {
    created: 1,
    message: `Черновик кейса создан и отправлен методисту на рассмотрение (${created.documentId}).`,
  };
}

function summariseSiteAudit(payload: CapturePayloadOf<'site_audit'>): Outcome {
  const present = payload.parts.filter((p) => p.present).length;
  const missing = payload.parts.filter((p) => !p.present).map((p) => p.label);
  return {
    created: 0,
    message: `Раздел «Наставничество»: найдено ${present} из ${payload.parts.length}.${missing.length ? ` Не хватает: ${missing.join(', ')}.` : ''}`,
  };
}

export function applyPayload(
  strapi: Strapi,
  payload: CapturePayload,
  organisation: string,
  options: unknown,
) {
  switch (payload.kind) {
    case 'roster':
      return applyRoster(strapi, payload, organisation);
    case 'grades':
      return applyGrades(strapi, payload, organisation, options);
    case 'roadmap_table':
      return applyRoadmapTable(strapi, payload, organisation, options);
    case 'article':
      return applyArticle(strapi, payload, organisation);
    case 'site_audit':
      return Promise.resolve(summariseSiteAudit(payload));
  }
}

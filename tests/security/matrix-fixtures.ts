/**
 * What the permission matrix needs from the database, prepared once by the security suite's global
 * setup: API tokens of both kinds, one target document of every type in the demo school, scratch copies
 * of it for the delete cells (one per actor and path, so a wrongly allowed delete cannot spoil another
 * cell), and each fixture user's organisation scope (their organisation and every one below it).
 */
import type { Core } from '@strapi/strapi';
import type { UID } from '@strapi/types';
import type { Fixtures } from '../harness/fixtures.js';

export const MATRIX_ORG = 'bor-demo-school';
/** Actors that delete (each over REST and GraphQL): the fixture users the matrix uses, and the tokens. */
export const DELETERS = [
  'anonymous',
  'demoStaff',
  'kamenskCurator',
  'borMethodist',
  'demoEditor',
  'tokenReadOnly',
  'tokenFull',
] as const;

/** Types whose matrix target is always the minimal document below, never a seeded one. */
const OWN_TARGET = new Set(['questionnaire']);

/** Documents the demo set lacks in the demo school, created for the matrix (valid, minimal). */
const MINIMAL: Record<string, (targets: Record<string, string>) => Record<string, unknown>> = {
  questionnaire: () => ({
    title: 'Анкета для проверки прав',
    audience: 'mentee',
    purpose: 'satisfaction',
    questions: [{ code: 'overall', text: 'Оценка', type: 'scale', min: 1, max: 10, required: true }],
  }),
  'questionnaire-response': (t) => ({
    questionnaire: t.questionnaire,
    person: t.person,
    answers: { overall: 9 },
  }),
  roadmap: () => ({
    title: 'Дорожная карта для проверки прав',
    level: 'organisation',
    roadmapState: 'approved',
  }),
  'roadmap-activity': (t) => ({
    roadmap: t.roadmap,
    title: 'Мероприятие для проверки прав',
    activityStatus: 'planned',
  }),
  'kpi-indicator': () => ({ title: 'Показатель для проверки прав', metricKind: 'manual', unit: '%' }),
  'contingent-snapshot': () => ({ date: '2025-09-01', snapshotKind: 'fact' }),
  'news-item': () => ({ title: 'Новость для проверки прав', kind: 'news', date: '2025-10-01' }),
  partner: () => ({ name: 'Партнёр для проверки прав', kind: 'employer' }),
  'monitoring-snapshot': () => ({
    label: 'Срез для проверки прав',
    year: 2025,
    takenAt: '2025-12-01T10:00:00.000Z',
    report: {
      organisation: 'matrix',
      organisationName: 'Срез для проверки прав',
      year: 2025,
      today: '2025-12-01',
      standardSet: true,
      rows: [],
    },
    counts: {},
  }),
  'access-log': () => ({
    at: new Date().toISOString(),
    actorKind: 'user',
    action: 'read',
    targetType: 'person',
    documentIds: [],
    count: 0,
  }),
  capture: () => ({
    kind: 'roster',
    sourceUrl: 'https://journal.example/class/1a',
    adapter: 'generic-table',
    idempotencyKey: 'matrix-target',
    captureState: 'new',
    payload: { kind: 'roster', rows: [{ fullName: 'Проверкина Анна', className: '1А' }] },
  }),
};

export interface MatrixFixtures {
  tokens: { readOnly: string; full: string };
  /** type → documentId of its target document, owned by MATRIX_ORG (the organisation itself for organisations). */
  targets: Record<string, string>;
  /** type → `${actor}/${path}` → documentId of a scratch copy to delete. */
  scratch: Record<string, Record<string, string>>;
  /** fixture user → organisation documentIds in their scope. */
  scopes: Record<string, string[]>;
}

/** What this module reads of a content type's schema. */
interface StrapiSchema {
  info: { singularName: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, unknown>;
}

interface Doc {
  id: number;
  documentId: string;
  publishedAt?: string | null;
  reviewState?: string;
  slug?: string;
  idempotencyKey?: string;
  organisation?: { documentId: string } | null;
  parent?: { documentId: string } | null;
}

export async function createMatrixFixtures(strapi: Core.Strapi, fixtures: Fixtures): Promise<MatrixFixtures> {
  const tokenService = strapi.service('admin::api-token') as {
    create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
  };
  const token = async (type: string) =>
    (
      await tokenService.create({
        name: `matrix-${type}`,
        description: '',
        type,
        kind: 'content-api',
        lifespan: null,
      })
    ).accessKey;
  const tokens = { readOnly: await token('read-only'), full: await token('full-access') };

  const orgs = (await strapi.db
    .query('plugin::nastavnik.organisation')
    .findMany({ populate: { parent: { select: ['documentId'] } } })) as Doc[];
  const children = new Map<string, string[]>();
  for (const o of orgs) {
    const parent = o.parent?.documentId;
    if (parent) children.set(parent, [...(children.get(parent) ?? []), o.documentId]);
  }
  const subtree = (root: string): string[] => [root, ...(children.get(root) ?? []).flatMap(subtree)];
  const scopes = Object.fromEntries(
    Object.values(fixtures.users).map((u) => [
      u.username,
      subtree(fixtures.organisations[u.organisationSlug] ?? ''),
    ]),
  );

  const orgDocumentId = fixtures.organisations[MATRIX_ORG];
  if (!orgDocumentId) throw new Error(`В начальных данных нет организации ${MATRIX_ORG}`);
  const targets: Record<string, string> = {};
  const scratch: Record<string, Record<string, string>> = {};
  // The types as the running Strapi has them: this module runs where the plugin's source cannot be loaded.
  // The admin-panel bindings are not on the content API at all (tests/integration/admin-scope.test.ts).
  const types = Object.entries(strapi.contentTypes as unknown as Record<string, StrapiSchema>).filter(
    ([uid]) => uid.startsWith('plugin::nastavnik.') && uid !== 'plugin::nastavnik.admin-access',
  );
  for (const [name, schema] of types) {
    const uid = name as UID.ContentType;
    const definition = {
      singularName: schema.info.singularName,
      self: schema.info.singularName === 'organisation',
      draftAndPublish: Boolean(schema.options?.draftAndPublish),
      attributes: schema.attributes,
    };
    const docs = (await strapi.db.query(uid).findMany({
      where: definition.self
        ? { documentId: orgDocumentId }
        : { organisation: { documentId: orgDocumentId } },
      orderBy: { id: 'asc' },
    })) as Doc[];
    // A published version where there is one, so visitors can read the target; a case also approved.
    const candidates = definition.draftAndPublish ? docs.filter((d) => d.publishedAt) : docs;
    // The matrix's own questionnaire, whose one question the minimal response answers (the seeded
    // templates ask other questions).
    let target: { documentId: string } | undefined = OWN_TARGET.has(definition.singularName)
      ? undefined
      : (candidates.find((d) => !('reviewState' in definition.attributes) || d.reviewState === 'approved') ??
        candidates[0]);
    const minimal = MINIMAL[definition.singularName];
    if (!target && minimal) {
      target = await strapi.documents(uid).create({
        data: { ...minimal(targets), organisation: orgDocumentId },
        ...(definition.draftAndPublish ? { status: 'published' } : {}),
      } as never);
    }
    if (!target) throw new Error(`Нет документа типа ${definition.singularName} в ${MATRIX_ORG}`);
    targets[definition.singularName] = target.documentId;
    const copies: Record<string, string> = {};
    scratch[definition.singularName] = copies;
    for (const actor of DELETERS) {
      for (const path of ['rest', 'graphql']) {
        const key = `${actor}/${path}`;
        const unique = `matrix-${definition.singularName}-${actor}-${path}`.toLowerCase();
        const data: Record<string, unknown> = {};
        if ('slug' in definition.attributes) data.slug = unique;
        if ('idempotencyKey' in definition.attributes) data.idempotencyKey = unique;
        if (definition.self) {
          data.parent = orgDocumentId;
          data.name = `Копия для проверки прав ${unique}`;
        }
        const copy = (await strapi
          .documents(uid)
          .clone({ documentId: target.documentId, data } as never)) as {
          documentId?: string;
          entries?: Array<{ documentId: string }>;
        };
        const documentId = copy.documentId ?? copy.entries?.[0]?.documentId;
        if (!documentId) throw new Error(`Не удалось скопировать ${definition.singularName}`);
        copies[key] = documentId;
      }
    }
  }
  return { tokens, targets, scratch, scopes };
}

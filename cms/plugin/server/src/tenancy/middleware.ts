/**
 * Tenancy and the personal-data rule, enforced once for every document-service call on the plugin's
 * types, whichever resolver, route or service made it:
 * - anonymous callers read only public types, only published (cases: only approved) documents and only
 *   public fields, and write nothing;
 * - users read and write only inside their organisation's subtree, and may only link records that are
 *   inside it too (private records: of the same organisation);
 * - a person is never saved without a sufficient consent, and withdrawing it anonymises the person.
 */
import { errors } from '@strapi/utils';
import { anonymisedPersonPatch, answerProblems, consentProblems, questionsSchema } from '@nastavnik/shared';
import type { ContentTypeDefinition } from '../content-types/define.js';
import { definitionByUid } from '../content-types/index.js';
import type { Strapi } from '../types.js';
import { currentActor, type Actor } from './actor.js';
import { invalidateOrganisations } from './organisations.js';
import { collectRelationIds, organisationOfDocuments } from './relations.js';
import { sanitizeRichText, validateJsonFields } from './json-fields.js';
import { visibleAuthors, visibleContact } from './consent-filters.js';
import { shorten } from '../text.js';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const WRITE_ACTIONS = new Set([
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
]);

interface DocumentContext {
  uid: string;
  action: string;
  params: Record<string, any>;
}

const forbidden = (message: string) => new errors.ForbiddenError(message);

const today = () => new Date().toISOString().slice(0, 10);

function scopeFilter(scope: ReadonlySet<string>) {
  return { organisation: { documentId: { $in: [...scope] } } };
}

function andFilters(existing: unknown, extra: Record<string, unknown>) {
  return existing && Object.keys(existing as object).length ? { $and: [existing, extra] } : extra;
}

/** Keep only public fields (and the technical ones GraphQL needs) in anonymous results. */
function stripToPublic(definition: ContentTypeDefinition, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => stripToPublic(definition, v));
  if (!value || typeof value !== 'object') return value;
  const allowed = new Set([
    ...(definition.publicFields ?? []),
    'id',
    'documentId',
    'createdAt',
    'updatedAt',
    'publishedAt',
    'locale',
  ]);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (allowed.has(key)) out[key] = v;
  if (definition.singularName === 'case' && 'authors' in out) out.authors = visibleAuthors(out.authors);
  if (definition.singularName === 'site-section' && 'curatorContact' in out)
    out.curatorContact = visibleContact(out.curatorContact);
  return out;
}

async function existingOrganisation(
  strapi: Strapi,
  definition: ContentTypeDefinition,
  uid: string,
  documentId: string,
) {
  const found = await organisationOfDocuments(strapi, uid, definition, [documentId]);
  if (!found.has(documentId)) {
    throw new errors.NotFoundError(`Документ ${documentId} не найден.`);
  }
  return found.get(documentId) ?? null;
}

async function guardWrite(
  strapi: Strapi,
  actor: Extract<Actor, { kind: 'user' }>,
  definition: ContentTypeDefinition,
  ctx: DocumentContext,
) {
  const { uid, action, params } = ctx;
  const data = (params.data ?? {}) as Record<string, unknown>;
  let documentOrganisation: string | null = null;

  if (action !== 'create') {
    documentOrganisation = await existingOrganisation(strapi, definition, uid, params.documentId);
    if (!documentOrganisation || !actor.scope.has(documentOrganisation)) {
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
  } else if (action === 'create' || 'organisation' in data) {
    const [target] = collectRelationIds(data.organisation);
    if (!target) {
      if (action === 'create' && actor.organisationDocumentId) {
        data.organisation = actor.organisationDocumentId;
        params.data = data;
        documentOrganisation = actor.organisationDocumentId;
      } else {
        throw new errors.ValidationError('Укажите организацию (поле organisation).', {
          path: ['organisation'],
        });
      }
    } else if (!actor.scope.has(target)) {
      throw forbidden('Нет доступа: нельзя записывать данные другой организации.');
    } else {
      documentOrganisation = target;
    }
  }

  await guardRelations(strapi, actor.scope, uid, data, documentOrganisation);
}

/** Every related record must be inside the scope; private ones must belong to the document's organisation. */
async function guardRelations(
  strapi: Strapi,
  scope: ReadonlySet<string> | null,
  uid: string,
  data: Record<string, unknown>,
  documentOrganisation: string | null,
) {
  const contentType = strapi.contentType(uid as never) as { attributes: Record<string, any> };
  for (const [field, attribute] of Object.entries(contentType.attributes)) {
    if (
      attribute.type !== 'relation' ||
      !(field in data) ||
      field === 'organisation' ||
      field === 'parent' ||
      field === 'children'
    )
      continue;
    const targetDefinition = definitionByUid.get(attribute.target);
    if (!targetDefinition) continue;
    const ids = collectRelationIds(data[field]);
    if (!ids.length) continue;
    const owners = await organisationOfDocuments(strapi, attribute.target, targetDefinition, ids);
    for (const id of ids) {
      if (!owners.has(id)) {
        throw new errors.ValidationError(`Поле ${field}: запись ${id} не найдена.`, { path: [field] });
      }
      const owner = owners.get(id) ?? null;
      if (scope && (!owner || !scope.has(owner))) {
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

/** Fields that identify a person: after withdrawal of consent none of them may be filled again. */
const COUNTING_FIELDS = new Set(['isMentor', 'isMentee', 'classOrGroup', 'organisation']);

/** What may be stored about a person who only awaits a consent. */
const AWAITING_FIELDS = new Set([
  'fullName',
  'category',
  'classOrGroup',
  'organisation',
  'isMentor',
  'isMentee',
  'awaitingConsent',
  'isDemo',
]);

const IDENTIFYING = [
  'fullName',
  'birthDate',
  'email',
  'phone',
  'competencies',
  'interests',
  'requests',
  'availability',
  'consent',
];

async function applyPersonRules(strapi: Strapi, ctx: DocumentContext) {
  const { action, params } = ctx;
  if (action !== 'create' && action !== 'update') return;
  const data = (params.data ?? {}) as Record<string, any>;

  let current: Record<string, any> = {};
  if (action === 'update') {
    current =
      ((await strapi.db.query('plugin::nastavnik.person').findOne({
        where: { documentId: params.documentId },
        select: ['category', 'birthDate', 'birthYear', 'anonymised', 'awaitingConsent'],
        populate: { consent: true },
      })) as Record<string, any> | null) ?? {};
    if (current.anonymised) {
      if (IDENTIFYING.some((f) => f in data)) {
        throw new errors.ValidationError(
          'Участник обезличен после отзыва согласия: его персональные данные нельзя внести снова. Создайте новую запись с новым согласием.',
          { path: IDENTIFYING.filter((f) => f in data).slice(0, 1) },
        );
      }
      return;
    }
    // Moving a person between classes or roles changes nothing the consent covers.
    if (Object.keys(data).every((f) => COUNTING_FIELDS.has(f))) return;
  }
  const merged = { ...current, ...data };
  const consent = merged.consent as Record<string, any> | null | undefined;

  if (consent?.withdrawnAt) {
    params.data = {
      ...data,
      ...anonymisedPersonPatch(new Date(consent.withdrawnAt).toISOString(), consent.givenBy ?? 'self'),
    };
    return;
  }
  if (!consent && merged.awaitingConsent) {
    // Someone taken from a class list before the consent is signed: the name and class that are needed
    // to ask for the consent, and nothing else.
    const extra = Object.keys(data).filter(
      (f) => !AWAITING_FIELDS.has(f) && data[f] != null && data[f] !== '',
    );
    if (extra.length) {
      throw new errors.ValidationError(
        `Участник ожидает согласия на обработку персональных данных: до его оформления можно хранить только ФИО и класс (лишние поля: ${extra.join(', ')}).`,
        { path: [extra[0]!] },
      );
    }
    return;
  }
  if (consent && data.consent && merged.awaitingConsent) data.awaitingConsent = false;
  const problems = consentProblems(
    { category: merged.category, birthDate: merged.birthDate, birthYear: merged.birthYear, consent },
    today(),
  );
  if (problems.length) {
    throw new errors.ValidationError(problems.map((p) => p.message).join(' '), {
      errors: problems.map((p) => ({
        path: p.field.split('.'),
        message: p.message,
        name: 'ValidationError',
      })),
    });
  }
}

export function registerTenancyMiddleware(strapi: Strapi) {
  strapi.documents.use((async (context: unknown, next: () => Promise<unknown>) => {
    const ctx = context as DocumentContext;
    const definition = definitionByUid.get(ctx.uid as `plugin::nastavnik.${string}`);
    if (!definition) return next();

    const isRead = READ_ACTIONS.has(ctx.action);
    const isWrite = WRITE_ACTIONS.has(ctx.action);
    const actor = await currentActor(strapi);

    if (isWrite) {
      if (ctx.params?.data) {
        validateJsonFields(definition, ctx.params.data);
        sanitizeRichText(definition, ctx.params.data);
        const data = ctx.params.data as Record<string, unknown>;
        if (definition.singularName === 'roadmap' && typeof data.title === 'string' && !data.shortTitle)
          data.shortTitle = shorten(data.title);
      }
      if (definition.singularName === 'person') await applyPersonRules(strapi, ctx);
      if (definition.singularName === 'case') await requireApprovedCase(strapi, ctx);
      if (definition.singularName === 'questionnaire-response') await validateAnswers(strapi, ctx);
    }

    if (actor.kind === 'internal' || actor.kind === 'admin') {
      const result = await next();
      if (isWrite && definition.singularName === 'organisation') invalidateOrganisations();
      return result;
    }

    if (actor.kind === 'anonymous') {
      if (!isRead) throw forbidden('Войдите в систему, чтобы изменять данные.');
      if (definition.access !== 'public')
        throw forbidden('Эти данные доступны только сотрудникам организации.');
      ctx.params = { ...ctx.params, status: 'published' };
      if (definition.singularName === 'case') {
        ctx.params.filters = andFilters(ctx.params.filters, { reviewState: 'approved' });
      }
      return stripToPublic(definition, await next());
    }

    if (isRead) {
      // Organisations are public reference data; everything else a user reads is their subtree's. Other
      // organisations' published material is what visitors see, through the anonymous API and pages.
      if (definition.tenancy !== 'self') {
        ctx.params = { ...ctx.params, filters: andFilters(ctx.params?.filters, scopeFilter(actor.scope)) };
      }
      return next();
    }

    if (isWrite) {
      if (definition.singularName === 'case') guardReview(actor, ctx);
      await guardWrite(strapi, actor, definition, ctx);
      const result = await next();
      if (definition.singularName === 'organisation') invalidateOrganisations();
      return result;
    }
    return next();
  }) as never);
}

async function requireApprovedCase(strapi: Strapi, ctx: DocumentContext) {
  // Publishing happens through `publish`, or through create/update with status "published".
  const publishing =
    ctx.action === 'publish' ||
    (['create', 'update'].includes(ctx.action) && ctx.params?.status === 'published');
  if (!publishing) return;
  let state = ctx.params?.data?.reviewState as string | undefined;
  if (state === undefined && ctx.action !== 'create') {
    const row = (await strapi.db.query('plugin::nastavnik.case').findOne({
      where: { documentId: ctx.params.documentId, publishedAt: null },
      select: ['reviewState'],
    })) as { reviewState?: string } | null;
    state = row?.reviewState;
  }
  if (state !== 'approved') {
    throw new errors.ValidationError(
      'Кейс можно опубликовать только после одобрения методистом (состояние «Одобрен»).',
      {
        path: ['reviewState'],
      },
    );
  }
}

/** Only a methodist (or an administrator) decides on a case; authors submit it. */
function guardReview(actor: Extract<Actor, { kind: 'user' }>, ctx: DocumentContext) {
  const state = ctx.params?.data?.reviewState;
  if ((state === 'approved' || state === 'changes_requested') && actor.role !== 'methodist') {
    throw forbidden('Одобрить кейс или вернуть его на доработку может только методист.');
  }
}

async function validateAnswers(strapi: Strapi, ctx: DocumentContext) {
  const data = ctx.params?.data as Record<string, unknown> | undefined;
  if (!data || (ctx.action !== 'create' && ctx.action !== 'update')) return;
  if (ctx.action === 'update' && !('answers' in data) && !('questionnaire' in data)) return;
  let questionnaireId = collectRelationIds(data.questionnaire)[0];
  let answers = data.answers;
  if (ctx.action === 'update') {
    const current = (await strapi.db.query('plugin::nastavnik.questionnaire-response').findOne({
      where: { documentId: ctx.params.documentId },
      select: ['answers'],
      populate: { questionnaire: { select: ['documentId'] } },
    })) as { answers?: unknown; questionnaire?: { documentId: string } | null } | null;
    questionnaireId ??= current?.questionnaire?.documentId;
    answers ??= current?.answers;
  }
  if (!questionnaireId) {
    throw new errors.ValidationError('Укажите анкету (поле questionnaire).', { path: ['questionnaire'] });
  }
  const questionnaire = (await strapi.db.query('plugin::nastavnik.questionnaire').findOne({
    where: { documentId: questionnaireId },
    select: ['questions'],
  })) as { questions?: unknown } | null;
  if (!questionnaire)
    throw new errors.ValidationError(`Анкета ${questionnaireId} не найдена.`, { path: ['questionnaire'] });
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) {
    throw new errors.ValidationError('Поле answers: ожидался объект «код вопроса → ответ».', {
      path: ['answers'],
    });
  }
  const parsed = questionsSchema.safeParse(questionnaire.questions);
  if (!parsed.success)
    throw new errors.ValidationError('Шаблон анкеты повреждён: исправьте вопросы анкеты.', {
      path: ['questionnaire'],
    });
  const problems = answerProblems(parsed.data, answers as Record<string, unknown>);
  if (problems.length) throw new errors.ValidationError(problems.join(' '), { path: ['answers'] });
}

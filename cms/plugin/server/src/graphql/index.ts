/**
 * GraphQL additions: who am I, an organisation's subtree, and the guards that shadow CRUD lacks for
 * nested relations (which Strapi loads past the document service, so tenancy middleware never sees them).
 */
import { errors } from '@strapi/utils';
import { isNonNullType, type GraphQLResolveInfo } from 'graphql';
import { userRoles, type UserRole } from '@nastavnik/shared';
import { definitions, uidOf } from '../content-types/index.js';
import type { Strapi } from '../types.js';
import { subtreeOf } from '../tenancy/organisations.js';
import { isVisitorAuth } from '../tenancy/actor.js';
import { matchingGraphql } from '../matching/graphql.js';
import { roadmapGraphql } from '../roadmaps/graphql.js';
import { captureGraphql } from '../captures/graphql.js';
import { ADMIN_ACCESS } from '../admin-access/actor.js';
import { PERSONAL_TYPES, recordNestedRead } from '../security/audit.js';
import { kpiGraphql } from '../kpi/graphql.js';
import { caseReviewGraphql } from '../cases/review-queue.js';
import { publicSection } from '../public-site/section.js';
import type { NexusBuilder } from './zod-types.js';
import { cycleGraphql } from '../cycle/graphql.js';

const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
export const graphqlTypeName = (singularName: string) => `Nastavnik${pascal(singularName)}`;

interface GraphqlContext {
  state: {
    user?: { id: number };
    auth?: { strategy?: { name?: string }; credentials?: { id: number; type?: string } | null };
  };
}
/** The part of the GraphQL plugin's extension service this plugin uses. */
interface GraphqlExtensionService {
  shadowCRUD(uid: string): { disable(): unknown };
  use(extension: (context: { nexus: NexusBuilder }) => unknown): void;
}

type Resolver = (parent: unknown, args: unknown, context: GraphqlContext, info: unknown) => unknown;

/** A visitor, or an API token that reads as one: the same rule as the document-service actor. */
const isAnonymous = (context: GraphqlContext) => !context.state.user && isVisitorAuth(context.state.auth);

/** Private records nested under a public type: refused to anyone who reads as a visitor. */
const refuseVisitors = (next: Resolver, ...[parent, args, context, info]: Parameters<Resolver>) => {
  if (isAnonymous(context))
    throw new errors.ForbiddenError('Эти данные доступны только сотрудникам организации.');
  return next(parent, args, context, info);
};

/**
 * A type's redactions for visitors (`publicRedact` in its definition) applied to the field wherever it
 * appears in a query, also nested under another type, which Strapi resolves past the document service.
 */
function redactionGuards() {
  const config: Record<string, Record<string, unknown>> = {};
  for (const { definition } of definitions) {
    for (const [field, redact] of Object.entries(definition.publicRedact ?? {})) {
      const middleware = async (next: Resolver, ...[parent, args, context, info]: Parameters<Resolver>) => {
        const value = await next(parent, args, context, info);
        return isAnonymous(context) ? redact(value) : value;
      };
      config[`${graphqlTypeName(definition.singularName)}.${field}`] = { middlewares: [middleware] };
    }
  }
  return config;
}

/** Fields every document has and clients need to address it; never personal. */
const TECHNICAL = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale']);

/**
 * A public type's other fields, hidden from visitors wherever the type appears: the document service
 * removes them from root queries, but a type nested under another is resolved past it. A nullable field
 * answers null, as a root query does; a required one cannot, and is refused instead of failing.
 */
function hiddenFieldGuards() {
  const config: Record<string, { middlewares: unknown[] }> = {};
  for (const { definition } of definitions) {
    if (definition.access !== 'public') continue;
    const visible = new Set(definition.publicFields ?? []);
    const typeName = graphqlTypeName(definition.singularName);
    for (const [field, attribute] of Object.entries(definition.attributes)) {
      if (visible.has(field) || TECHNICAL.has(field)) continue;
      const middleware = (next: Resolver, ...[parent, args, context, info]: Parameters<Resolver>) => {
        if (!isAnonymous(context)) return next(parent, args, context, info);
        if (isNonNullType((info as GraphQLResolveInfo).returnType)) {
          throw new errors.ForbiddenError(`Поле ${field} доступно только сотрудникам организации.`);
        }
        return null;
      };
      config[`${typeName}.${field}`] = { middlewares: [middleware] };
      if (attribute.type === 'relation')
        config[`${typeName}.${field}_connection`] = { middlewares: [middleware] };
    }
  }
  return config;
}

/**
 * Personal data reached through a relation of another type is loaded past the document service, where
 * the access log records every other read: these fields record theirs.
 */
function accessLogGuards(strapi: Strapi) {
  const config: Record<string, Record<string, unknown>> = {};
  for (const { definition } of definitions) {
    for (const [field, attribute] of Object.entries(definition.attributes)) {
      const target = typeof attribute.target === 'string' ? attribute.target : '';
      if (attribute.type !== 'relation' || !PERSONAL_TYPES.has(target)) continue;
      const middleware = async (next: Resolver, ...[parent, args, context, info]: Parameters<Resolver>) => {
        const value = await next(parent, args, context, info);
        await recordNestedRead(strapi, target, value);
        return value;
      };
      const typeName = graphqlTypeName(definition.singularName);
      config[`${typeName}.${field}`] = { middlewares: [middleware] };
      config[`${typeName}.${field}_connection`] = { middlewares: [middleware] };
    }
  }
  return config;
}

/** Resolver configurations of one field from several guards, all applied. */
function mergeGuards(...configs: Array<Record<string, Record<string, unknown>>>) {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const config of configs) {
    for (const [key, value] of Object.entries(config)) {
      const existing = merged[key] ?? {};
      const middlewares = [
        ...((existing.middlewares as unknown[] | undefined) ?? []),
        ...((value.middlewares as unknown[] | undefined) ?? []),
      ];
      merged[key] = { ...existing, ...value, ...(middlewares.length ? { middlewares } : {}) };
    }
  }
  return merged;
}

function relationGuards() {
  const config: Record<string, Record<string, unknown>> = {};
  for (const { definition } of definitions) {
    for (const [field, attribute] of Object.entries(definition.attributes)) {
      if (attribute.type !== 'relation') continue;
      const target = definitions.find((d) => uidOf(d.definition.singularName) === attribute.target);
      if (target?.definition.access !== 'private') continue;
      const auth = {
        auth: { scope: [`${uidOf(target.definition.singularName)}.find`] },
        middlewares: [refuseVisitors],
      };
      config[`${graphqlTypeName(definition.singularName)}.${field}`] = auth;
      config[`${graphqlTypeName(definition.singularName)}.${field}_connection`] = auth;
    }
  }
  return config;
}

export function registerGraphql(strapi: Strapi) {
  const extension = strapi.plugin('graphql').service<GraphqlExtensionService>('extension');
  // Admin-panel bindings are managed by super admins in the admin panel only.
  extension.shadowCRUD(ADMIN_ACCESS).disable();
  extension.use(({ nexus }: { nexus: NexusBuilder }) => roadmapGraphql(strapi, nexus));
  extension.use(({ nexus }: { nexus: NexusBuilder }) => captureGraphql(strapi, nexus));
  extension.use(({ nexus }: { nexus: NexusBuilder }) => matchingGraphql(strapi, nexus));
  extension.use(({ nexus }: { nexus: NexusBuilder }) => kpiGraphql(strapi, nexus));
  extension.use(({ nexus }: { nexus: NexusBuilder }) => caseReviewGraphql(strapi, nexus));
  extension.use(({ nexus }: { nexus: NexusBuilder }) => cycleGraphql(strapi, nexus));
  extension.use(({ nexus }: { nexus: NexusBuilder }) => ({
    types: [
      nexus.objectType({
        name: 'NastavnikMe',
        definition(t) {
          t.nonNull.id('id');
          t.nonNull.string('username');
          t.string('email');
          t.string('role', { description: 'curator, methodist, editor, staff' });
          t.string('roleLabel');
          t.field('organisation', { type: 'NastavnikOrganisation' });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.field('nastavnikMe', {
            type: 'NastavnikMe',
            description: 'Текущий пользователь: организация и роль',
            async resolve(_parent: unknown, _args: unknown, context: GraphqlContext) {
              const id = context.state.user?.id ?? context.state.auth?.credentials?.id;
              if (!id) throw new errors.UnauthorizedError('Войдите в систему.');
              const user = (await strapi.db.query('plugin::users-permissions.user').findOne({
                where: { id },
                populate: { role: true, organisation: true },
              })) as {
                id: number;
                username: string;
                email: string | null;
                role?: { type?: string } | null;
                organisation?: Record<string, unknown> | null;
              } | null;
              if (!user) throw new errors.UnauthorizedError('Пользователь не найден.');
              const type = user.role?.type;
              const role =
                type && (userRoles.values as readonly string[]).includes(type) ? (type as UserRole) : null;
              return {
                id: user.id,
                username: user.username,
                email: user.email,
                role,
                roleLabel: role ? userRoles.label(role) : null,
                organisation: user.organisation ?? null,
              };
            },
          });
          t.field('nastavnikPublicSection', {
            type: 'JSON',
            description:
              'Всё, что показывает публичный раздел «Наставничество» организации, одним запросом: организация, раздел, текущая дорожная карта с ходом выполнения, программы, кейсы, новости, партнёры, показатели, подведомственные организации. Только то, что видит посетитель.',
            args: { slug: nexus.nonNull(nexus.stringArg()) },
            resolve: (_parent: unknown, args: { slug: string }) => publicSection(strapi, args.slug),
          });
          t.nonNull.list.nonNull.field('nastavnikOrganisationSubtree', {
            type: 'NastavnikOrganisation',
            description: 'Организация и все подведомственные ей организации',
            args: { documentId: nexus.nonNull(nexus.idArg()) },
            async resolve(_parent: unknown, args: { documentId: string }) {
              const ids = [...(await subtreeOf(strapi, args.documentId))];
              if (!ids.length) throw new errors.NotFoundError('Организация не найдена.');
              return strapi.documents('plugin::nastavnik.organisation').findMany({
                filters: { documentId: { $in: ids } },
                sort: ['name:asc'],
                limit: ids.length,
              });
            },
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.nastavnikMe': { auth: false },
      // Public by nature: the answer is read with a visitor's rights whoever asks.
      'Query.nastavnikPublicSection': { auth: false },
      'Query.nastavnikOrganisationSubtree': { auth: { scope: ['plugin::nastavnik.organisation.find'] } },
      ...mergeGuards(relationGuards(), redactionGuards(), hiddenFieldGuards(), accessLogGuards(strapi)),
    },
  }));
}

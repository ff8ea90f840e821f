/**
 * GraphQL additions: who am I, an organisation's subtree, and the guards that shadow CRUD lacks for
 * nested relations (which Strapi loads past the document service, so tenancy middleware never sees them).
 */
import { errors } from '@strapi/utils';
import { userRoles, type UserRole } from '@nastavnik/shared';
import { definitions, uidOf } from '../content-types/index.js';
import type { Strapi } from '../types.js';
import { subtreeOf } from '../tenancy/organisations.js';
import { roadmapGraphql } from '../roadmaps/graphql.js';
import { captureGraphql } from '../captures/graphql.js';
import { caseReviewGraphql } from '../cases/review-queue.js';
import { publicSection } from '../public-site/section.js';
import type { NexusBuilder } from './zod-types.js';

const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
export const graphqlTypeName = (singularName: string) => `Nastavnik${pascal(singularName)}`;

interface GraphqlContext {
  state: { user?: { id: number }; auth?: { credentials?: { id: number } | null } };
}
/** The part of the GraphQL plugin's extension service this plugin uses. */
interface GraphqlExtensionService {
  use(extension: (context: { nexus: NexusBuilder }) => unknown): void;
}

type Resolver = (parent: unknown, args: unknown, context: GraphqlContext, info: unknown) => unknown;

const isAnonymous = (context: GraphqlContext) => !context.state.user && !context.state.auth?.credentials;

/**
 * A type's redactions for visitors (`publicRedact` in its definition) applied to the field wherever it
 * appears in a query, also nested under another type, which Strapi resolves past the document service.
 */
function redactionGuards() {
  const config: Record<string, unknown> = {};
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

function relationGuards() {
  const config: Record<string, unknown> = {};
  for (const { definition } of definitions) {
    for (const [field, attribute] of Object.entries(definition.attributes)) {
      if (attribute.type !== 'relation') continue;
      const target = definitions.find((d) => uidOf(d.definition.singularName) === attribute.target);
      if (target?.definition.access !== 'private') continue;
      const auth = { auth: { scope: [`${uidOf(target.definition.singularName)}.find`] } };
      config[`${graphqlTypeName(definition.singularName)}.${field}`] = auth;
      config[`${graphqlTypeName(definition.singularName)}.${field}_connection`] = auth;
    }
  }
  return config;
}

export function registerGraphql(strapi: Strapi) {
  const extension = strapi.plugin('graphql').service<GraphqlExtensionService>('extension');
  extension.use(({ nexus }: { nexus: NexusBuilder }) => roadmapGraphql(strapi, nexus));
  extension.use(({ nexus }: { nexus: NexusBuilder }) => captureGraphql(strapi, nexus));
  extension.use(({ nexus }: { nexus: NexusBuilder }) => caseReviewGraphql(strapi, nexus));
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
      ...relationGuards(),
      ...redactionGuards(),
    },
  }));
}

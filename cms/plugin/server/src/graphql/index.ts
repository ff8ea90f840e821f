/**
 * GraphQL additions: who am I, an organisation's subtree, and the guards that shadow CRUD lacks for
 * nested relations (which Strapi loads past the document service, so tenancy middleware never sees them).
 */
import { errors } from '@strapi/utils';
import { userRoles, type UserRole } from '@nastavnik/shared';
import { definitions, uidOf } from '../content-types/index.js';
import type { Strapi } from '../types.js';
import { subtreeOf } from '../tenancy/organisations.js';
import { visibleAuthors, visibleContact } from '../tenancy/consent-filters.js';
import { roadmapGraphql } from '../roadmaps/graphql.js';
import { captureGraphql } from '../captures/graphql.js';

const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
export const graphqlTypeName = (singularName: string) => `Nastavnik${pascal(singularName)}`;

interface GraphqlContext {
  state: { user?: { id: number }; auth?: { credentials?: { id: number } | null } };
}
type Resolver = (parent: any, args: any, context: GraphqlContext, info: unknown) => unknown;

const isAnonymous = (context: GraphqlContext) => !context.state?.user && !context.state?.auth?.credentials;

/** For visitors, drop what has no publication consent, wherever the field appears in a query. */
const consentFilter =
  (pick: (value: any) => any): ((next: Resolver, ...rest: Parameters<Resolver>) => Promise<unknown>) =>
  async (next, parent, args, context, info) => {
    const value = await next(parent, args, context, info);
    return isAnonymous(context) ? pick(value) : value;
  };

function relationGuards() {
  const config: Record<string, unknown> = {};
  for (const { definition, schema } of definitions) {
    for (const [field, attribute] of Object.entries(schema.attributes as Record<string, any>)) {
      if (attribute.type !== 'relation') continue;
      const target = definitions.find((d) => uidOf(d.definition.singularName) === attribute.target);
      if (!target || target.definition.access !== 'private') continue;
      const auth = { auth: { scope: [`${attribute.target}.find`] } };
      config[`${graphqlTypeName(definition.singularName)}.${field}`] = auth;
      config[`${graphqlTypeName(definition.singularName)}.${field}_connection`] = auth;
    }
  }
  return config;
}

export function registerGraphql(strapi: Strapi) {
  const extension = strapi.plugin('graphql').service('extension');
  extension.use(({ nexus }: { nexus: any }) => roadmapGraphql(strapi, nexus));
  extension.use(({ nexus }: { nexus: any }) => captureGraphql(strapi, nexus));
  extension.use(({ nexus }: { nexus: any }) => ({
    types: [
      nexus.objectType({
        name: 'NastavnikMe',
        definition(t: any) {
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
        definition(t: any) {
          t.field('nastavnikMe', {
            type: 'NastavnikMe',
            description: 'Текущий пользователь: организация и роль',
            async resolve(_parent: unknown, _args: unknown, context: GraphqlContext) {
              const id = context.state?.user?.id ?? context.state?.auth?.credentials?.id;
              if (!id) throw new errors.UnauthorizedError('Войдите в систему.');
              const user = (await strapi.db.query('plugin::users-permissions.user').findOne({
                where: { id },
                populate: { role: true, organisation: true },
              })) as any;
              if (!user) throw new errors.UnauthorizedError('Пользователь не найден.');
              const role = (userRoles.values as readonly string[]).includes(user.role?.type)
                ? (user.role.type as UserRole)
                : null;
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
      'Query.nastavnikOrganisationSubtree': { auth: { scope: ['plugin::nastavnik.organisation.find'] } },
      ...relationGuards(),
      'NastavnikCase.authors': {
        middlewares: [consentFilter(visibleAuthors)],
      },
      'NastavnikSiteSection.curatorContact': {
        middlewares: [consentFilter(visibleContact)],
      },
    },
  }));
}

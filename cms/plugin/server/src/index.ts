/**
 * The «Наставничество» plugin for Strapi 5: the whole mentoring domain as content types, tenancy and the
 * personal-data rule enforced in one document-service middleware, GraphQL additions, and a setup service
 * the host application runs once every plugin has bootstrapped.
 */
import { components } from './components/index.js';
import contentTypes from './content-types/index.js';
import controllers from './controllers/index.js';
import routes from './routes/index.js';
import { coreServices } from './services/index.js';
import { registerGraphql } from './graphql/index.js';
import { applyAdminLabels } from './setup/admin-labels.js';
import { migrateStoredValues } from './setup/migrations.js';
import { resolveDuplicatesBeforeIndexes } from './setup/unique-indexes.js';
import { ensureRoles } from './setup/roles.js';
import { ensureAdminRoles, registerOrganisationCondition } from './admin-access/roles.js';
import { registerTenancyMiddleware } from './tenancy/middleware.js';
import { DEFAULT_PREFIX, previewAddress, registerPublicSite } from './public-site/index.js';
import { ensureSearchTables, reindexAllCases } from './cases/search.js';
import { ensureVersionTable } from './public-site/cache.js';
import { graphqlErrorFormatter, restErrorReporter } from './errors.js';
import {
  databaseUnavailableMiddleware,
  registerAccessLog,
  registerSecurity,
  securityDefaults,
  validateSecurityConfig,
} from './security/index.js';
import { validateEmbedOrigins } from './public-site/embed.js';
import type { Strapi } from './types.js';
import { DEFAULT_MONITORING_SCHEDULE, registerMonitoringSchedule } from './kpi/schedule.js';
import { DEFAULT_MONITORING_MONTHS } from '@nastavnik/shared';

interface StrapiHook {
  register(handler: () => Promise<void>): unknown;
}

interface ContentTypeRegistry {
  extend(uid: string, extender: (contentType: { attributes: Record<string, unknown> }) => void): void;
}

function register({ strapi }: { strapi: Strapi }) {
  // Before Strapi syncs the schema: a unique index new to this database must find no rows against it.
  (strapi.hook('strapi::content-types.beforeSync') as StrapiHook).register(() =>
    resolveDuplicatesBeforeIndexes(strapi),
  );
  const registry = strapi.get<{ set(uid: string, component: unknown): void; get(uid: string): unknown }>(
    'components',
  );
  for (const { definition, schema } of components) {
    const uid = `nastavnik.${definition.name}`;
    if (registry.get(uid)) continue;
    registry.set(uid, {
      ...schema,
      __schema__: structuredClone(schema),
      uid,
      category: 'nastavnik',
      modelType: 'component',
      modelName: definition.name,
      globalId: `ComponentNastavnik${definition.name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}`,
    });
  }

  // API users belong to one organisation; their users-permissions role is their Nastavnik role.
  strapi
    .get<ContentTypeRegistry>('content-types')
    .extend('plugin::users-permissions.user', (contentType: { attributes: Record<string, unknown> }) => {
      contentType.attributes.organisation = {
        type: 'relation',
        relation: 'manyToOne',
        target: 'plugin::nastavnik.organisation',
      };
    });

  registerSecurity(strapi);
  if ('graphql' in strapi.plugins) {
    registerGraphql(strapi);
    // Read by the GraphQL plugin when it creates its server, after every plugin has registered.
    strapi.config.set('plugin::graphql.apolloServer.formatError', graphqlErrorFormatter(strapi));
  }
}

async function bootstrap({ strapi }: { strapi: Strapi }) {
  registerTenancyMiddleware(strapi);
  // Conditions can only be registered while Strapi bootstraps.
  await registerOrganisationCondition(strapi);
  registerAccessLog(strapi);
  registerPublicSite(strapi);
  await ensureVersionTable(strapi);
  await ensureSearchTables(strapi);
  await reindexAllCases(strapi);
  strapi.server.use(restErrorReporter(strapi));
  // Inside the reporter: a database outage is answered 503, not reported as a server fault.
  strapi.server.use(databaseUnavailableMiddleware(strapi));
  registerMonitoringSchedule(strapi);
  // New administrators see the panel in Russian unless they choose otherwise.
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event) {
      const data = event.params.data as Record<string, unknown> | undefined;
      if (data) data.preferedLanguage ??= 'ru';
    },
  });
}

/** The address the Content Manager's Preview opens (called by the host's `admin.preview.config.handler`). */
const previewService = ({ strapi }: { strapi: Strapi }) => ({
  url: (uid: string, documentId: string) => previewAddress(strapi, uid, documentId),
});

const setupService = ({ strapi }: { strapi: Strapi }) => ({
  /** Call from the host application's bootstrap: users-permissions must have created its roles first. */
  async afterPluginsBootstrap() {
    await migrateStoredValues(strapi);
    await ensureRoles(strapi);
    await strapi.db.transaction(() => ensureAdminRoles(strapi));
    await strapi.db.transaction(() => applyAdminLabels(strapi));
  },
});

export default {
  register,
  bootstrap,
  contentTypes,
  controllers,
  routes,
  services: { ...coreServices, setup: setupService, preview: previewService },
  // Request limits from the environment by default (security/config.ts); where the public
  // «Наставничество» pages are mounted (`config/plugins.ts`: nastavnik.config.publicPrefix); joinRateLimit:
  // «Стать участником» applications accepted from one address per 10 minutes.
  config: {
    default: ({ env }: { env: Parameters<typeof securityDefaults>[0] }) => ({
      security: securityDefaults(env),
      publicPrefix: DEFAULT_PREFIX,
      joinRateLimit: 5,
      // Internal monitoring snapshots: when the daily job runs (a cron rule, or false: off) and the
      // months taken for an organisation whose road map names none.
      monitoringSchedule: DEFAULT_MONITORING_SCHEDULE,
      monitoringMonths: [...DEFAULT_MONITORING_MONTHS],
      // Withdrawals of consent, outside the database, re-applied by `npm run restore` (consent/withdrawal.ts).
      consentLedgerFile: env('CONSENT_LEDGER_FILE', '') ?? '',
      embedOrigins: [],
    }),
    validator(config: {
      security?: unknown;
      publicPrefix?: unknown;
      joinRateLimit?: unknown;
      monitoringSchedule?: unknown;
      monitoringMonths?: unknown;
      embedOrigins?: unknown;
    }) {
      validateSecurityConfig(config);
      validateEmbedOrigins(config.embedOrigins);
      if (config.publicPrefix !== undefined && typeof config.publicPrefix !== 'string')
        throw new Error('nastavnik.publicPrefix: ожидался путь, например "/nastavnichestvo".');
      if (
        config.joinRateLimit !== undefined &&
        !(Number.isInteger(config.joinRateLimit) && Number(config.joinRateLimit) > 0)
      )
        throw new Error('nastavnik.joinRateLimit: ожидалось целое число больше нуля.');
      if (
        config.monitoringSchedule !== undefined &&
        config.monitoringSchedule !== false &&
        typeof config.monitoringSchedule !== 'string'
      )
        throw new Error(
          'nastavnik.monitoringSchedule: ожидалось правило cron, например "0 30 2 * * *", или false.',
        );
      if (
        config.monitoringMonths !== undefined &&
        !(
          Array.isArray(config.monitoringMonths) &&
          config.monitoringMonths.every((m) => Number.isInteger(m) && Number(m) >= 1 && Number(m) <= 12)
        )
      )
        throw new Error('nastavnik.monitoringMonths: ожидался список месяцев от 1 до 12, например [12, 5].');
    },
  },
};

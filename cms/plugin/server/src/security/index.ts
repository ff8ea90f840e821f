/**
 * The plugin's protection against expensive and numerous requests: GraphQL limits handed to the
 * GraphQL plugin's Apollo server, and HTTP guards in front of every route. Called from `register()`,
 * before the GraphQL plugin builds its server and before Strapi adds its own middlewares.
 */
import type { Strapi } from '../types.js';
import { SECURITY_CONFIG, type SecurityConfig } from './config.js';
import { httpGuards } from './http-guards.js';
import { limitRules, parseOptions } from './graphql-limits.js';
import { databaseUnavailableApolloPlugin } from './unavailable.js';

export { localiseRefusal } from './graphql-limits.js';
export { registerAccessLog } from './audit.js';
export { securityDefaults, validateSecurityConfig } from './config.js';
export {
  databaseUnavailableMiddleware,
  isDatabaseUnavailable,
  unavailableGraphqlError,
} from './unavailable.js';

export function registerSecurity(strapi: Strapi) {
  const config = strapi.config.get<SecurityConfig>(SECURITY_CONFIG);
  strapi.server.use(httpGuards(strapi));
  if (!('graphql' in strapi.plugins)) return;
  const pages = {
    defaultLimit: strapi.config.get<number>('plugin::graphql.defaultLimit', 25),
    maxLimit: strapi.config.get<number>('plugin::graphql.maxLimit', 100),
  };
  // The GraphQL plugin concatenates these arrays with its own (the depth limit).
  const apollo = 'plugin::graphql.apolloServer';
  const rules = strapi.config.get<unknown[]>(`${apollo}.validationRules`, []);
  strapi.config.set(`${apollo}.validationRules`, [...rules, ...limitRules(config.graphql, pages)]);
  strapi.config.set(`${apollo}.parseOptions`, parseOptions(config.graphql));
  strapi.config.set(`${apollo}.allowBatchedHttpRequests`, config.graphql.batching);
  const plugins = strapi.config.get<unknown[]>(`${apollo}.plugins`, []);
  strapi.config.set(`${apollo}.plugins`, [...plugins, databaseUnavailableApolloPlugin(strapi)]);
}

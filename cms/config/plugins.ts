/**
 * The GraphQL plugin's defaults are unsafe (no depth limit, unlimited page size, CORS echoing any origin,
 * introspection and the landing page in production); every one is set here on purpose.
 */
import type { Core } from '@strapi/strapi';
import { corsOrigin } from './cors';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const production = env('NODE_ENV') === 'production';
  return {
    // Where the public «Наставничество» pages are mounted (scripts/start.mjs prints the same address).
    // Sites allowed to embed the pages in an <iframe> besides each organisation's own website
    // (PUBLIC_EMBED_ORIGINS: comma-separated, e.g. https://school.ru; * = any https site).
    nastavnik: {
      config: {
        publicPrefix: env('PUBLIC_SITE_PREFIX', '/nastavnichestvo'),
        embedOrigins: env.array('PUBLIC_EMBED_ORIGINS', []),
      },
    },
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 10),
        defaultLimit: 25,
        maxLimit: env.int('GRAPHQL_MAX_LIMIT', 100),
        landingPage: !production,
        apolloServer: {
          // Road-map files may come as base64; the plugin answers anything larger in Russian first.
          bodyParserConfig: { jsonLimit: '25mb' },
          introspection: !production,
          cors: { origin: corsOrigin(env), credentials: false },
        },
      },
    },
    'users-permissions': {
      config: {
        jwtSecret: env('JWT_SECRET'),
        jwt: { expiresIn: env('JWT_EXPIRES_IN', '8h') },
        register: { allowedFields: [] },
        ratelimit: { interval: 60000, max: env.int('AUTH_RATELIMIT_MAX', 20) },
      },
    },
  };
};

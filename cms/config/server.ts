import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: env.array('APP_KEYS') },
  // Behind a reverse proxy the client's address comes from X-Forwarded-For (per-address request limits).
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  logger: { updates: { enabled: false }, startup: { enabled: env.bool('STARTUP_BANNER', true) } },
});

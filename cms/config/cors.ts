import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * Origins allowed to call the API from a browser: CORS_ORIGINS, comma-separated. An entry ending in `*`
 * matches by prefix, e.g. `chrome-extension://*` while the extension's id is not yet fixed.
 */
export function allowedOrigins(env: Env): string[] {
  return env.array('CORS_ORIGINS', ['http://localhost:1337', 'http://127.0.0.1:1337']);
}

export function isAllowedOrigin(origin: string, allowed: string[]): boolean {
  return allowed.some((entry) =>
    entry.endsWith('*') ? origin.startsWith(entry.slice(0, -1)) : origin === entry,
  );
}

export function corsOrigin(env: Env) {
  const allowed = allowedOrigins(env);
  // koa's cors calls this per request; an empty string means "no CORS headers".
  return (ctx: { get(name: string): string }) => {
    const origin = ctx.get('Origin');
    return origin && isAllowedOrigin(origin, allowed) ? origin : '';
  };
}

/** The host app's hardening settings, read the way Strapi reads them, for production and development. */
import { describe, expect, it } from 'vitest';
import * as pluginsModule from '../../cms/config/plugins.js';
import { isAllowedOrigin } from '../../cms/config/cors.js';

type PluginsConfig = (args: { env: unknown }) => {
  graphql: {
    config: {
      landingPage: boolean;
      depthLimit: number;
      maxLimit: number;
      apolloServer: { introspection: boolean };
    };
  };
};
// cms/ compiles to CommonJS: depending on who loads it, the function is the default or the default's default.
const loaded = pluginsModule.default as unknown as PluginsConfig | { default: PluginsConfig };
const plugins: PluginsConfig = typeof loaded === 'function' ? loaded : loaded.default;

// A minimal stand-in for Strapi's `env` helper: values from a plain object.
function envFrom(values: Record<string, string>) {
  const env = (key: string, fallback?: unknown) => values[key] ?? fallback;
  env.int = (key: string, fallback?: number) => (values[key] ? Number(values[key]) : fallback);
  env.bool = (key: string, fallback?: boolean) => (values[key] ? values[key] === 'true' : fallback);
  env.array = (key: string, fallback?: string[]) => (values[key] ? values[key].split(',') : fallback);
  return env;
}

describe('GraphQL settings', () => {
  it('switch the landing page and introspection off in production and keep the limits', () => {
    const config = plugins({ env: envFrom({ NODE_ENV: 'production' }) }).graphql.config;
    expect(config.landingPage).toBe(false);
    expect(config.apolloServer.introspection).toBe(false);
    expect(config.depthLimit).toBe(10);
    expect(config.maxLimit).toBe(100);
  });

  it('keep them on for development', () => {
    const config = plugins({ env: envFrom({ NODE_ENV: 'development' }) }).graphql.config;
    expect(config.landingPage).toBe(true);
    expect(config.apolloServer.introspection).toBe(true);
  });

  it.each([
    ['chrome-extension://abc', ['chrome-extension://*'], true],
    ['chrome-extension-evil.example', ['chrome-extension://*'], false],
    ['https://school.example', ['https://school.example'], true],
    ['https://school.example.evil', ['https://school.example'], false],
  ])('origin %s against %j → %s', (origin, allowed, expected) => {
    expect(isAllowedOrigin(origin, allowed)).toBe(expected);
  });
});

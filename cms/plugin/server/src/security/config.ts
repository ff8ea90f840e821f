/**
 * The limits that protect the API from expensive or numerous requests, each settable by an environment
 * variable of the host (or in its `config/plugins` under `nastavnik.config.security`). Read per request
 * where they apply per request (rate and body limits), so a changed configuration takes effect at once.
 */
import { z } from 'zod';

const positive = z.number().int().positive();

export const securityConfigSchema = z.object({
  graphql: z.object({
    /** Aliased fields per operation (`__typename` aliases are free). */
    maxAliases: positive,
    /** Lexical tokens per document, checked while parsing: a huge query is refused before it is read whole. */
    maxTokens: positive,
    /** Estimated resolved values per operation, page sizes of nested lists multiplied (see query-cost.ts). */
    maxCost: positive,
    /** Directives per operation (a repeated directive at one place is refused by GraphQL's own rule). */
    maxDirectives: positive,
    /** Several operations per HTTP request (an array, or several in one document): off unless deliberately on. */
    batching: z.boolean(),
  }),
  rateLimit: z.object({
    /** Requests without credentials per client address and window, over GraphQL and REST (not the login). */
    max: positive,
    windowMs: positive,
    /** Addresses never limited (a monitoring host, the site's own renderer). */
    exempt: z.array(z.string()),
  }),
  bodyLimit: z.object({
    /** Bytes of a request body without credentials (GraphQL and REST). */
    anonymous: positive,
    /** Bytes of an authenticated REST request body (the road-map import and uploads have their own limits). */
    rest: positive,
    /** Bytes of an authenticated GraphQL request (road-map files may come as base64). */
    graphql: positive,
    /** Bytes of one evidence file of a road-map activity (POST …/roadmap-activities/:id/evidence). */
    evidence: positive,
  }),
  audit: z.object({
    /** Days an access-log entry is kept. */
    retentionDays: positive,
  }),
  unavailable: z.object({
    /** Seconds a client is told to wait (`Retry-After`) while the database cannot be reached. */
    retryAfterSeconds: positive,
  }),
});
export type SecurityConfig = z.infer<typeof securityConfigSchema>;

interface Env {
  (name: string, fallback?: string): string | undefined;
  int(name: string, fallback?: number): number | undefined;
  bool(name: string, fallback?: boolean): boolean | undefined;
  array(name: string, fallback?: string[]): string[] | undefined;
}

const MB = 1024 * 1024;

/** The plugin's default configuration, from the environment where it is set. */
export function securityDefaults(env: Env) {
  return {
    graphql: {
      maxAliases: env.int('GRAPHQL_MAX_ALIASES', 15),
      maxTokens: env.int('GRAPHQL_MAX_TOKENS', 1000),
      maxCost: env.int('GRAPHQL_MAX_COST', 100_000),
      maxDirectives: env.int('GRAPHQL_MAX_DIRECTIVES', 10),
      batching: env.bool('GRAPHQL_BATCHING', false),
    },
    rateLimit: {
      max: env.int('ANON_RATELIMIT_MAX', 300),
      windowMs: env.int('ANON_RATELIMIT_WINDOW_MS', 60_000),
      exempt: (env.array('ANON_RATELIMIT_EXEMPT', []) ?? []).filter(Boolean),
    },
    bodyLimit: {
      anonymous: env.int('ANON_BODY_LIMIT', 64 * 1024),
      rest: env.int('REST_BODY_LIMIT', 1 * MB),
      graphql: env.int('GRAPHQL_BODY_LIMIT', 24 * MB),
      evidence: env.int('EVIDENCE_MAX_BYTES', 20 * MB),
    },
    audit: { retentionDays: env.int('AUDIT_RETENTION_DAYS', 365) },
    unavailable: { retryAfterSeconds: env.int('DATABASE_RETRY_AFTER', 5) },
  };
}

/** The plugin's config validator: a wrong limit stops the start with the setting's path and what was expected. */
export function validateSecurityConfig(config: unknown) {
  const parsed = z.object({ security: securityConfigSchema }).safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Неверная настройка плагина nastavnik: ${issue?.path.join('.') ?? ''} — ${issue?.message ?? ''}`,
    );
  }
}

export const SECURITY_CONFIG = 'plugin::nastavnik.security';

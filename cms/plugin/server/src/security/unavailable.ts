/**
 * While the database is unreachable (PostgreSQL restarting, the network to it down, the pool unable to
 * hand out a connection), every request that needs it is answered at once with 503 and `Retry-After`
 * and a Russian message, instead of a 500 «unexpected error» or a request that hangs. Nothing else is
 * needed to recover: knex drops the broken connections and opens new ones once the database is back.
 */
import type { GraphQLFormattedError } from 'graphql';
import type { Context, Next } from 'koa';
import type { Strapi } from '../types.js';
import { SECURITY_CONFIG, type SecurityConfig } from './config.js';

export const DATABASE_UNAVAILABLE_MESSAGE =
  'База данных временно недоступна. Повторите запрос через несколько секунд.';

/**
 * Error codes meaning "no database to talk to", not "the query was wrong": Node's network errors,
 * PostgreSQL's connection exceptions (class 08), shutdown and start-up states (57P01–57P03), too many
 * connections, and SQLite's busy database.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'SQLITE_BUSY',
]);

/**
 * What node-postgres and knex say when a connection broke or none could be had; they set no code, and
 * knex puts the failed statement in front of the message.
 */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/,
  /is not queryable/,
  /Knex: Timeout acquiring a connection/,
];

/** Whether `error` (or what caused it, however wrapped) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, name, message, cause, originalError, errors } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (name === 'KnexTimeoutError') return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message))) return true;
  const nested: unknown[] = [cause, originalError, ...(Array.isArray(errors) ? (errors as unknown[]) : [])];
  return nested.some((e) => isDatabaseUnavailable(e, depth + 1));
}

const retryAfter = (strapi: Strapi) =>
  String(strapi.config.get<SecurityConfig>(SECURITY_CONFIG).unavailable.retryAfterSeconds);

/** One warning per interval while the outage lasts, not one per refused request. */
function outageLogger(strapi: Strapi, intervalMs = 10_000) {
  let lastLogged = 0;
  let refused = 0;
  return (error: unknown) => {
    refused++;
    const now = Date.now();
    if (now - lastLogged < intervalMs) return;
    const code = (error as { code?: unknown } | undefined)?.code;
    strapi.log.warn(
      `[nastavnik] База данных недоступна${typeof code === 'string' ? ` (${code})` : ''}: запросов отклонено с ответом 503 — ${refused}`,
    );
    lastLogged = now;
    refused = 0;
  };
}

/**
 * Whether the database answers a trivial query. Asked only after a request failed in a way that may
 * hide an outage: refused as unauthenticated or forbidden (users-permissions turns any failure while it
 * checks a token or the public role into «invalid credentials», which during an outage would send every
 * signed-in user to the login screen), or failed with an error nothing recognised. One probe at a time,
 * its answer reused for a second.
 */
function databaseProbe(strapi: Strapi, timeoutMs = 2000) {
  let probe: { at: number; down: Promise<boolean> } | undefined;
  const ask = async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      return (await Promise.race([strapi.db.connection.raw('select 1'), timeout])) === 'timeout';
    } catch (error) {
      return isDatabaseUnavailable(error);
    } finally {
      clearTimeout(timer);
    }
  };
  // `fresh`: a request just failed in a way nothing recognised; an «up» answer from before does not count.
  return async (fresh = false) => {
    if (probe && fresh && Date.now() - probe.at > 50 && !(await probe.down)) probe = undefined;
    if (!probe || Date.now() - probe.at > 1000) probe = { at: Date.now(), down: ask() };
    return probe.down;
  };
}

/** What the GraphQL endpoint tells a client in place of the failed fields. */
export const unavailableGraphqlError = (formatted: GraphQLFormattedError): GraphQLFormattedError => ({
  message: DATABASE_UNAVAILABLE_MESSAGE,
  ...(formatted.locations ? { locations: formatted.locations } : {}),
  ...(formatted.path ? { path: formatted.path } : {}),
  extensions: { code: 'SERVICE_UNAVAILABLE' },
});

/**
 * Koa middleware for everything that fails before or outside GraphQL's resolvers (REST routes, the
 * authentication of a request, the admin panel's API). Registered inside Strapi's error middleware,
 * which would answer 500.
 */
export function databaseUnavailableMiddleware(strapi: Strapi) {
  const log = outageLogger(strapi);
  const databaseDown = databaseProbe(strapi);
  const graphqlPath = strapi.config.get<string>('plugin::graphql.endpoint', '/graphql');
  const unavailable = (ctx: Context, error: unknown) => {
    log(error);
    ctx.status = 503;
    ctx.set('Retry-After', retryAfter(strapi));
    ctx.body =
      ctx.path === graphqlPath
        ? { errors: [unavailableGraphqlError({ message: DATABASE_UNAVAILABLE_MESSAGE })] }
        : {
            data: null,
            error: {
              status: 503,
              name: 'ServiceUnavailableError',
              message: DATABASE_UNAVAILABLE_MESSAGE,
              details: {},
            },
          };
  };
  return async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      // A connection cut in the middle of a query (PostgreSQL shutting down) may surface as some other
      // error; whether the database answers tells.
      if (!isDatabaseUnavailable(error) && !(await databaseDown(true))) throw error;
      unavailable(ctx, error);
      return;
    }
    if ((ctx.status === 401 || ctx.status === 403) && (await databaseDown())) unavailable(ctx, undefined);
    // The admin panel's handlers answer 500 themselves for any error they catch.
    else if (ctx.status >= 500 && ctx.status !== 503 && (await databaseDown(true)))
      unavailable(ctx, undefined);
  };
}

/** The part of Apollo's request context this plugin uses (the plugin has no dependency on Apollo). */
interface ApolloResponseContext {
  errors?: ReadonlyArray<{ originalError?: unknown }>;
  response: { http: { status?: number; headers: { set(name: string, value: string): unknown } } };
}

/**
 * Apollo server plugin: a resolver that could not reach the database makes the whole answer a 503 with
 * `Retry-After` (GraphQL would answer 200 with an error inside).
 */
export function databaseUnavailableApolloPlugin(strapi: Strapi) {
  const log = outageLogger(strapi);
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse(context: ApolloResponseContext) {
          const failed = context.errors?.find((e) => isDatabaseUnavailable(e.originalError ?? e));
          if (!failed) return Promise.resolve();
          log(failed.originalError ?? failed);
          context.response.http.status = 503;
          context.response.http.headers.set('retry-after', retryAfter(strapi));
          return Promise.resolve();
        },
      });
    },
  };
}

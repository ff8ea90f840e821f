/**
 * Unexpected failures are never silent and never leak: each is logged once, with its stack and a short
 * error id, without personal data, and the caller gets a Russian message carrying the same id, so an
 * administrator can find the log line from what the user reports. Expected refusals (validation,
 * access, not found) are Strapi's application errors and pass through untouched.
 */
import { randomBytes } from 'node:crypto';
import { errors } from '@strapi/utils';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Context } from 'koa';
import type { Strapi } from './types.js';
import { localiseRefusal } from './security/graphql-limits.js';
import { isDatabaseUnavailable, unavailableGraphqlError } from './security/unavailable.js';

const { ApplicationError, HttpError, ForbiddenError, UnauthorizedError, ValidationError } = errors;

/** What a caller is told; the id is the only detail, the rest stays in the log. */
export const unexpectedErrorMessage = (errorId: string) =>
  `Непредвиденная ошибка сервера. Код ошибки: ${errorId}. Сообщите этот код администратору — по нему найдётся запись в журнале.`;

export function isExpectedError(error: unknown): boolean {
  if (error instanceof ApplicationError || error instanceof HttpError || error instanceof GraphQLError)
    return true;
  // Koa's http-errors (body too large, bad JSON) carry a status below 500 and are meant for the caller.
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status < 500;
}

/**
 * An error message may quote the values that failed (database drivers do, and so may a library):
 * anything quoted, e-mail addresses, phone-like numbers and capitalised Cyrillic words (names) are
 * replaced, so the log keeps the shape of the message without the data.
 */
export function scrubMessage(message: string): string {
  const scrubbed = message
    .replace(/«[^»]*»|"[^"]*"|'[^']*'|`[^`]*`/g, '‹…›')
    .replace(/\([^()]*\)=\([^()]*\)/g, '(‹…›)=(‹…›)')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '‹почта›')
    .replace(/\+?\d[\d\s()-]{8,}\d/g, '‹число›')
    .replace(/[А-ЯЁ][а-яё]+/g, '‹…›');
  // Drivers put the statement first and the reason last («<SQL> - column … does not exist»): a long
  // message keeps both ends.
  return scrubbed.length <= 500 ? scrubbed : `${scrubbed.slice(0, 300)} … ${scrubbed.slice(-200)}`;
}

/** The stack's frames only: its first line repeats the message, which is logged scrubbed. */
function frames(error: unknown): string {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

/** Log an unexpected failure once and return the id the caller is given. */
export function reportUnexpectedError(strapi: Strapi, error: unknown, where: string): string {
  const errorId = randomBytes(4).toString('hex');
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  strapi.log.error(
    `[nastavnik] Непредвиденная ошибка ${errorId} (${where}): ${name}: ${scrubMessage(message)}\n${frames(error)}`,
  );
  return errorId;
}

const strapiCode = (name: string) => `STRAPI_${name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;

function withStrapiError(
  formatted: GraphQLFormattedError,
  error: { name: string; message: string; details: unknown },
  code: string,
) {
  return {
    ...formatted,
    message: error.message,
    extensions: {
      ...formatted.extensions,
      error: { name: error.name, message: error.message, details: error.details },
      code,
    },
  };
}

/**
 * Apollo's `formatError` for the whole GraphQL endpoint. Strapi's own version logs an unexpected error
 * as it is (message and data included) and answers «Internal Server Error»; this one keeps Strapi's
 * codes for expected errors and reports the unexpected ones as above.
 */
export function graphqlErrorFormatter(strapi: Strapi) {
  return (received: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = localiseRefusal(received);
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    if (original instanceof ForbiddenError || original instanceof UnauthorizedError) {
      return withStrapiError(formatted, original, 'FORBIDDEN');
    }
    if (original instanceof ValidationError) return withStrapiError(formatted, original, 'BAD_USER_INPUT');
    if (original instanceof ApplicationError)
      return withStrapiError(formatted, original, strapiCode(String(original.name)));
    if (original instanceof HttpError) {
      return {
        ...formatted,
        message: original.message,
        extensions: { ...formatted.extensions, code: strapiCode(original.name) },
      };
    }
    if (original instanceof GraphQLError || isExpectedError(original)) return formatted;
    // Not a fault of the server: the database is away (the answer becomes a 503, security/unavailable.ts).
    if (isDatabaseUnavailable(original)) return unavailableGraphqlError(formatted);
    const errorId = reportUnexpectedError(strapi, original, `GraphQL ${formatted.path?.join('.') ?? ''}`);
    return {
      message: unexpectedErrorMessage(errorId),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}

/** REST routes of the plugin: the same report, as Strapi's error body with the id in `details`. */
export function restErrorReporter(strapi: Strapi) {
  return async (ctx: Context, next: () => Promise<unknown>) => {
    // The content API and the plugin's own admin-panel routes.
    if (!ctx.path.startsWith('/api/nastavnik') && !ctx.path.startsWith('/nastavnik/')) return next();
    try {
      await next();
    } catch (error) {
      if (isExpectedError(error)) throw error;
      const errorId = reportUnexpectedError(strapi, error, `${ctx.method} ${ctx.path}`);
      ctx.status = 500;
      ctx.body = {
        data: null,
        error: {
          status: 500,
          name: 'InternalServerError',
          message: unexpectedErrorMessage(errorId),
          details: { errorId },
        },
      };
    }
  };
}

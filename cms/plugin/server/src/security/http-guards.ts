/**
 * Guards in front of every other middleware (registered in `register()`, before Strapi's own list, so a
 * refused request is never parsed): requests without credentials are counted per client address, and
 * request bodies are limited per route before they are read.
 *
 * Counting is per process, in memory: behind several instances each counts on its own, so the effective
 * limit is the configured one times the number of instances. Behind a reverse proxy set TRUST_PROXY=true
 * (server.proxy.koa), or every visitor shares the proxy's address.
 */
import type { Context, Next } from 'koa';
import type { Strapi } from '../types.js';
import { SECURITY_CONFIG, type SecurityConfig } from './config.js';

const MB = 1024 * 1024;

/** Routes whose bodies are limited elsewhere: the road-map import checks its file (50 MB) itself. */
const OWN_BODY_LIMIT = [/^\/api\/nastavnik\/roadmaps\/import\/?$/, /^\/api\/upload(\/|$)/];

/** An evidence file: its own limit, checked here by the declared length and again on the file itself. */
const EVIDENCE_ROUTE = /^\/api\/nastavnik\/roadmap-activities\/[^/]+\/evidence\/?$/;
/** Room for the multipart envelope around the file (boundaries, part headers, the name). */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The login and password routes have users-permissions' own, stricter, limit. */
const AUTH_ROUTES = /^\/api\/(auth|connect)\//;

const size = (bytes: number) =>
  bytes >= MB ? `${Math.round(bytes / MB)} МБ` : `${Math.max(1, Math.round(bytes / 1024))} КБ`;

/** A refusal in the shape the route answers in: GraphQL's `errors`, or Strapi's REST `error`. */
function refuse(ctx: Context, graphql: boolean, status: number, name: string, message: string) {
  ctx.status = status;
  const code = name
    .replace(/Error$/, '')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase();
  ctx.body = graphql
    ? { errors: [{ message, extensions: { code } }] }
    : { data: null, error: { status, name, message, details: {} } };
}

interface Window {
  count: number;
  resetAt: number;
}

export function httpGuards(strapi: Strapi) {
  const endpoint = strapi.config.get<string>('plugin::graphql.endpoint', '/graphql');
  const windows = new Map<string, Window>();
  let nextSweep = 0;

  function overLimit(ip: string, limits: SecurityConfig['rateLimit'], now: number): number | undefined {
    if (now >= nextSweep) {
      for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key);
      nextSweep = now + limits.windowMs;
    }
    let window = windows.get(ip);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + limits.windowMs };
      windows.set(ip, window);
    }
    window.count += 1;
    return window.count > limits.max ? Math.ceil((window.resetAt - now) / 1000) : undefined;
  }

  return async (ctx: Context, next: Next) => {
    const isGraphql = ctx.path === endpoint;
    if (!isGraphql && !ctx.path.startsWith('/api/')) {
      await next();
      return;
    }
    const config = strapi.config.get<SecurityConfig>(SECURITY_CONFIG);
    const anonymous = !ctx.get('authorization');

    if (anonymous && ctx.method !== 'OPTIONS' && !AUTH_ROUTES.test(ctx.path)) {
      const limits = config.rateLimit;
      if (!limits.exempt.includes(ctx.ip)) {
        const retryAfter = overLimit(ctx.ip, limits, Date.now());
        if (retryAfter !== undefined) {
          ctx.set('Retry-After', String(retryAfter));
          refuse(
            ctx,
            isGraphql,
            429,
            'TooManyRequestsError',
            `Слишком много запросов с вашего адреса: без входа можно не больше ${limits.max} за ${Math.round(limits.windowMs / 1000)} с. Повторите через ${retryAfter} с.`,
          );
          return;
        }
      }
    }

    if (EVIDENCE_ROUTE.test(ctx.path) && !anonymous) {
      const limit = config.bodyLimit.evidence;
      if (Number(ctx.get('content-length') || 0) > limit + MULTIPART_OVERHEAD) {
        refuse(
          ctx,
          false,
          413,
          'PayloadTooLargeError',
          `Файл подтверждения слишком большой: можно не больше ${size(limit)}.`,
        );
        return;
      }
      await next();
      return;
    }
    if (OWN_BODY_LIMIT.some((route) => route.test(ctx.path))) {
      await next();
      return;
    }
    const limit = anonymous
      ? config.bodyLimit.anonymous
      : isGraphql
        ? config.bodyLimit.graphql
        : config.bodyLimit.rest;
    const declared = ctx.get('content-length');
    if (!declared && ctx.get('transfer-encoding') && anonymous) {
      // Without a declared length the size is known only after reading it all.
      refuse(
        ctx,
        isGraphql,
        411,
        'LengthRequiredError',
        'Укажите размер тела запроса (заголовок Content-Length).',
      );
      return;
    }
    if (Number(declared || 0) > limit) {
      const hint =
        isGraphql && !anonymous
          ? ' Большие файлы дорожных карт загружайте через POST /api/nastavnik/roadmaps/import (multipart, до 50 МБ).'
          : '';
      refuse(
        ctx,
        isGraphql,
        413,
        'PayloadTooLargeError',
        `Запрос слишком большой (больше ${size(limit)}${anonymous ? ' без входа' : ''}).${hint}`,
      );
      return;
    }
    await next();
  };
}

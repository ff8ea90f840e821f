/**
 * A stand-in for the Nastavnik CMS: the sign-in endpoint and the GraphQL operations the extension
 * uses, answering the way the plugin is specified to. It lets the browser tests cover sign-in,
 * delivery, idempotency, apply and the meeting form without Strapi; the real CMS run replaces it
 * by passing its own address to `signIn`. Payloads are checked with the shared capture schemas,
 * exactly as the CMS will.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { captureSubmissionSchema } from '@nastavnik/shared';
import { listen, type StaticServer } from './browser.js';

export interface StubCapture {
  documentId: string;
  idempotencyKey: string;
  kind: string;
  adapter: string;
  sourceUrl: string;
  payload: unknown;
  state: 'new' | 'applied';
}

export interface StubCms extends StaticServer {
  captures: StubCapture[];
  meetings: unknown[];
  submitAttempts: number;
  /** Answer every GraphQL request with 503, as a server being restarted does. */
  down: boolean;
  /** Refuse the current token from now on, as an expired one is refused. */
  expireTokens(): void;
}

const USER = { identifier: 'kurator', password: 'Секрет-123' };

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as unknown;
}

export async function startStubCms(): Promise<StubCms> {
  let tokens = new Set<string>();
  let counter = 0;
  const state = { captures: [] as StubCapture[], meetings: [] as unknown[], submitAttempts: 0, down: false };

  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const gqlError = (message: string, code: string) =>
      send(200, { data: null, errors: [{ message, extensions: { code } }] });
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (request.method === 'POST' && path === '/api/auth/local') {
        const body = (await readJson(request)) as { identifier?: string; password?: string };
        if (body.identifier !== USER.identifier || body.password !== USER.password) {
          return send(400, {
            error: { status: 400, name: 'ValidationError', message: 'Invalid identifier or password' },
          });
        }
        const exp = Math.floor(Date.now() / 1000) + 3600;
        const jwt = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ id: 1, exp, n: (counter += 1) })}.stub`;
        tokens.add(jwt);
        return send(200, {
          jwt,
          user: { id: 1, username: USER.identifier, email: 'kurator@school.example' },
        });
      }
      if (request.method !== 'POST' || path !== '/graphql') return send(404, { error: 'not found' });
      if (state.down) return send(503, { error: 'Service Unavailable' });
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!token || !tokens.has(token))
        return send(401, { error: { status: 401, message: 'Missing or invalid credentials' } });
      const body = (await readJson(request)) as {
        operationName?: string;
        variables?: Record<string, unknown>;
      };
      const variables = body.variables ?? {};
      switch (body.operationName) {
        case 'NastavnikMe':
          return send(200, {
            data: {
              nastavnikMe: {
                username: USER.identifier,
                role: 'curator',
                organisation: {
                  documentId: 'org-1',
                  name: 'МБОУ «Средняя общеобразовательная школа № 1»',
                  shortName: 'СОШ № 1',
                  slug: 'sosh-1',
                },
              },
            },
          });
        case 'NastavnikPairs':
          return send(200, {
            data: {
              nastavnikPairs: [
                { documentId: 'pair-1', title: 'Орехова А. В. → Алексеева В. И.' },
                { documentId: 'pair-2', title: 'Бобров Т. А. → Гусев Я.' },
              ],
            },
          });
        case 'NastavnikSubmitCapture': {
          state.submitAttempts += 1;
          const parsed = captureSubmissionSchema.safeParse(variables['data']);
          if (!parsed.success)
            return gqlError(parsed.error.issues[0]?.message ?? 'invalid', 'BAD_USER_INPUT');
          const existing = state.captures.find(
            (capture) => capture.idempotencyKey === parsed.data.idempotencyKey,
          );
          if (existing) {
            return send(200, {
              data: {
                nastavnikSubmitCapture: {
                  documentId: existing.documentId,
                  state: existing.state,
                  duplicate: true,
                },
              },
            });
          }
          const capture: StubCapture = { documentId: `cap-${(counter += 1)}`, ...parsed.data, state: 'new' };
          state.captures.push(capture);
          return send(200, {
            data: {
              nastavnikSubmitCapture: { documentId: capture.documentId, state: 'new', duplicate: false },
            },
          });
        }
        case 'NastavnikApplyCapture': {
          const capture = state.captures.find(
            (candidate) => candidate.documentId === variables['documentId'],
          );
          if (!capture) return gqlError('Захват не найден', 'NOT_FOUND');
          capture.state = 'applied';
          const rows = (capture.payload as { rows?: unknown[] }).rows?.length ?? 1;
          return send(200, {
            data: {
              nastavnikApplyCapture: {
                documentId: capture.documentId,
                state: 'applied',
                message: 'Данные применены.',
                createdCount: rows,
              },
            },
          });
        }
        case 'CreateNastavnikMeeting':
          state.meetings.push(variables['data']);
          return send(200, {
            data: { createNastavnikMeeting: { documentId: `meeting-${state.meetings.length}` } },
          });
        default:
          return gqlError(`Unknown operation ${body.operationName ?? ''}`, 'GRAPHQL_VALIDATION_FAILED');
      }
    })().catch((error: unknown) => send(500, { error: String(error) }));
  });

  const running = await listen(server);
  return Object.assign(state, running, {
    expireTokens() {
      tokens = new Set();
    },
  }) as StubCms;
}

export const STUB_USER = USER;

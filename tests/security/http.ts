/**
 * Plain HTTP for the security suite: from a chosen loopback address (127.0.0.2 … are separate clients to
 * the per-address request limit) and with the time from sending to the whole answer read.
 */
import http from 'node:http';
import { inject } from 'vitest';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
  ms: number;
}

export function request(
  method: string,
  path: string,
  options: { body?: string; headers?: Record<string, string>; from?: string; agent?: http.Agent } = {},
): Promise<RawResponse> {
  const url = new URL(path, inject('strapiUrl'));
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      url,
      {
        method,
        localAddress: options.from,
        agent: options.agent,
        headers: {
          ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = undefined;
          try {
            json = JSON.parse(text);
          } catch {
            /* not JSON: the caller looks at `text` */
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json,
            ms: performance.now() - started,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export const postGraphql = (
  payload: unknown,
  options: { jwt?: string; from?: string; agent?: http.Agent } = {},
) =>
  request('POST', '/graphql', {
    body: JSON.stringify(payload),
    headers: options.jwt ? { authorization: `Bearer ${options.jwt}` } : {},
    from: options.from,
    agent: options.agent,
  });

export interface GraphqlError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}
export interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: GraphqlError[];
}
export const graphqlBody = (res: RawResponse) => (res.json ?? {}) as GraphqlBody;

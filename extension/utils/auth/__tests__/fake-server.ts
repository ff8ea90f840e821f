/** A fetch that answers like a Nastavnik CMS would, for tests of sign-in and the API client. */
export interface Call {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export function jwt(expiresAtSeconds: number): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ id: 1, exp: expiresAtSeconds })}.signature`;
}

export const validToken = (): string => jwt(Math.floor(Date.now() / 1000) + 3600);

type Responder = (call: Call) => Response | Promise<Response>;

export function fakeFetch(respond: Responder) {
  const calls: Call[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const call: Call = {
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      headers,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    return respond(call);
  };
  return { fetch: fetchImpl, calls };
}

export const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A plain HTTP reverse proxy in front of the real Strapi, so a test can take "the server" away and
 * bring it back while the extension keeps one address: `goDown()` closes the listening socket (the
 * browser gets "connection refused", as when the server is off), `loseResponses` lets requests
 * reach Strapi but cuts the connection before the answer gets back (the case idempotency keys
 * exist for). Everything else is forwarded byte for byte.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SwitchableProxy {
  url: string;
  /** Requests forwarded to the server (including those whose answer was then lost). */
  forwarded: number;
  /** Let requests through to the server but drop the connection instead of answering. */
  loseResponses: boolean;
  goDown(): Promise<void>;
  comeBack(): Promise<void>;
  close(): Promise<void>;
}

export async function startProxy(target: string): Promise<SwitchableProxy> {
  const upstream = new URL(target);
  let up = true;

  const forward = (incoming: IncomingMessage, outgoing: ServerResponse): void => {
    state.forwarded += 1;
    const lose = state.loseResponses;
    const proxied = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
        // A fresh connection each time: a pooled one that Strapi is just closing for idleness
        // would fail a request now and then, and the test would blame the extension.
        agent: false,
      },
      (answer) => {
        if (lose) {
          // Strapi has done the work; read its answer to the end, then the client never hears it.
          answer.resume();
          answer.once('end', () => incoming.socket.destroy());
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    proxied.once('error', () => incoming.socket.destroy());
    incoming.pipe(proxied);
  };

  const server = createServer(forward);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;

  const stopListening = (): Promise<void> =>
    new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });

  const state: SwitchableProxy = {
    url: `http://127.0.0.1:${port}`,
    forwarded: 0,
    loseResponses: false,
    async goDown() {
      if (!up) return;
      up = false;
      await stopListening();
    },
    async comeBack() {
      if (up) return;
      // Same port: the extension keeps the server address it signed in with.
      await new Promise<void>((done, fail) => {
        server.once('error', fail);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', fail);
          done();
        });
      });
      up = true;
    },
    async close() {
      if (up) await stopListening();
      up = false;
    },
  };
  return state;
}

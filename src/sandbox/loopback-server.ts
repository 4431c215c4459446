import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as a simulator saw it on the wire: tests assert on these. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query string as sent. */
  readonly url: string;
  /** Header names lowercased, as node parses them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The exact body bytes as UTF-8 text. */
  readonly body: string;
  /** When the request's head arrived: `performance.now()` of this process (monotonic, ms), for rate checks. */
  readonly receivedAt: number;
}

export type LoopbackHandler = (request: RecordedRequest, response: ServerResponse, socket: Socket) => void | Promise<void>;

/** A running loopback HTTP server; `close()` also ends keep-alive sockets so tests never hang. */
export interface LoopbackServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Starts an HTTP server on 127.0.0.1 and an ephemeral port (never a fixed one, never another address).
 * The whole body is read before `handler` runs. A handler that throws answers 500 with a plain body.
 */
export async function startLoopbackServer(handler: LoopbackHandler): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const receivedAt = performance.now();
    void readBody(req)
      .then((body) =>
        handler({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body, receivedAt }, res, req.socket),
      )
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('simulator failure');
      });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes a JSON answer with an exact Content-Length. */
export function sendJson(response: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(payload);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  response.end(body);
}

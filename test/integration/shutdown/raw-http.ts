import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { SpawnedSubgraph } from '../../support/spawn-subgraph';

/** An HTTP answer as it came over the wire. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** One request on a TCP connection of its own (no pooled keep-alive socket), so each call is a new connection. */
export function freshRequest(
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (incoming) => {
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (body += chunk));
      incoming.on('end', () => {
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body });
      });
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

/** POSTs `query` to `<url>/graphql` on a new connection. */
export function freshGraphQL(url: string, query: string): Promise<RawResponse> {
  return freshRequest(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
}

/** A raw TCP connection to the subgraph that writes what the test says, when the test says it. */
export interface RawConnection {
  readonly socket: Socket;
  write(text: string): void;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves with everything the server sent once the socket has closed (by either side). */
  readonly closed: Promise<string>;
}

export function openRawConnection(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    // A reset after the server's answer is still the server closing it.
    socket.on('error', () => undefined);
    const closed = new Promise<string>((resolveClosed) => {
      socket.once('close', () => {
        resolveClosed(received);
      });
    });
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve({ socket, write: (text) => socket.write(text), received: () => received, closed });
    });
    socket.once('error', reject);
  });
}

/** The head of a `POST /graphql` whose body is `contentLength` bytes long, tagged with `requestId`. */
export function graphqlRequestHead(url: string, requestId: string, contentLength: number, connection = 'keep-alive'): string {
  return [
    'POST /graphql HTTP/1.1',
    `Host: ${new URL(url).host}`,
    'Content-Type: application/json',
    `Content-Length: ${String(contentLength)}`,
    `X-Request-Id: ${requestId}`,
    `Connection: ${connection}`,
    '',
    '',
  ].join('\r\n');
}

/** The pino records the subgraph wrote so far (the sandbox banner and other non-JSON lines skipped). */
export function logRecords(subgraph: SpawnedSubgraph): Record<string, unknown>[] {
  return subgraph.lines().flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

/** The `phase` of every shutdown log record, in the order they were written. */
export function shutdownPhases(subgraph: SpawnedSubgraph): unknown[] {
  return logRecords(subgraph)
    .map((record) => record.phase)
    .filter((phase) => phase !== undefined);
}

/** Polls until `condition` holds (no deadline of its own: jest's test timeout bounds it). */
export async function until(condition: () => boolean | Promise<boolean>, intervalMs = 20): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, intervalMs));
}

/** Resolves once fastify logged (at debug) that the request tagged `requestId` reached its route (it is in flight). */
export function untilRequestArrived(subgraph: SpawnedSubgraph, requestId: string): Promise<void> {
  return until(() => logRecords(subgraph).some((record) => record.reqId === requestId && record.msg === 'incoming request'));
}

/** The status code on the first line of a raw HTTP answer, or undefined when the server sent nothing. */
export function statusOf(raw: string): number | undefined {
  const match = /^HTTP\/1\.1 (\d{3}) /.exec(raw);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

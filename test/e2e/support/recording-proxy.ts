import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

/** One request a gateway sent to the subgraph behind the proxy. */
export interface ProxiedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface RecordingProxy {
  /** The URL gateways are given for the subgraph (`…/graphql`). */
  readonly url: string;
  /** What went through, in order, since start or `clear()`. */
  requests(): readonly ProxiedRequest[];
  clear(): void;
  close(): Promise<void>;
}

/**
 * A pass-through HTTP proxy on 127.0.0.1:0 in front of a subgraph, recording what a gateway sends, so
 * tests can assert fetch counts and propagated headers the same way for every gateway.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  let recorded: ProxiedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      recorded.push({ headers: incoming.headers, body });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (typeof incoming.headers.authorization === 'string') headers.authorization = incoming.headers.authorization;
      request(`${target}${incoming.url ?? '/graphql'}`, { method: 'POST', headers, body })
        .then(async (answer) => {
          outgoing.writeHead(answer.statusCode, { 'content-type': 'application/json' });
          outgoing.end(await answer.body.text());
        })
        .catch((error: unknown) => {
          outgoing.writeHead(502);
          outgoing.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/graphql`,
    requests: () => recorded,
    clear: () => {
      recorded = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

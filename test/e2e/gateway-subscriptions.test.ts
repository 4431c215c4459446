import { composeServices } from '@apollo/composition';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { parse } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { printAgreementsSchema } from '../../src/graphql/print-schema';
import { essCallback, flowStatusChange } from '../support/ess-callback';
import { startTestApp, type TestApp } from '../support/test-app';
import { untilSubscriptions } from '../support/until';

/**
 * A subscription through Hive Gateway (DESIGN.md "Events": the subgraph speaks graphql-transport-ws, as
 * routers expect of subgraphs): the client subscribes at the gateway over Server-Sent Events, the gateway
 * subscribes at this subgraph over WebSocket, and a vendor callback into the subgraph reaches the client.
 */
const UPDATED_ON = 1_796_378_400;

interface RunningHive {
  readonly url: string;
  stop(): Promise<void>;
}

async function startHiveWithSubscriptions(supergraph: string): Promise<RunningHive> {
  const runtime = createGatewayRuntime({
    supergraph,
    logging: process.env.HIVE_DEBUG ? 'debug' : false,
    // The subgraph takes subscriptions on its own /graphql over graphql-transport-ws.
    transportEntries: { agreements: { options: { subscriptions: { kind: 'ws', location: '/graphql' } } } },
  });
  const server: Server = createServer((incoming, outgoing) => {
    void runtime(incoming, outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/graphql`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await runtime.dispose();
    },
  };
}

/** Reads `event: next` payloads from a GraphQL-over-SSE response body, in order. */
async function* sseResults(body: AsyncIterable<Buffer>): AsyncGenerator {
  let pending = '';
  for await (const chunk of body) {
    pending += chunk.toString('utf8');
    let end = pending.indexOf('\n\n');
    while (end !== -1) {
      const message = pending.slice(0, end);
      pending = pending.slice(end + 2);
      const data = message
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .join('');
      if (data !== '' && !message.includes('event: complete')) yield JSON.parse(data);
      end = pending.indexOf('\n\n');
    }
  }
}

describe('subscriptions through Hive Gateway', () => {
  let app: TestApp;
  let gateway: RunningHive;

  beforeAll(async () => {
    app = await startTestApp();
    const composed = composeServices([{ name: 'agreements', typeDefs: parse(await printAgreementsSchema()), url: `${app.url}/graphql` }]);
    if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((error) => error.message).join('; ')}`);
    gateway = await startHiveWithSubscriptions(composed.supergraphSdl);
  });

  afterAll(async () => {
    await gateway.stop();
    await app.close();
  });

  it('delivers an event triggered by a vendor callback to a client subscribed at the gateway', async () => {
    const callback = app.settings.ess?.callback;
    const flowId = app.ess.seeded.signed.at(0);
    if (callback === undefined || flowId === undefined) throw new Error('the sandbox has an ESS callback key and signed flows');
    const aborted = new AbortController();
    const response = await request(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: 'subscription ($ids: [ID!]) { flowEvents(flowIds: $ids) { eventId flowId status operation flow { id status } } }',
        variables: { ids: [flowId] },
      }),
      signal: aborted.signal,
    });
    expect(response.statusCode).toBe(200);
    const results = sseResults(response.body);
    const first = results.next();

    // The gateway subscribes at the subgraph once the client's subscription runs: wait for it there.
    await untilSubscriptions(app.url, 'flow', 1);
    const signed = essCallback(callback.key, callback.token, flowStatusChange('msg-gateway-1', flowId, 4, 'finish', UPDATED_ON));
    const posted = await request(`${app.url}/callbacks/tencent-ess`, { method: 'POST', headers: signed.headers, body: signed.body });
    expect(posted.statusCode).toBe(200);
    await posted.body.dump();

    expect((await first).value).toEqual({
      data: {
        flowEvents: { eventId: 'msg-gateway-1', flowId, status: 'SIGNED', operation: 'FINISH', flow: { id: flowId, status: 'SIGNED' } },
      },
    });
    aborted.abort();
    await results.return(undefined).catch(() => undefined);
    // The client left: the gateway's subscription at the subgraph ends too.
    await untilSubscriptions(app.url, 'flow', 0);
  });
});

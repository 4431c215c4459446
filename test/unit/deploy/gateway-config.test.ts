import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import {
  createGatewayRuntime,
  useCustomFetch,
  type GatewayConfigSupergraph,
  type PropagateHeadersOpts,
} from '@graphql-hive/gateway-runtime';
import { OperationTypeNode, parse, type DocumentNode } from 'graphql';
import { AGREEMENTS_SUBGRAPH, createGatewayConfig, gatewayConfig } from '../../../deploy/gateway.config';
import { DESIGN_DEFAULTS, ROOT, SUBGRAPH_NAME, supergraphRoutingUrl } from './deploy-files';

/**
 * deploy/gateway.config.ts (Hive Gateway). The config is checked as an object, then run in-process by
 * the Hive runtime against a fake fetch: no sockets, no network.
 */

type ClientToSubgraphsPayload = Parameters<NonNullable<PropagateHeadersOpts<Record<string, unknown>>['fromClientToSubgraphs']>>[0];

const QUERY: DocumentNode = parse('query { flow(id: "f1") { id } }');
const SUBSCRIPTION: DocumentNode = parse('subscription { flowEvents { eventId } }');

async function propagatedHeaders(config: GatewayConfigSupergraph, subgraphName: string, headers: Record<string, string>) {
  const request = new Request('http://gateway.test/graphql', { headers });
  const payload = { request, subgraphName, context: {} } as unknown as ClientToSubgraphsPayload;
  return (await config.propagateHeaders?.fromClientToSubgraphs?.(payload)) ?? {};
}

function timeoutFor(config: GatewayConfigSupergraph, subgraphName: string, document: DocumentNode, operationType: OperationTypeNode) {
  const option = config.upstreamTimeout;
  return typeof option === 'function' ? option({ subgraphName, executionRequest: { document, operationType } }) : option;
}

function agreementsEntry(config: GatewayConfigSupergraph) {
  return config.transportEntries?.[AGREEMENTS_SUBGRAPH];
}

describe('deploy/gateway.config.ts', () => {
  it('configures the subgraph by the name deploy/supergraph.yaml composes it under', () => {
    expect(AGREEMENTS_SUBGRAPH).toBe(SUBGRAPH_NAME);
    expect(gatewayConfig).toEqual(expect.objectContaining({ transportEntries: expect.any(Object) as unknown }));
  });

  it('propagates the caller’s Authorization header to this subgraph only', async () => {
    const config = createGatewayConfig({});
    const headers = { authorization: 'Bearer caller-token', 'x-request-id': 'req-1', cookie: 'c=1' };
    expect(await propagatedHeaders(config, SUBGRAPH_NAME, headers)).toEqual({
      authorization: 'Bearer caller-token',
      'x-request-id': 'req-1',
    });
    expect(await propagatedHeaders(config, 'other', headers)).toEqual({});
  });

  it('waits longer than VENDOR_TIMEOUT_MS for queries and mutations, and never cuts a subscription', () => {
    const config = createGatewayConfig({});
    expect(timeoutFor(config, SUBGRAPH_NAME, QUERY, OperationTypeNode.QUERY)).toBeGreaterThan(DESIGN_DEFAULTS.VENDOR_TIMEOUT_MS);
    expect(timeoutFor(config, SUBGRAPH_NAME, SUBSCRIPTION, OperationTypeNode.SUBSCRIPTION)).toBeUndefined();
  });

  it('keeps the subgraph’s error codes (the subgraph-error plugin only fills in a missing code)', () => {
    expect(createGatewayConfig({}).subgraphErrors).not.toBe(false);
  });

  it('takes the subgraph URL from AGREEMENTS_SUBGRAPH_URL, else the routing_url of deploy/supergraph.yaml', () => {
    expect(agreementsEntry(createGatewayConfig({}))?.location).toBe(supergraphRoutingUrl());
    expect(agreementsEntry(createGatewayConfig({ AGREEMENTS_SUBGRAPH_URL: ' ' }))?.location).toBe(supergraphRoutingUrl());
    expect(agreementsEntry(createGatewayConfig({ AGREEMENTS_SUBGRAPH_URL: 'http://10.0.0.7:4001/graphql' }))?.location).toBe(
      'http://10.0.0.7:4001/graphql',
    );
  });

  it('subscribes over WebSocket (graphql-transport-ws) on /graphql, forwarding Authorization', () => {
    const subscriptions = agreementsEntry(createGatewayConfig({}))?.options?.subscriptions as Record<string, unknown> | undefined;
    expect(subscriptions).toEqual(
      expect.objectContaining({
        kind: 'ws',
        location: '/graphql',
        options: { connectionParams: { Authorization: '{context.headers.authorization}' } },
      }),
    );
  });
});

describe('deploy/gateway.config.ts in the Hive runtime (fake fetch, no network)', () => {
  const SUBGRAPH_URL = 'http://agreements.test:4001/graphql';
  const calls: { url: string; headers: Headers }[] = [];

  /** The subgraph's answer when a vendor missed its deadline: a typed, field-level error. */
  const deadlineExceeded = {
    data: { flow: null },
    errors: [
      {
        message: 'Tencent ESS did not answer within 10000 ms',
        path: ['flow'],
        extensions: { code: 'DEADLINE_EXCEEDED', vendor: 'TENCENT_ESS', vendorRequestId: null, retryable: true },
      },
    ],
  };

  async function runtimeFor() {
    const sdl = await readFile(join(ROOT, 'schema', 'schema.graphql'), 'utf8');
    const composed = composeServices([{ name: SUBGRAPH_NAME, typeDefs: parse(sdl), url: supergraphRoutingUrl() }]);
    expect(composed.errors ?? []).toEqual([]);
    return createGatewayRuntime({
      ...createGatewayConfig({ AGREEMENTS_SUBGRAPH_URL: SUBGRAPH_URL }),
      supergraph: composed.supergraphSdl ?? '',
      logging: false,
      plugins: () => [
        useCustomFetch((url, options) => {
          calls.push({ url, headers: new Headers(options?.headers) });
          return Promise.resolve(Response.json(deadlineExceeded));
        }),
      ],
    });
  }

  it('sends the caller’s Authorization to AGREEMENTS_SUBGRAPH_URL and hands back the typed error unchanged', async () => {
    const runtime = await runtimeFor();
    try {
      const response = await runtime.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer caller-token' },
        body: JSON.stringify({ query: 'query { flow(id: "f1") { id } }' }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { path?: unknown; extensions?: Record<string, unknown> }[] };
      expect(calls.map((call) => call.url)).toContain(SUBGRAPH_URL);
      expect(calls.find((call) => call.url === SUBGRAPH_URL)?.headers.get('authorization')).toBe('Bearer caller-token');
      expect(body.data).toEqual({ flow: null });
      expect(body.errors?.[0]?.path).toEqual(['flow']);
      expect(body.errors?.[0]?.extensions).toEqual(
        expect.objectContaining({ code: 'DEADLINE_EXCEEDED', vendor: 'TENCENT_ESS', retryable: true }),
      );
    } finally {
      await runtime.dispose();
    }
  });
});

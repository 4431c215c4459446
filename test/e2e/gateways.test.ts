import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SignJWT } from 'jose';
import { request } from 'undici';
import { printAgreementsSchema } from '../../src/graphql/print-schema';
import { makeFlows } from '../../src/sandbox/tencent-ess/simulator';
import { startTestApp, type TestApp } from '../support/test-app';
import { CONTRACTS_TYPE_DEFS, startContractsSubgraph, type RunningSubgraph } from './support/contracts-subgraph';
import { startApolloGateway, startHiveGateway, type RunningGateway } from './support/gateways';
import { startRecordingProxy, type RecordingProxy } from './support/recording-proxy';

/**
 * This subgraph in sandbox mode behind two real gateways, composed with a second subgraph that
 * references Flow, Document and Invitation by key (DESIGN.md: the default SDL loads in Apollo Gateway and
 * Hive Gateway; errors keep their extensions; one failing field keeps the other subgraph's data).
 */
const SECRET = 'a-shared-secret-of-at-least-32-bytes!!';
const ISSUER = 'https://issuer.test';
const AUDIENCE = 'agreements-subgraph';

interface GatewayResponse {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly {
    readonly message: string;
    readonly path?: readonly (string | number)[];
    readonly extensions?: Record<string, unknown>;
  }[];
}

async function query(
  gateway: RunningGateway,
  source: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GatewayResponse> {
  const response = await request(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: source, variables }),
  });
  return { status: response.statusCode, ...((await response.body.json()) as Omit<GatewayResponse, 'status'>) };
}

function token(scope: string): Promise<string> {
  return new SignJWT({ scope })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('e2e-user')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(SECRET));
}

interface Supergraph {
  readonly app: TestApp;
  readonly proxy: RecordingProxy;
  readonly contracts: RunningSubgraph;
  readonly sdl: string;
  close(): Promise<void>;
}

async function startSupergraph(env: Readonly<Record<string, string>>, federationAuthDirectives: boolean): Promise<Supergraph> {
  const app = await startTestApp({ env });
  const proxy = await startRecordingProxy(app.url);
  const contracts = await startContractsSubgraph();
  const composed = composeServices([
    { name: 'agreements', typeDefs: parse(await printAgreementsSchema({ federationAuthDirectives })), url: proxy.url },
    { name: 'contracts', typeDefs: CONTRACTS_TYPE_DEFS, url: contracts.url },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  return {
    app,
    proxy,
    contracts,
    sdl: composed.supergraphSdl,
    close: async () => {
      await contracts.stop();
      await proxy.close();
      await app.close();
    },
  };
}

const GATEWAYS: readonly [string, (sdl: string) => Promise<RunningGateway>][] = [
  ['Apollo Gateway', startApolloGateway],
  ['Hive Gateway', startHiveGateway],
];

describe.each(GATEWAYS)('through %s', (_name, startGateway) => {
  let supergraph: Supergraph;
  let gateway: RunningGateway;
  const flows = makeFlows(250, 'gateway');

  beforeAll(async () => {
    supergraph = await startSupergraph({}, false);
    for (const flow of flows) supergraph.app.ess.putFlow(flow);
    gateway = await startGateway(supergraph.sdl);
  });
  beforeEach(() => {
    supergraph.proxy.clear();
    supergraph.app.ess.clearRecords();
    supergraph.app.ess.faults.clear();
  });
  afterAll(async () => {
    await gateway.stop();
    await supergraph.close();
  });

  const entityFetches = (): number => supergraph.proxy.requests().filter((sent) => sent.body.includes('_entities')).length;

  it('answers a query across both subgraphs', async () => {
    const { app } = supergraph;
    const signed = app.ess.seeded.signed.at(0) ?? '';
    const result = await query(
      gateway,
      `query ($flowIds: [ID!]!, $documentId: ID, $invitationId: ID) {
        contracts(flowIds: $flowIds, documentId: $documentId, invitationId: $invitationId) {
          id title flow { id status } document { id status } invitation { id type }
        }
      }`,
      { flowIds: [signed], documentId: app.vnpt.seeded.byStatus.READY, invitationId: app.volc.seededInvitationIds().at(0) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      contracts: [
        {
          id: 'contract-0',
          title: 'Contract 0',
          flow: { id: signed, status: 'SIGNED' },
          document: { id: app.vnpt.seeded.byStatus.READY, status: 'READY' },
          invitation: { id: app.volc.seededInvitationIds().at(0), type: expect.any(String) as unknown },
        },
      ],
    });
  });

  it('resolves 250 Flow references with one _entities fetch and 3 DescribeFlowInfo calls', async () => {
    const ids = flows.map((flow) => flow.FlowId);
    const result = await query(gateway, 'query ($ids: [ID!]!) { contracts(flowIds: $ids) { flow { id status } } }', { ids });
    expect(result.errors).toBeUndefined();
    const contracts = result.data?.contracts as readonly { flow: { id: string } | null }[];
    expect(contracts.map((contract) => contract.flow?.id)).toEqual(ids);
    expect(entityFetches()).toBe(1);
    expect(supergraph.app.ess.accepted('DescribeFlowInfo').map((call) => (call.body.FlowIds as unknown[]).length)).toEqual([100, 100, 50]);
  });

  it('keeps the other subgraph data, with the vendor error extensions, when the flow read fails', async () => {
    supergraph.app.ess.faults.inject('DescribeFlowInfo', { kind: 'error', code: 'InternalError' }, 100);
    const ids = flows.slice(0, 2).map((flow) => flow.FlowId);
    const result = await query(gateway, 'query ($ids: [ID!]!) { contracts(flowIds: $ids) { id title flow { id status } } }', { ids });
    expect(result.data).toEqual({
      contracts: [
        { id: 'contract-0', title: 'Contract 0', flow: null },
        { id: 'contract-1', title: 'Contract 1', flow: null },
      ],
    });
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'VENDOR_UNAVAILABLE',
      vendor: 'TENCENT_ESS',
      vendorCode: 'InternalError',
      vendorRequestId: expect.any(String) as unknown,
      retryable: true,
    });
  });

  it('keeps a healthy root field of this subgraph beside a failing one', async () => {
    supergraph.app.ess.faults.inject('DescribeFlowInfo', { kind: 'error', code: 'InternalError' }, 100);
    const documentId = supergraph.app.vnpt.seeded.byStatus.PROCESSING;
    const result = await query(gateway, 'query ($f: ID!, $d: ID!) { flow(id: $f) { id } document(id: $d) { id status } }', {
      f: flows.at(0)?.FlowId,
      d: documentId,
    });
    expect(result.data).toEqual({ flow: null, document: { id: documentId, status: 'PROCESSING' } });
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['VENDOR_UNAVAILABLE']);
  });

  it.each([
    [
      'createReleaseFlow',
      'mutation ($id: ID!) { createReleaseFlow(input: { flowId: $id, reason: "业务调整" }) { __typename ... on CreateReleaseFlowSuccess { releaseFlowId originalFlowId } ... on Error { code } } }',
      (t: TestApp) => ({ id: t.ess.seeded.signed.at(1) }),
      'CreateReleaseFlowSuccess',
    ],
    [
      'remindFlows',
      'mutation ($id: ID!) { remindFlows(input: { flowIds: [$id] }) { __typename ... on RemindFlowsSuccess { records { flowId canRemind } } ... on Error { code } } }',
      (t: TestApp) => ({ id: t.ess.seeded.pending.at(0) }),
      'RemindFlowsSuccess',
    ],
    [
      'cancelDocument',
      'mutation ($id: ID!) { cancelDocument(input: { documentId: $id, reason: "Sai" }) { __typename ... on Error { code vendor } } }',
      (t: TestApp) => ({ id: t.vnpt.seeded.ownedByOther }),
      'PermissionDeniedError',
    ],
    [
      'respondToInvitation',
      'mutation { respondToInvitation(input: { invitationId: "not-one-of-ours", decision: ACCEPT }) { __typename ... on InvalidInputError { code field } } }',
      () => ({}),
      'InvalidInputError',
    ],
  ])('answers the %s union member', async (field, source, variables, typename) => {
    const result = await query(gateway, source, variables(supergraph.app));
    expect(result.errors).toBeUndefined();
    expect((result.data?.[field] as { __typename: string }).__typename).toBe(typename);
  });
});

describe.each(GATEWAYS)('through %s with AUTH_MODE=jwt and the router security directives', (_name, startGateway) => {
  let supergraph: Supergraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    supergraph = await startSupergraph(
      { AUTH_MODE: 'jwt', AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE },
      _name !== 'Apollo Gateway',
    );
    gateway = await startGateway(supergraph.sdl);
  });
  afterAll(async () => {
    await gateway.stop();
    await supergraph.close();
  });

  const FLOW = 'query ($id: ID!) { flow(id: $id) { id status } }';

  it('propagates the Authorization header to this subgraph', async () => {
    const bearer = await token('flows:read');
    const signed = supergraph.app.ess.seeded.signed.at(0);
    const result = await query(gateway, FLOW, { id: signed }, bearer);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ flow: { id: signed, status: 'SIGNED' } });
    expect(supergraph.proxy.requests().at(-1)?.headers.authorization).toBe(`Bearer ${bearer}`);
  });

  it('lets UNAUTHENTICATED reach the client without a token', async () => {
    const result = await query(gateway, FLOW, { id: supergraph.app.ess.seeded.signed.at(0) });
    expect(result.data?.flow ?? null).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.code)).toContain('UNAUTHENTICATED');
  });

  it('lets FORBIDDEN reach the client for a token without the scope', async () => {
    const result = await query(gateway, FLOW, { id: supergraph.app.ess.seeded.signed.at(0) }, await token('documents:read'));
    expect(result.data?.flow ?? null).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
  });
});

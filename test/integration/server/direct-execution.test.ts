import { getIntrospectionQuery } from 'graphql';
import { request } from 'undici';
import { DirectExecution } from '../../../src/graphql/direct-execution';
import { makeFlows } from '../../../src/sandbox/tencent-ess/simulator';
import { Scope } from '../../../src/auth/scopes';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TEST_JWT_ENV, testToken } from '../../support/test-jwt';

/**
 * The direct path (src/graphql/direct-execution.ts) must answer exactly as Apollo Server's pipeline does.
 * Two apps with identical simulator data get the same requests, each twice: one serves them on the direct
 * path (as in production), the other with it switched off, so Apollo answers everything. Status, the headers a client
 * reads and the body bytes must match, and each request must have been taken by the path the case names:
 * the common requests directly, the rest (refused documents, GET, batches, persisted queries, …) by Apollo.
 */

interface Case {
  readonly name: string;
  /** Whether the direct path answers it (else it is left to Apollo). */
  readonly direct: boolean;
  readonly method?: 'GET' | 'POST';
  /** Query string for GET. */
  readonly search?: string;
  /** A JSON body (stringified here) or a raw string. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Faults injected into both apps' ESS simulators before the request. */
  readonly essFault?: { readonly action: string; readonly code: string };
  /** A bearer token (the JWT apps): `scopes` signed with the app's key, `forged` with another key. */
  readonly token?: { readonly scopes: string } | 'forged';
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | undefined>;
  readonly body: string;
}

const flows = makeFlows(3, 'direct-path');
const flowId = (index: number): string => flows.at(index)?.FlowId ?? '';

const FLOW = 'query Flow($id: ID!) { flow(id: $id) { id name status } }';
const FLOWS = 'query Flows($ids: [ID!]!) { flows(ids: $ids) { id status } }';
const ENTITIES =
  'query Entities($representations: [_Any!]!) { _entities(representations: $representations) { __typename ... on Flow { id status } ... on Invitation { id invitationStatus: status } } }';
/** The Volcengine sandbox's first seeded invitation (relation rel7242575109678977324), the same in both apps. */
const SEEDED_INVITATION_ID = 'aW52OjE6cmVsNzI0MjU3NTEwOTY3ODk3NzMyNA';
const REMIND =
  'mutation Remind($input: RemindFlowsInput!) { remindFlows(input: $input) { __typename ... on RemindFlowsSuccess { records { flowId canRemind } } ... on Error { message code } } }';
const RELEASE =
  'mutation Release($input: CreateReleaseFlowInput!) { createReleaseFlow(input: $input) { __typename ... on Error { message code } } }';
const CANCEL =
  'mutation Cancel($input: CancelDocumentInput!) { cancelDocument(input: $input) { __typename ... on CancelDocumentSuccess { documentId } ... on Error { code message vendorCode retryable } } }';
const RESPOND =
  'mutation Respond($input: RespondToInvitationInput!) { respondToInvitation(input: $input) { __typename ... on Error { code message } ... on InvalidInputError { field } } }';
/** Two root mutation fields: run one after the other, each with its own typed answer. */
const REMIND_THEN_RELEASE = `mutation RemindThenRelease($remind: RemindFlowsInput!, $release: CreateReleaseFlowInput!) {
  reminded: remindFlows(input: $remind) { __typename ...Failure ... on RemindFlowsSuccess { records { flowId canRemind flow { id status } } } }
  released: createReleaseFlow(input: $release) { __typename ...Failure }
}
fragment Failure on Error { code message retryable }`;
const TWO_OPERATIONS = `${FLOW} query Typename { __typename }`;
/** More tokens than QUERY_LIMITS.maxTokens (2,000) allows. */
const TOO_MANY_TOKENS = `{ ${'__typename '.repeat(2_100)}}`;

const CASES: readonly Case[] = [
  { name: 'a read', direct: true, body: { query: FLOW, variables: { id: flowId(0) } } },
  {
    name: 'a list with an invalid and an unknown id',
    direct: true,
    body: { query: FLOWS, variables: { ids: [flowId(0), '', 'yDwFmUnknown000000000000000000'] } },
  },
  {
    name: '_entities with a reference that does not resolve',
    direct: true,
    body: {
      query: ENTITIES,
      variables: {
        representations: [
          { __typename: 'Flow', id: flowId(1) },
          { __typename: 'Flow', id: 'yDwFmUnknown000000000000000001' },
        ],
      },
    },
  },
  {
    name: '_entities naming a type this subgraph lacks',
    direct: true,
    body: { query: ENTITIES, variables: { representations: [{ __typename: 'Nope', id: '1' }] } },
  },
  {
    name: 'a read the vendor fails',
    direct: true,
    body: { query: FLOW, variables: { id: flowId(2) } },
    essFault: { action: 'DescribeFlowInfo', code: 'InternalError' },
  },
  {
    name: '_entities with an invalid reference and an invitation between two flows whose batch the vendor fails',
    direct: true,
    body: {
      query: ENTITIES,
      variables: {
        representations: [
          { __typename: 'Flow', id: flowId(0) },
          { __typename: 'Flow', id: ' ' },
          { __typename: 'Invitation', id: SEEDED_INVITATION_ID },
          { __typename: 'Flow', id: flowId(1) },
        ],
      },
    },
    essFault: { action: 'DescribeFlowInfo', code: 'InternalError' },
  },
  {
    name: 'a list the vendor fails',
    direct: true,
    body: { query: FLOWS, variables: { ids: [flowId(0), flowId(1)] } },
    essFault: { action: 'DescribeFlowInfo', code: 'InternalError' },
  },
  {
    name: 'fragments, aliases, @include and @skip from variables',
    direct: true,
    body: {
      query: `query Shaped($ids: [ID!]!, $id: ID!, $withName: Boolean!, $skipStatus: Boolean!) {
        first: flow(id: $id) { ...Parts }
        all: flows(ids: $ids) { ... on Flow { flowId: id } ...Parts }
        again: flow(id: $id) { id name @include(if: $withName) }
      }
      fragment Parts on Flow { id name @include(if: $withName) status @skip(if: $skipStatus) approvers { name status } }`,
      variables: { ids: [flowId(2), flowId(1), flowId(2)], id: flowId(1), withName: false, skipStatus: true },
    },
  },
  { name: "federation's _service SDL", direct: true, body: { query: '{ _service { sdl } }' } },
  {
    name: 'introspection, as Apollo Sandbox asks it',
    direct: true,
    body: { query: getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true }) },
  },
  { name: 'a mutation answering success', direct: true, body: { query: REMIND, variables: { input: { flowIds: [flowId(0)] } } } },
  {
    name: 'a mutation answering a typed error',
    direct: true,
    body: { query: RELEASE, variables: { input: { flowId: '   ', reason: 'r' } } },
  },
  {
    name: 'a cancel of a document the vendor does not know',
    direct: true,
    body: { query: CANCEL, variables: { input: { documentId: '00000000-0000-4000-8000-000000000000', reason: 'Issued by mistake.' } } },
  },
  {
    name: 'an answer to an invitation without the fields it needs',
    direct: true,
    body: { query: RESPOND, variables: { input: { decision: 'ACCEPT' } } },
  },
  {
    name: 'two root mutation fields, aliased, with a fragment on the error interface',
    direct: true,
    body: {
      query: REMIND_THEN_RELEASE,
      variables: { remind: { flowIds: [flowId(1), flowId(2)] }, release: { flowId: flowId(0), reason: '' } },
    },
  },
  { name: '{ __typename } without operation name or variables', direct: true, body: { query: '{ __typename }' } },
  {
    name: 'two operations, one named',
    direct: true,
    body: { query: TWO_OPERATIONS, operationName: 'Typename', variables: null, extensions: {} },
  },
  {
    name: 'Accept: application/graphql-response+json',
    direct: true,
    body: { query: '{ __typename }' },
    headers: { accept: 'application/graphql-response+json' },
  },
  {
    name: 'Accept: application/json, */*',
    direct: true,
    body: { query: '{ __typename }' },
    headers: { accept: 'application/json, */*;q=0.5' },
  },
  {
    name: 'a federated trace asked for while traces are off',
    direct: true,
    body: { query: '{ __typename }' },
    headers: { 'apollo-federation-include-trace': 'ftv1' },
  },
  { name: 'a syntax error', direct: false, body: { query: '{ flow(id: ' } },
  { name: 'an unknown field', direct: false, body: { query: '{ nope }' } },
  { name: 'a document over the token limit', direct: false, body: { query: TOO_MANY_TOKENS } },
  { name: 'a required variable missing', direct: false, body: { query: FLOW, variables: {} } },
  { name: 'a variable of the wrong type', direct: false, body: { query: FLOWS, variables: { ids: [true] } } },
  { name: 'an unknown operation name', direct: false, body: { query: FLOW, operationName: 'Other', variables: { id: flowId(0) } } },
  { name: 'two operations, none named', direct: false, body: { query: TWO_OPERATIONS } },
  { name: 'a subscription over HTTP', direct: false, body: { query: 'subscription { invitationEvents { eventId } }' } },
  { name: 'a body without a query', direct: false, body: { variables: {} } },
  { name: 'a query that is not a string', direct: false, body: { query: { kind: 'Document' } } },
  { name: 'variables as a JSON string', direct: false, body: { query: '{ __typename }', variables: '{}' } },
  { name: 'a batch', direct: false, body: [{ query: '{ __typename }' }] },
  { name: 'a persisted query', direct: false, body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } } },
  {
    name: 'a persisted query with its text',
    direct: false,
    body: { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } },
  },
  {
    name: 'an Accept header wanting neither JSON type',
    direct: false,
    body: { query: '{ __typename }' },
    headers: { accept: 'application/xml' },
  },
  {
    name: 'GET',
    direct: false,
    method: 'GET',
    search: `?query=${encodeURIComponent('{ __typename }')}`,
    headers: { 'apollo-require-preflight': 'true' },
  },
  {
    name: 'a mutation over GET',
    direct: false,
    method: 'GET',
    search: `?query=${encodeURIComponent('mutation { __typename }')}`,
    headers: { 'apollo-require-preflight': 'true' },
  },
];

async function bearer(token: Case['token']): Promise<Record<string, string>> {
  if (token === undefined) return {};
  const signed = token === 'forged' ? await testToken(Scope.FLOWS_READ, 'user', { secret: 'x'.repeat(40) }) : await testToken(token.scopes);
  return { authorization: `Bearer ${signed}` };
}

/** With NODE_ENV=production (introspection and suggestions off), AUTH_MODE=jwt and APOLLO_INLINE_TRACES=true. */
const PRODUCTION_CASES: readonly Case[] = [
  { name: 'a read with the scope', direct: true, token: { scopes: Scope.FLOWS_READ }, body: { query: FLOW, variables: { id: flowId(0) } } },
  {
    name: 'a read without the scope',
    direct: true,
    token: { scopes: Scope.DOCUMENTS_READ },
    body: { query: FLOW, variables: { id: flowId(0) } },
  },
  {
    name: 'a mutation without the scope',
    direct: true,
    token: { scopes: Scope.FLOWS_READ },
    body: { query: REMIND, variables: { input: { flowIds: [flowId(0)] } } },
  },
  { name: 'no token (the fields refuse an anonymous caller)', direct: true, body: { query: FLOW, variables: { id: flowId(0) } } },
  { name: 'a token signed with another key', direct: false, token: 'forged', body: { query: FLOW, variables: { id: flowId(0) } } },
  {
    name: 'a federated trace asked for',
    direct: false,
    token: { scopes: Scope.FLOWS_READ },
    body: { query: FLOW, variables: { id: flowId(0) } },
    headers: { 'apollo-federation-include-trace': 'ftv1' },
  },
  { name: 'introspection', direct: false, token: { scopes: Scope.FLOWS_READ }, body: { query: '{ __schema { queryType { name } } }' } },
  {
    name: 'a misspelt field (suggestions hidden)',
    direct: false,
    token: { scopes: Scope.FLOWS_READ },
    body: { query: '{ flo(id: "x") { id } }' },
  },
  {
    name: 'a misspelt enum value in a variable',
    direct: false,
    token: { scopes: Scope.FLOWS_WRITE },
    body: { query: REMIND, variables: { input: { flowIds: [flowId(0)], remindTypes: ['SMZ'] } } },
  },
];

async function send(t: TestApp, testCase: Case): Promise<Answer> {
  if (testCase.essFault) t.ess.faults.inject(testCase.essFault.action, { kind: 'error', code: testCase.essFault.code }, 100);
  try {
    const method = testCase.method ?? 'POST';
    const response = await request(`${t.url}/graphql${testCase.search ?? ''}`, {
      method,
      headers: {
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        ...(await bearer(testCase.token)),
        ...testCase.headers,
      },
      body: method === 'POST' ? JSON.stringify(testCase.body) : undefined,
    });
    const body = await response.body.text();
    const header = (name: string): string | undefined => {
      const value = response.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    };
    return {
      status: response.statusCode,
      headers: {
        'content-type': header('content-type'),
        'cache-control': header('cache-control'),
        'www-authenticate': header('www-authenticate'),
      },
      // A masked internal error carries a fresh correlation id, a vendor error the simulator's fresh request
      // id; nothing else differs between the apps.
      // A federated trace holds timings.
      body: body.replace(/"(correlationId|vendorRequestId)":"[0-9a-f-]{36}"/g, '"$1":"…"').replace(/"ftv1":"[^"]+"/g, '"ftv1":"…"'),
    };
  } finally {
    t.ess.faults.clear();
  }
}

/** The `graphql_requests_total` lines of an app's /metrics. */
async function requestCounts(t: TestApp): Promise<string[]> {
  const response = await request(`${t.url}/metrics`);
  const text = await response.body.text();
  return text.split('\n').filter((line) => line.startsWith('graphql_requests_total{'));
}

describe.each([
  { setting: 'development defaults', env: {}, cases: CASES },
  {
    setting: 'production, JWT and inline traces',
    env: { NODE_ENV: 'production', APOLLO_INLINE_TRACES: 'true', ...TEST_JWT_ENV },
    cases: PRODUCTION_CASES,
  },
])('the direct path answers as Apollo Server does ($setting)', ({ env, cases }) => {
  let direct: TestApp;
  let apollo: TestApp;
  let serve: jest.SpiedFunction<DirectExecution<unknown>['serve']>;
  /** Per call of `serve` since the last clear: whether it answered (true) or left the request to Apollo. */
  const answeredDirectly = async (): Promise<boolean[]> => {
    const answers: (string | undefined)[] = await Promise.all(
      serve.mock.results.map((result) => (result.type === 'return' ? result.value : Promise.reject(new Error('serve threw')))),
    );
    return answers.map((answer) => answer !== undefined);
  };

  beforeAll(async () => {
    [direct, apollo] = await Promise.all([startTestApp({ env }), startTestApp({ env, directExecution: false })]);
    for (const t of [direct, apollo]) for (const flow of flows) t.ess.putFlow(flow);
    // Calls through to the real `serve`, keeping what each call resolved with: a body (answered) or undefined.
    serve = jest.spyOn(DirectExecution.prototype, 'serve');
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await Promise.all([direct.close(), apollo.close()]);
  });

  // Each request goes twice to each app: the direct path runs an operation on graphql-js the first time
  // and compiled by graphql-jit from the second (`CompiledOperations`); both runs must answer as Apollo does.
  it.each(cases)('$name', async (testCase) => {
    serve.mockClear();
    const viaApollo = [await send(apollo, testCase), await send(apollo, testCase)];
    expect(serve).not.toHaveBeenCalled();

    const viaDirect = [await send(direct, testCase), await send(direct, testCase)];

    expect(viaDirect).toEqual(viaApollo);
    expect(await answeredDirectly()).toEqual([testCase.direct, testCase.direct]);
  });

  it('counted every request in graphql_requests_total as Apollo did', async () => {
    const counts = await requestCounts(direct);

    expect(counts.length).toBeGreaterThan(0);
    expect(counts).toEqual(await requestCounts(apollo));
  });
});

import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { gql } from 'graphql-tag';
import { request } from 'undici';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../../../src/sandbox/loopback-server';
import { CreateReleaseFlowDocument, FlowByIdDocument, RemindFlowsDocument } from '../../generated/graphql';
import { postGraphQL } from '../../support/graphql-client';
import { startTestApp, type TestApp } from '../../support/test-app';

const SECRET = 'a-shared-secret-of-at-least-32-bytes!!';
const ISSUER = 'https://issuer.test';
const AUDIENCE = 'agreements-subgraph';
const JWT_ENV = { AUTH_MODE: 'jwt', AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE };

interface TokenOptions {
  readonly scope?: string;
  readonly sub?: string;
  readonly claims?: Record<string, unknown>;
  readonly issuer?: string;
  readonly audience?: string;
  readonly expiresIn?: string | number;
}

function hsToken(options: TokenOptions = {}): Promise<string> {
  return new SignJWT({ scope: options.scope ?? '', ...options.claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.sub ?? 'user-1')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(new TextEncoder().encode(SECRET));
}

/** Signs exactly `claims` (plus issuer and audience): no `sub` or `exp` unless given. */
function hsTokenWithClaims(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT({ scope: 'flows:read', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .sign(new TextEncoder().encode(SECRET));
}

const inFiveMinutes = (): number => Math.floor(Date.now() / 1000) + 300;

const FLOW_ENTITIES = gql`
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Flow {
        id
      }
    }
  }
`;

describe('AUTH_MODE=jwt with a shared secret', () => {
  let t: TestApp;
  let signedFlowId: string;
  let pendingFlowId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: JWT_ENV });
    signedFlowId = t.ess.seeded.signed[0] ?? '';
    pendingFlowId = t.ess.seeded.pending[0] ?? '';
  });
  beforeEach(() => {
    t.ess.clearRecords();
  });
  afterAll(() => t.close());

  const as = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

  it('refuses a query without a token with a top-level UNAUTHENTICATED and no vendor call', async () => {
    const result = await postGraphQL(t.url, FlowByIdDocument, { id: signedFlowId });
    expect(result.data?.flow).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(t.ess.requests()).toHaveLength(0);
  });

  it('answers a query for a token with flows:read', async () => {
    const result = await postGraphQL(t.url, FlowByIdDocument, { id: signedFlowId }, as(await hsToken({ scope: 'flows:read' })));
    expect(result.errors).toBeUndefined();
    expect(result.data?.flow?.id).toBe(signedFlowId);
  });

  it('refuses a mutation without its write scope as a top-level FORBIDDEN, not a union member', async () => {
    const token = await hsToken({ scope: 'flows:read documents:write' });
    const result = await postGraphQL(t.url, RemindFlowsDocument, { input: { flowIds: [pendingFlowId] } }, as(token));
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(t.ess.requests()).toHaveLength(0);
  });

  it('resolves entity references only with the read scope', async () => {
    const representations = [{ __typename: 'Flow', id: signedFlowId }];
    const refused = await postGraphQL(t.url, FLOW_ENTITIES, { representations }, as(await hsToken({ scope: 'flows:write' })));
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const allowed = await postGraphQL(t.url, FLOW_ENTITIES, { representations }, as(await hsToken({ scope: 'flows:read' })));
    expect(allowed.errors).toBeUndefined();
  });

  it('takes the ESS operator from the token claim ess_operator_id, never from input', async () => {
    const token = await hsToken({ scope: 'flows:read flows:write', claims: { ess_operator_id: 'operator-from-token' } });
    const result = await postGraphQL(t.url, RemindFlowsDocument, { input: { flowIds: [pendingFlowId] } }, as(token));
    expect(result.data?.remindFlows.__typename).toBe('RemindFlowsSuccess');
    expect(t.ess.accepted('CreateFlowReminds')[0]?.body.Operator).toEqual({ UserId: 'operator-from-token' });
  });

  it.each([
    ['an expired token', () => hsToken({ scope: 'flows:read', expiresIn: Math.floor(Date.now() / 1000) - 120 })],
    ['another issuer', () => hsToken({ scope: 'flows:read', issuer: 'https://evil.test' })],
    ['another audience', () => hsToken({ scope: 'flows:read', audience: 'someone-else' })],
    ['a tampered signature', async () => `${await hsToken({ scope: 'flows:read' })}x`],
    ['a token without exp', () => hsTokenWithClaims({ sub: 'user-1' })],
    ['a token without sub', () => hsTokenWithClaims({ exp: inFiveMinutes() })],
    ['a token with an empty sub', () => hsTokenWithClaims({ sub: '', exp: inFiveMinutes() })],
    ['a token whose sub is not a string', () => hsTokenWithClaims({ sub: 42, exp: inFiveMinutes() })],
    ['a token whose exp is not a number', () => hsTokenWithClaims({ sub: 'user-1', exp: 'tomorrow' })],
  ])('answers HTTP 401 UNAUTHENTICATED for %s', async (_case, makeToken) => {
    const response = await request(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await makeToken()}` },
      body: JSON.stringify({ query: '{ flow(id: "x") { id } }' }),
    });
    expect(response.statusCode).toBe(401);
    // RFC 6750 section 3: the challenge names the scheme.
    expect(response.headers['www-authenticate']).toBe('Bearer');
    const body = (await response.body.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.js/);
    expect(t.ess.requests()).toHaveLength(0);
  });

  it('answers 401 for an Authorization header that is not a bearer token', async () => {
    const response = await request(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.statusCode).toBe(401);
    await response.body.dump();
  });

  it('accepts a token that carries exp and sub (the claims a token must carry)', async () => {
    const token = await hsTokenWithClaims({ sub: 'user-1', exp: inFiveMinutes() });
    const result = await postGraphQL(t.url, FlowByIdDocument, { id: signedFlowId }, as(token));
    expect(result.errors).toBeUndefined();
    expect(result.data?.flow?.id).toBe(signedFlowId);
  });

  it('names the missing claim in the 401 message', async () => {
    const result = await postGraphQL(t.url, FlowByIdDocument, { id: signedFlowId }, as(await hsTokenWithClaims({ exp: inFiveMinutes() })));
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.message).toMatch(/"sub"/);
  });

  it('keeps subject "alice:op" with operator "x" apart from subject "alice" with operator "op:x" for one key', async () => {
    const input = { flowId: t.ess.seeded.signed[1] ?? '', reason: '业务调整', idempotencyKey: 'colliding-key' };
    const aliceOp = await hsToken({ sub: 'alice:op', scope: 'flows:read flows:write', claims: { ess_operator_id: 'x' } });
    const alice = await hsToken({ sub: 'alice', scope: 'flows:read flows:write', claims: { ess_operator_id: 'op:x' } });
    // A final error is stored for the key, so a shared namespace would replay it without a second call.
    t.ess.faults.inject('CreateReleaseFlow', { kind: 'error', code: 'FailedOperation' }, 2);
    const first = await postGraphQL(t.url, CreateReleaseFlowDocument, { input }, as(aliceOp));
    const second = await postGraphQL(t.url, CreateReleaseFlowDocument, { input }, as(alice));
    expect(first.data?.createReleaseFlow.__typename).toBe('FailedPreconditionError');
    expect(second.data?.createReleaseFlow.__typename).toBe('FailedPreconditionError');
    expect(t.ess.accepted('CreateReleaseFlow').map((call) => call.body.Operator)).toEqual([{ UserId: 'x' }, { UserId: 'op:x' }]);
  });

  it('keeps idempotency keys apart per caller: the same key from two subjects is two requests', async () => {
    const input = { flowId: t.ess.seeded.signed[1] ?? '', reason: '业务调整', idempotencyKey: 'shared-key' };
    const alice = await hsToken({ sub: 'alice', scope: 'flows:read flows:write' });
    const bob = await hsToken({ sub: 'bob', scope: 'flows:read flows:write' });
    t.ess.faults.inject('CreateReleaseFlow', { kind: 'error', code: 'FailedOperation' }, 2);
    const first = await postGraphQL(t.url, CreateReleaseFlowDocument, { input }, as(alice));
    const second = await postGraphQL(t.url, CreateReleaseFlowDocument, { input }, as(bob));
    expect(first.data?.createReleaseFlow.__typename).toBe('FailedPreconditionError');
    expect(second.data?.createReleaseFlow.__typename).toBe('FailedPreconditionError');
    expect(t.ess.accepted('CreateReleaseFlow')).toHaveLength(2);
  });
});

describe('AUTH_MODE=jwt with a JWKS URL', () => {
  let t: TestApp;
  let jwks: LoopbackServer;
  let sign: (scope: string) => Promise<string>;
  let signWithStrangerKey: (scope: string) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const stranger = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    jwks = await startLoopbackServer((_request, response) => {
      sendJson(response, 200, { keys: [jwk] });
    });
    const build = (scope: string) =>
      new SignJWT({ scope })
        .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
        .setSubject('svc')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime('5m');
    sign = (scope) => build(scope).sign(privateKey);
    signWithStrangerKey = (scope) => build(scope).sign(stranger.privateKey);
    t = await startTestApp({
      env: { AUTH_MODE: 'jwt', AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json`, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE },
    });
  });
  afterAll(async () => {
    await t.close();
    await jwks.close();
  });

  it('accepts a token signed by a key in the JWKS', async () => {
    const id = t.ess.seeded.signed[0] ?? '';
    const result = await postGraphQL(t.url, FlowByIdDocument, { id }, { authorization: `Bearer ${await sign('flows:read')}` });
    expect(result.errors).toBeUndefined();
    expect(result.data?.flow?.id).toBe(id);
  });

  it('refuses a token signed by a key that is not in the JWKS', async () => {
    const result = await postGraphQL(
      t.url,
      FlowByIdDocument,
      { id: 'x' },
      { authorization: `Bearer ${await signWithStrangerKey('flows:read')}` },
    );
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

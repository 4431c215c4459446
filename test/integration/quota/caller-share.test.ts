import { FlowByIdDocument } from '../../generated/graphql';
import { postGraphQL, type GraphQLResponse } from '../../support/graphql-client';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TEST_JWT_ENV, testToken } from '../../support/test-jwt';

const outcome = (result: GraphQLResponse<unknown>): string => {
  const code = result.errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : 'OK';
};

/**
 * CALLER_RATE_SHARE with AUTH_MODE=jwt: DescribeFlowInfo may run 10 times per window, one subject at
 * most half of that. The window is a minute long and nobody waits for a slot, so the counts below do not
 * depend on how fast the machine is.
 */
describe('fair share of a vendor action between callers', () => {
  let t: TestApp;
  let flowId: string;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        ...TEST_JWT_ENV,
        VENDORS: 'ess=sandbox,vnpt=off,volc=off',
        VENDOR_RATE_LIMITS: 'ess=10',
        CALLER_RATE_SHARE: '0.5',
      },
      resilience: { rateLimitMaxWaitMs: 0, rateLimitWindowMs: 60_000 },
    });
    flowId = t.ess.seeded.signed[0] ?? '';
  });
  afterAll(() => t.close());

  it('lets a second subject succeed within its share while the first one floods', async () => {
    const flooder = { authorization: `Bearer ${await testToken('flows:read', 'flooder')}` };
    const quiet = { authorization: `Bearer ${await testToken('flows:read', 'quiet')}` };
    const read = (headers: Record<string, string>) => postGraphQL(t.url, FlowByIdDocument, { id: flowId }, headers);

    // Each read goes through the request's DataLoader: its batch must still know who is calling.
    const [flood, calm] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, () => read(flooder))),
      Promise.all(Array.from({ length: 5 }, () => read(quiet))),
    ]);

    expect(flood.map(outcome).filter((code) => code === 'OK')).toHaveLength(5);
    expect(flood.map(outcome).filter((code) => code === 'RATE_LIMITED')).toHaveLength(15);
    expect(calm.map(outcome)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
    for (const result of calm) expect(result.data?.flow?.id).toBe(flowId);
    const refused = flood.find((result) => outcome(result) === 'RATE_LIMITED');
    expect(refused?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect(refused?.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(t.ess.accepted('DescribeFlowInfo')).toHaveLength(10);
  });

  it('refuses a subject past its share with RATE_LIMITED and a retryAfterSeconds to the end of its window', async () => {
    const result = await read('quiet');

    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    const retryAfter = result.errors?.[0]?.extensions?.retryAfterSeconds;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    async function read(subject: string): Promise<GraphQLResponse<unknown>> {
      return postGraphQL(t.url, FlowByIdDocument, { id: flowId }, { authorization: `Bearer ${await testToken('flows:read', subject)}` });
    }
  });
});

import { request } from 'undici';
import { essCallback, flowStatusChange } from '../../support/ess-callback';
import { connectSubscriptionClient } from '../../support/subscription-client';
import { startTestApp, type TestApp } from '../../support/test-app';
import { untilSubscriptions } from '../../support/until';
import { TEST_JWT_ENV, testToken } from '../../support/test-jwt';

const UPDATED_ON = 1_796_378_400;

/**
 * Each event a subscription renders is one operation of its subscriber (DESIGN.md "Reliability"): the
 * entity reads it causes count against the subscriber's share of the vendor rate, as its HTTP reads do.
 */
describe('vendor reads of subscription events', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        ...TEST_JWT_ENV,
        VENDORS: 'ess=sandbox,vnpt=off,volc=off',
        // Two DescribeFlowInfo a second, of which one caller may use half.
        VENDOR_RATE_LIMITS: 'ess=2',
        CALLER_RATE_SHARE: '0.5',
      },
      // No waiting for a slot, and slots that stay taken for the whole test: counts, not timing.
      resilience: { rateLimitMaxWaitMs: 0, rateLimitWindowMs: 600_000 },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it("count against the subscriber's rate share, one scope per event", async () => {
    const bearer = await testToken('flows:read', 'subscriber-1');
    const callback = t.settings.ess?.callback;
    const flowId = t.ess.seeded.signed.at(0);
    if (callback === undefined || flowId === undefined) throw new Error('the sandbox has an ESS callback key and signed flows');
    const client = await connectSubscriptionClient(t.url, { connectionParams: { authorization: `Bearer ${bearer}` } });
    const events = await client.subscribe('subscription { flowEvents { eventId flow { status } } }');
    await untilSubscriptions(t.url, 'flow', 1);

    for (const msgId of ['msg-scope-1', 'msg-scope-2']) {
      const signed = essCallback(callback.key, callback.token, flowStatusChange(msgId, flowId, 4, 'finish', UPDATED_ON));
      const response = await request(`${t.url}/callbacks/tencent-ess`, { method: 'POST', headers: signed.headers, body: signed.body });
      await response.body.dump();
    }

    expect(await events.next()).toEqual({ data: { flowEvents: { eventId: 'msg-scope-1', flow: { status: 'SIGNED' } } } });
    // The action has a slot left, but this caller's half is spent: the second event's read is refused.
    const second = await events.next();
    expect(second?.data).toEqual({ flowEvents: { eventId: 'msg-scope-2', flow: null } });
    expect(second?.errors?.[0]).toMatchObject({ path: ['flowEvents', 'flow'], extensions: { code: 'RATE_LIMITED' } });
    expect(t.ess.accepted('DescribeFlowInfo')).toHaveLength(1);
    await client.close();
  });
});

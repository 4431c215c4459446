import { request } from 'undici';
import { essCallback, flowStatusChange } from '../../support/ess-callback';
import { startTestRedis, type TestRedis } from '../../support/redis-server';
import { connectSubscriptionClient } from '../../support/subscription-client';
import { startTestApp, type TestApp } from '../../support/test-app';
import { until, untilSubscriptions } from '../../support/until';

const UPDATED_ON = 1_796_378_400;

/**
 * A callback while the shared store is down must neither be lost nor emitted twice: it is refused with
 * 503 (the vendor delivers it again), and once Redis is back the redelivery is emitted, once. A private
 * redis-server is killed and restarted.
 */
describe('vendor callbacks while Redis is down', () => {
  let redis: TestRedis;
  let t: TestApp;

  beforeAll(async () => {
    redis = await startTestRedis();
    t = await startTestApp({ env: { REDIS_URL: redis.url, VENDORS: 'ess=sandbox,vnpt=off,volc=off' } });
  });
  afterAll(async () => {
    await t.close();
    await redis.kill();
  });

  it('answers 503 so ESS redelivers, then emits the redelivery once Redis is back', async () => {
    const callback = t.settings.ess?.callback;
    const flowId = t.ess.seeded.signed.at(0);
    if (callback === undefined || flowId === undefined) throw new Error('the sandbox has an ESS callback key and signed flows');
    const signed = essCallback(callback.key, callback.token, flowStatusChange('msg-outage-1', flowId, 4, 'finish', UPDATED_ON));
    const post = async (): Promise<number> => {
      const response = await request(`${t.url}/callbacks/tencent-ess`, { method: 'POST', headers: signed.headers, body: signed.body });
      await response.body.dump();
      return response.statusCode;
    };

    await redis.kill();
    expect(await post()).toBe(503);
    const metrics = await (await request(`${t.url}/metrics`)).body.text();
    expect(metrics).toContain('events_refused_total{receiver="/callbacks/tencent-ess",reason="unavailable"} 1');

    await redis.start();
    // ESS redelivers until it gets a 200: once Redis answers again, the redelivery is recorded and emitted.
    const client = await connectSubscriptionClient(t.url);
    const events = await client.subscribe('subscription { flowEvents { eventId flowId } }');
    await untilSubscriptions(t.url, 'flow', 1);
    await until('a callback accepted once Redis answers again', async () => (await post()) === 200);
    expect(await events.next()).toEqual({ data: { flowEvents: { eventId: 'msg-outage-1', flowId } } });
    await client.close();
  });
});

import { request } from 'undici';
import { essCallback, flowStatusChange } from '../../support/ess-callback';
import { startEssReplicas, type EssReplicas } from '../../support/ess-replicas';
import { connectSubscriptionClient, type SubscriptionClient } from '../../support/subscription-client';
import { untilSubscriptions } from '../../support/until';

const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

/** A CallbackUrlKey (32 characters) and token the replicas and this test share, as ESS's console would. */
const CALLBACK_KEY = 'replicaCallbackKey00000000000000';
const CALLBACK_TOKEN = 'replica-callback-token';
const UPDATED_ON = 1_796_378_400;

async function postCallback(url: string, plaintext: unknown): Promise<number> {
  const callback = essCallback(CALLBACK_KEY, CALLBACK_TOKEN, plaintext);
  const response = await request(`${url}/callbacks/tencent-ess`, { method: 'POST', headers: callback.headers, body: callback.body });
  await response.body.dump();
  return response.statusCode;
}

describeWithRedis('events across two replica processes sharing Redis', () => {
  let replicas: EssReplicas;
  let subscriber: SubscriptionClient;

  beforeAll(async () => {
    replicas = await startEssReplicas(redisUrl ?? '', {
      TENCENT_ESS_CALLBACK_KEY: CALLBACK_KEY,
      TENCENT_ESS_CALLBACK_TOKEN: CALLBACK_TOKEN,
    });
    subscriber = await connectSubscriptionClient(replicas.replicas[1]?.url ?? '');
  }, 60_000);

  afterAll(async () => {
    await subscriber.close();
    await replicas.close();
  });

  it('delivers a callback received by replica A to a subscriber on replica B exactly once, though both received it', async () => {
    const a = replicas.replicas.at(0);
    const b = replicas.replicas.at(1);
    if (a === undefined || b === undefined) throw new Error('two replicas');
    const flowId = replicas.ess.seeded.signed.at(0) ?? '';
    const events = await subscriber.subscribe('subscription ($ids: [ID!]) { flowEvents(flowIds: $ids) { eventId flowId status } }', {
      ids: [flowId],
    });
    // The subscription is registered on B before the callback: B's bus reports it in its metrics.
    await untilSubscriptions(b.url, 'flow', 1);

    expect(await postCallback(a.url, flowStatusChange('msg-replica-1', flowId, 4, 'finish', UPDATED_ON))).toBe(200);
    // ESS redelivers the same message, this time to replica B: acknowledged, not emitted again.
    expect(await postCallback(b.url, flowStatusChange('msg-replica-1', flowId, 4, 'finish', UPDATED_ON))).toBe(200);
    expect(await postCallback(a.url, flowStatusChange('msg-replica-2', flowId, 21, 'start', UPDATED_ON + 1))).toBe(200);

    expect(await events.next()).toEqual({ data: { flowEvents: { eventId: 'msg-replica-1', flowId, status: 'SIGNED' } } });
    // The next one B delivers is the second message: the redelivery was not emitted by either replica.
    expect(await events.next()).toEqual({ data: { flowEvents: { eventId: 'msg-replica-2', flowId, status: 'RELEASED' } } });
    await events.stop();
  });
});

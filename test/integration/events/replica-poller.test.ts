import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { request } from 'undici';
import { isJsonObject } from '../../../src/json/json-object';
import { VolcengineBillingSimulator } from '../../../src/sandbox/volcengine-billing/simulator';
import { spawnSubgraph, type SpawnedSubgraph } from '../../support/spawn-subgraph';
import { connectSubscriptionClient, type SubscriptionClient } from '../../support/subscription-client';
import { until, untilSubscriptions } from '../../support/until';

const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

const ACCESS_KEY_ID = 'AKLTreplicaPollerTest000000000000';
const SECRET_ACCESS_KEY = 'replicaPollerSecret0000000000000';
const HOLDS = 'volc invitation poller holds the lease: this replica polls';

async function respond(url: string, invitationId: string): Promise<unknown> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($id: ID!) { respondToInvitation(input: { invitationId: $id, decision: ACCEPT }) { __typename } }',
      variables: { id: invitationId },
    }),
  });
  return response.body.json();
}

function saidOnce(replica: SpawnedSubgraph, message: string): boolean {
  return replica.lines().some((line) => line.includes(`"msg":"${message}"`));
}

/**
 * Volcengine has no webhook: two replica processes share one Redis, one of them holds the poll lease and
 * polls ListInvitation, and an invitation's change reaches a subscriber on either replica once.
 */
describeWithRedis('the Volcengine poller on two replica processes', () => {
  const keyPrefix = `test-poller-${randomUUID()}:`;
  let volc: VolcengineBillingSimulator;
  let replicas: SpawnedSubgraph[] = [];
  let subscribers: SubscriptionClient[] = [];

  beforeAll(async () => {
    volc = await VolcengineBillingSimulator.start({ accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY });
    const env = {
      VENDORS: 'ess=off,vnpt=off,volc=live',
      VOLC_BILLING_ENDPOINT: volc.url,
      VOLC_ACCESS_KEY_ID: ACCESS_KEY_ID,
      VOLC_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
      VOLC_POLL_INTERVAL_MS: '100',
      ALLOW_UNAUTHENTICATED: 'true',
      REDIS_URL: redisUrl ?? '',
      REDIS_KEY_PREFIX: keyPrefix,
    };
    replicas = await Promise.all([spawnSubgraph(env), spawnSubgraph(env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    await Promise.all(replicas.map((replica) => replica.stop()));
    await volc.close();
    const redis = new Redis(redisUrl ?? '');
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('has one lease holder, and each status change reaches subscribers on both replicas once', async () => {
    // One replica takes the lease (and says so); the holder's first poll is its baseline.
    await until('the lease holder to have polled its baseline', () => replicas.some((replica) => volcPolledBy(replica)));

    subscribers = await Promise.all(replicas.map((replica) => connectSubscriptionClient(replica.url)));
    const streams = await Promise.all(
      subscribers.map((subscriber) => subscriber.subscribe('subscription { invitationEvents { invitationId status } }')),
    );
    for (const replica of replicas) {
      await untilSubscriptions(replica.url, 'invitation', 1);
    }

    // The first two seeded invitations wait for an answer.
    const ids = volc.seededInvitationIds();
    const first = ids.at(0) ?? '';
    const second = ids.at(1) ?? '';
    await respond(replicas.at(0)?.url ?? '', first);
    await respond(replicas.at(1)?.url ?? '', second);

    for (const events of streams) {
      const seen = [await events.next(), await events.next()].map((result) => {
        const event = result?.data?.invitationEvents;
        return isJsonObject(event) ? event.invitationId : undefined;
      });
      // Each change once, in the order the poller found them (both in one poll, or one per poll).
      expect([...seen].sort()).toEqual([first, second].sort());
    }
    // Many polls later, still one replica ever held the lease. Stopped first, so that every line they
    // logged has been written (the process logger writes in batches).
    await Promise.all(replicas.map((replica) => replica.stop()));
    expect(replicas.filter((replica) => saidOnce(replica, HOLDS))).toHaveLength(1);
  });

  function volcPolledBy(replica: SpawnedSubgraph): boolean {
    // Two polls begun: the first (the baseline) has written its snapshot.
    return saidOnce(replica, HOLDS) && volc.accepted('ListInvitation').length > 1;
  }
});

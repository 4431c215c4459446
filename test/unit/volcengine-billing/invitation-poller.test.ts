import Redis from 'ioredis';
import { pino } from 'pino';
import { request } from 'undici';
import type { VendorCall, VendorTransport } from '../../../datasources/http/vendor-call';
import { VolcengineBillingClient } from '../../../datasources/volcengine-billing/client';
import { InvitationPoller, type InvitationPollerOptions } from '../../../datasources/volcengine-billing/invitation-poller';
import { FinancialRelation, InvitationDecision, InvitationType } from '../../../datasources/volcengine-billing/model';
import type { EventSink, InvitationChangeEvent } from '../../../src/events/agreement-event';
import { VolcengineBillingSimulator } from '../../../src/sandbox/volcengine-billing/simulator';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';
import type { KeyValueStore } from '../../../src/stores/key-value-store';
import { RedisKeyValueStore } from '../../../src/stores/redis-key-value-store';
import { deleteRedisKeys, uniqueRedisPrefix } from '../../integration/idempotency/redis-prefix';

const ACCESS_KEY_ID = 'AKLTpollertest';
const SECRET_ACCESS_KEY = 'poller-secret';
const INTERVAL_MS = 1_000;
const LEASE_TTL_MS = 3_000;
/** `Invitation.id` of the seeded pending custody invitation: base64url of `inv:1:rel7242575109678977324`. */
const PENDING_RELATION_ID = 'aW52OjE6cmVsNzI0MjU3NTEwOTY3ODk3NzMyNA';
/** `Invitation.id` of the seeded pending management invitation: base64url of `inv:1:rel7336772146369925420`. */
const PENDING_MANAGEMENT_ID = 'aW52OjE6cmVsNzMzNjc3MjE0NjM2OTkyNTQyMA';
/** The simulator's ListInvitation texts (see `list-invitation.ts`): 200 accepted, 300 rejected. */
const ACCEPTED = '关系已建立';
const REJECTED = '已拒绝';

/** One attempt per call over real HTTP, signed at the (possibly fake) current time. */
class PlainTransport implements VendorTransport {
  constructor(private readonly origin: string) {}

  async execute<T>(call: VendorCall<T>): Promise<T> {
    const wire = call.build(new Date());
    const answer = await request(`${this.origin}${wire.path}`, { method: wire.method, headers: { ...wire.headers }, body: wire.body });
    return call.parse({ status: answer.statusCode, headers: answer.headers, body: Buffer.from(await answer.body.arrayBuffer()) });
  }
}

/** A sink that deduplicates by `eventId` like the real one and records every call, duplicates included. */
function recordingSink(): { readonly sink: EventSink; readonly calls: InvitationChangeEvent[] } {
  const calls: InvitationChangeEvent[] = [];
  const seen = new Set<string>();
  const sink: EventSink = (event) => {
    if (event.kind !== 'invitation') throw new Error(`unexpected ${event.kind} event`);
    calls.push(event);
    if (seen.has(event.eventId)) return Promise.resolve('duplicate');
    seen.add(event.eventId);
    return Promise.resolve('emitted');
  };
  return { sink, calls };
}

describe('InvitationPoller', () => {
  let simulator: VolcengineBillingSimulator;
  let client: VolcengineBillingClient;
  const pollers: InvitationPoller[] = [];

  function poller(store: KeyValueStore, sink: EventSink, overrides: Partial<InvitationPollerOptions> = {}): InvitationPoller {
    const made = new InvitationPoller({
      invitations: client,
      sink,
      store,
      logger: pino({ level: 'silent' }),
      intervalMs: INTERVAL_MS,
      leaseTtlMs: LEASE_TTL_MS,
      scope: 'test-account',
      ...overrides,
    });
    pollers.push(made);
    return made;
  }

  /** Moves fake time on, then waits for the polls it started (they talk real HTTP to the simulator). */
  async function advance(ms: number): Promise<void> {
    await jest.advanceTimersByTimeAsync(ms);
    await Promise.all(pollers.map((each) => each.whenIdle()));
  }

  function listCalls(): number {
    return simulator.accepted('ListInvitation').length;
  }

  async function accept(
    relationId: string,
    majorAccountId: string,
    relation: FinancialRelation.FINANCIAL_CUSTODY | FinancialRelation.FINANCIAL_MANAGEMENT,
  ): Promise<void> {
    await client.handleInvitation(
      { type: InvitationType.RELATION, decision: InvitationDecision.ACCEPT, relationId, majorAccountId, relation },
      { idempotent: false },
    );
  }

  async function reject(
    relationId: string,
    majorAccountId: string,
    relation: FinancialRelation.FINANCIAL_CUSTODY | FinancialRelation.FINANCIAL_MANAGEMENT,
  ): Promise<void> {
    await client.handleInvitation(
      { type: InvitationType.RELATION, decision: InvitationDecision.REJECT, relationId, majorAccountId, relation },
      { idempotent: false },
    );
  }

  beforeEach(async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    simulator = await VolcengineBillingSimulator.start({ accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY });
    client = new VolcengineBillingClient({
      transport: new PlainTransport(simulator.url),
      endpoint: simulator.url,
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
      region: 'cn-north-1',
    });
  });

  afterEach(async () => {
    await Promise.all(pollers.splice(0).map((each) => each.stop()));
    jest.useRealTimers();
    await simulator.close();
  });

  describe('one replica', () => {
    it('records a baseline on its first poll and emits nothing', async () => {
      const { sink, calls } = recordingSink();
      const store = new InMemoryKeyValueStore();

      poller(store, sink).start();
      await advance(0);

      expect(listCalls()).toBe(1);
      expect(calls).toEqual([]);
    });

    it('emits exactly one event, at the next poll, for an invitation answered with HandleInvitation', async () => {
      const { sink, calls } = recordingSink();
      const polling = poller(new InMemoryKeyValueStore(), sink);
      polling.start();
      await advance(0);

      await accept('rel7242575109678977324', '2000000000', FinancialRelation.FINANCIAL_CUSTODY);
      expect(calls).toEqual([]);
      await advance(INTERVAL_MS);

      expect(listCalls()).toBe(2);
      expect(calls).toEqual([
        {
          kind: 'invitation',
          eventId: expect.stringMatching(/^volc:[0-9a-f]{64}$/) as unknown,
          invitationId: PENDING_RELATION_ID,
          status: ACCEPTED,
          occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/) as unknown,
        },
      ]);

      await advance(INTERVAL_MS);
      expect(listCalls()).toBe(3);
      expect(calls).toHaveLength(1);
    });

    it('emits one event per invitation that changed, in listing order', async () => {
      const { sink, calls } = recordingSink();
      poller(new InMemoryKeyValueStore(), sink).start();
      await advance(0);

      await accept('rel7242575109678977324', '2000000000', FinancialRelation.FINANCIAL_CUSTODY);
      await reject('rel7336772146369925420', '3000000123', FinancialRelation.FINANCIAL_MANAGEMENT);
      await advance(INTERVAL_MS);

      expect(calls.map((event) => [event.invitationId, event.status])).toEqual([
        [PENDING_RELATION_ID, ACCEPTED],
        [PENDING_MANAGEMENT_ID, REJECTED],
      ]);
    });

    it('announces an invitation that appears after the baseline', async () => {
      const { sink, calls } = recordingSink();
      poller(new InMemoryKeyValueStore(), sink).start();
      await advance(0);

      simulator.putInvitation({
        invitationType: 1,
        relationId: 'rel9000000000000000001',
        relation: 4,
        majorAccountId: '2000000000',
        majorAccountName: 'Acme Finance HQ',
        subAccountId: '2100000001',
        subAccountName: 'Sandbox Sub',
        state: 'pending',
        updatedAt: new Date('2026-12-04T08:00:00Z'),
      });
      await advance(INTERVAL_MS);

      expect(calls).toEqual([
        expect.objectContaining({
          invitationId: 'aW52OjE6cmVsOTAwMDAwMDAwMDAwMDAwMDAwMQ',
          status: '邀约中',
          occurredAt: '2026-12-04T08:00:00.000Z',
        }),
      ]);
    });

    it('logs a failing poll, keeps its snapshot, and catches the change up at the next tick', async () => {
      const { sink, calls } = recordingSink();
      poller(new InMemoryKeyValueStore(), sink).start();
      await advance(0);
      await accept('rel7242575109678977324', '2000000000', FinancialRelation.FINANCIAL_CUSTODY);
      simulator.faults.inject('ListInvitation', { kind: 'error', code: 'InternalError', httpStatus: 500 });

      await advance(INTERVAL_MS);
      expect(calls).toEqual([]);
      await advance(INTERVAL_MS);

      expect(calls.map((event) => event.invitationId)).toEqual([PENDING_RELATION_ID]);
    });

    it('hands a change again after the sink failed, with the same event id', async () => {
      const { sink, calls } = recordingSink();
      let failNext = false;
      const attempted: string[] = [];
      const flaky: EventSink = (event) => {
        attempted.push(event.eventId);
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('store down'));
        }
        return sink(event);
      };
      poller(new InMemoryKeyValueStore(), flaky).start();
      await advance(0);
      await accept('rel7242575109678977324', '2000000000', FinancialRelation.FINANCIAL_CUSTODY);

      failNext = true;
      await advance(INTERVAL_MS);
      expect(calls).toEqual([]);
      await advance(INTERVAL_MS);
      await advance(INTERVAL_MS);

      expect(calls.map((event) => event.invitationId)).toEqual([PENDING_RELATION_ID]);
      expect(attempted).toHaveLength(2);
      expect(attempted[1]).toBe(attempted[0]);
    });

    it('skips a tick without calling the vendor when the store cannot hold the lease', async () => {
      const { sink, calls } = recordingSink();
      const down = (): Promise<never> => Promise.reject(new Error('store down'));
      const polling = poller({ get: down, set: down, setIfAbsent: down, delete: down, close: () => Promise.resolve() }, sink);

      await expect(polling.tick()).resolves.toBe('failed');

      expect(listCalls()).toBe(0);
      expect(calls).toEqual([]);
      expect(polling.holdsLease).toBe(false);
    });

    it('never runs two polls at once: a tick asked for during one joins it', async () => {
      const { sink } = recordingSink();
      const polling = poller(new InMemoryKeyValueStore(), sink);

      const [first, second] = await Promise.all([polling.tick(), polling.tick()]);

      expect([first, second]).toEqual(['baseline', 'baseline']);
      expect(listCalls()).toBe(1);
      await expect(polling.tick()).resolves.toBe('polled');
      expect(listCalls()).toBe(2);
    });

    it('stop() waits for a running poll and nothing polls after it', async () => {
      const { sink } = recordingSink();
      const polling = poller(new InMemoryKeyValueStore(), sink);
      polling.start();
      await jest.advanceTimersByTimeAsync(0);

      await polling.stop();
      const afterStop = listCalls();
      await advance(10 * INTERVAL_MS);

      expect(afterStop).toBe(1);
      expect(listCalls()).toBe(1);
      expect(polling.holdsLease).toBe(false);
    });
  });

  describe('two replicas sharing one in-memory store', () => {
    it('lets only the lease holder poll, and emits one event per change', async () => {
      const store = new InMemoryKeyValueStore();
      const { sink, calls } = recordingSink();
      const a = poller(store, sink, { holderId: 'replica-a' });
      const b = poller(store, sink, { holderId: 'replica-b' });
      a.start();
      b.start();
      await advance(0);

      expect([a.holdsLease, b.holdsLease]).toEqual([true, false]);
      expect(listCalls()).toBe(1);
      await accept('rel7242575109678977324', '2000000000', FinancialRelation.FINANCIAL_CUSTODY);
      await advance(INTERVAL_MS);
      await advance(INTERVAL_MS);

      expect(listCalls()).toBe(3);
      expect([a.holdsLease, b.holdsLease]).toEqual([true, false]);
      expect(calls.map((event) => event.invitationId)).toEqual([PENDING_RELATION_ID]);
    });

    it('hands over when the holder stops: the other continues from the stored snapshot', async () => {
      const store = new InMemoryKeyValueStore();
      const { sink, calls } = recordingSink();
      const a = poller(store, sink, { holderId: 'replica-a' });
      const b = poller(store, sink, { holderId: 'replica-b' });
      a.start();
      b.start();
      await advance(0);
      await accept('rel7242575109678977324', '2000000000', FinancialRelation.FINANCIAL_CUSTODY);
      await advance(INTERVAL_MS);
      expect(calls).toHaveLength(1);

      await a.stop();
      await reject('rel7336772146369925420', '3000000123', FinancialRelation.FINANCIAL_MANAGEMENT);
      await advance(INTERVAL_MS);

      expect(b.holdsLease).toBe(true);
      expect(calls.map((event) => [event.invitationId, event.status])).toEqual([
        [PENDING_RELATION_ID, ACCEPTED],
        [PENDING_MANAGEMENT_ID, REJECTED],
      ]);
    });

    it('takes over from a holder that died only once its lease TTL has passed, without re-emitting old changes', async () => {
      const store = new InMemoryKeyValueStore();
      const { sink, calls } = recordingSink();
      // Replica A polls by hand twice and then goes silent without releasing its lease (a crash).
      const a = poller(store, sink, { holderId: 'replica-a' });
      await a.tick();
      await accept('rel7242575109678977324', '2000000000', FinancialRelation.FINANCIAL_CUSTODY);
      await a.tick();
      expect(calls).toHaveLength(1);
      await reject('rel7336772146369925420', '3000000123', FinancialRelation.FINANCIAL_MANAGEMENT);

      const b = poller(store, sink, { holderId: 'replica-b' });
      b.start();
      await advance(0);
      await advance(INTERVAL_MS);
      expect(b.holdsLease).toBe(false);
      expect(listCalls()).toBe(2);
      await advance(LEASE_TTL_MS - INTERVAL_MS);

      expect(b.holdsLease).toBe(true);
      expect(listCalls()).toBe(3);
      expect(calls.map((event) => [event.invitationId, event.status])).toEqual([
        [PENDING_RELATION_ID, ACCEPTED],
        [PENDING_MANAGEMENT_ID, REJECTED],
      ]);
    });
  });

  const redisUrl = process.env.REDIS_URL;
  (redisUrl ? describe : describe.skip)('two replicas sharing Redis', () => {
    const prefix = uniqueRedisPrefix('invitation-poller');
    const connections: Redis[] = [];

    function redisStore(): RedisKeyValueStore {
      const redis = new Redis(redisUrl ?? '');
      connections.push(redis);
      return new RedisKeyValueStore(redis, prefix);
    }

    afterAll(async () => {
      await deleteRedisKeys(redisUrl ?? '', prefix);
      await Promise.all(connections.map((redis) => redis.quit()));
    });

    it('lets one replica hold the lease and poll, emits one event, and hands over on stop without re-emitting', async () => {
      const { sink, calls } = recordingSink();
      const a = poller(redisStore(), sink, { holderId: 'replica-a', scope: 'redis-handover' });
      const b = poller(redisStore(), sink, { holderId: 'replica-b', scope: 'redis-handover' });

      await expect(Promise.all([a.tick(), b.tick()])).resolves.toEqual(expect.arrayContaining(['baseline', 'standby']));
      expect(listCalls()).toBe(1);
      await accept('rel7242575109678977324', '2000000000', FinancialRelation.FINANCIAL_CUSTODY);
      const second = await Promise.all([a.tick(), b.tick()]);

      expect(second.filter((outcome) => outcome === 'polled')).toHaveLength(1);
      expect(listCalls()).toBe(2);
      expect(calls.map((event) => event.invitationId)).toEqual([PENDING_RELATION_ID]);

      const holder = a.holdsLease ? a : b;
      const other = holder === a ? b : a;
      await holder.stop();
      await reject('rel7336772146369925420', '3000000123', FinancialRelation.FINANCIAL_MANAGEMENT);
      await expect(other.tick()).resolves.toBe('polled');

      expect(calls.map((event) => [event.invitationId, event.status])).toEqual([
        [PENDING_RELATION_ID, ACCEPTED],
        [PENDING_MANAGEMENT_ID, REJECTED],
      ]);
    });
  });
});

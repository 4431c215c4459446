import { pino } from 'pino';
import {
  InvitationPoller,
  type InvitationPollerOptions,
  type PollOutcome,
} from '../../../datasources/volcengine-billing/invitation-poller';
import { FinancialRelation, InvitationType, type InvitationRecord } from '../../../datasources/volcengine-billing/model';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';
import type { EventSink, InvitationChangeEvent } from '../../../src/events/agreement-event';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';
import type { KeyValueStore } from '../../../src/stores/key-value-store';
import { failingStore } from '../../support/failing-store';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

const INFO = 30;
const WARN = 40;
const ERROR = 50;

function invitation(relationId: string, status: string, statusCode?: number): InvitationRecord {
  return {
    id: `inv-${relationId}`,
    type: InvitationType.RELATION,
    relationId,
    relation: FinancialRelation.FINANCIAL_CUSTODY,
    status,
    statusCode,
  };
}

/** Everything one test controls: a clock, a store on it, a lister, a recording sink and a recording logger. */
function harness() {
  let clock = 1_000_000;
  const now = (): number => clock;
  const store = new InMemoryKeyValueStore(now);
  const logs: LogLine[] = [];
  const logger = pino(
    { level: 'debug' },
    {
      write: (line: string) => {
        logs.push(JSON.parse(line) as LogLine);
      },
    },
  );
  const events: InvitationChangeEvent[] = [];
  const seen = new Set<string>();
  const sink: EventSink = (event) => {
    if (event.kind !== 'invitation') throw new Error(`unexpected ${event.kind} event`);
    events.push(event);
    if (seen.has(event.eventId)) return Promise.resolve('duplicate');
    seen.add(event.eventId);
    return Promise.resolve('emitted');
  };
  const listing: { records: InvitationRecord[]; failure?: unknown; onList?: () => Promise<void> } = { records: [] };
  let listCalls = 0;
  const invitations = {
    listInvitations: async (): Promise<InvitationRecord[]> => {
      listCalls += 1;
      await listing.onList?.();
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- one case hands the poller a thrown non-Error on purpose
      if (listing.failure !== undefined) return Promise.reject(listing.failure);
      return [...listing.records];
    },
  };
  const poller = (overrides: Partial<InvitationPollerOptions> = {}): InvitationPoller =>
    new InvitationPoller({ invitations, sink, store, logger, intervalMs: 1_000, scope: 'acct', holderId: 'me', now, ...overrides });
  return {
    store,
    logs,
    events,
    listing,
    poller,
    listCalls: () => listCalls,
    advanceClock: (ms: number) => {
      clock += ms;
    },
  };
}

/** A store that records the TTL of each `set`. */
function ttlRecording(store: KeyValueStore): { store: KeyValueStore; sets: [string, number][] } {
  const sets: [string, number][] = [];
  return {
    sets,
    store: {
      get: (key) => store.get(key),
      set: (key, value, ttlMs) => {
        sets.push([key, ttlMs]);
        return store.set(key, value, ttlMs);
      },
      setIfAbsent: (key, value, ttlMs) => store.setIfAbsent(key, value, ttlMs),
      delete: (key) => store.delete(key),
      close: () => store.close(),
    },
  };
}

describe('InvitationPoller (ticks driven by hand)', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses intervalMs %p', (intervalMs) => {
    const { poller } = harness();
    expect(() => poller({ intervalMs })).toThrow(RangeError);
    expect(() => poller({ intervalMs })).toThrow(/intervalMs/);
  });

  it('accepts an interval of one millisecond', () => {
    const { poller } = harness();
    expect(() => poller({ intervalMs: 1 })).not.toThrow();
  });

  it('records a baseline first and emits nothing, then announces changes and new invitations only', async () => {
    const h = harness();
    const poller = h.poller();
    h.listing.records = [invitation('a', '邀约中', 100), invitation('b', '邀约中', 100)];
    await expect(poller.tick()).resolves.toBe<PollOutcome>('baseline');
    expect(h.events).toEqual([]);

    await expect(poller.tick()).resolves.toBe<PollOutcome>('polled');
    expect(h.events).toEqual([]);

    h.listing.records = [invitation('a', '关系已建立', 200), invitation('b', '邀约中', 100), invitation('c', '邀约中', 100)];
    await expect(poller.tick()).resolves.toBe<PollOutcome>('polled');
    expect(h.events.map((event) => [event.invitationId, event.status])).toEqual([
      ['inv-a', '关系已建立'],
      ['inv-c', '邀约中'],
    ]);
  });

  it('drops an invitation that left the list, and announces it as new when it comes back', async () => {
    const h = harness();
    const poller = h.poller();
    h.listing.records = [invitation('a', '邀约中', 100)];
    await poller.tick();
    h.listing.records = [];
    await expect(poller.tick()).resolves.toBe('polled');
    expect(h.events).toEqual([]);
    h.listing.records = [invitation('a', '邀约中', 100)];
    await poller.tick();
    expect(h.events.map((event) => event.invitationId)).toEqual(['inv-a']);
  });

  it('keeps the old snapshot when the vendor read fails, so the next tick finds the same change with the same eventId', async () => {
    const h = harness();
    const poller = h.poller();
    h.listing.records = [invitation('a', '邀约中', 100)];
    await poller.tick();
    h.listing.records = [invitation('a', '已拒绝', 300)];
    h.listing.failure = new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'down', vendorRequestId: 'req-9' });
    await expect(poller.tick()).resolves.toBe<PollOutcome>('failed');
    expect(h.events).toEqual([]);
    const warning = h.logs.find((line) => line.level === WARN);
    expect(warning).toMatchObject({ code: ErrorCode.VENDOR_UNAVAILABLE, vendorRequestId: 'req-9' });

    h.listing.failure = undefined;
    await expect(poller.tick()).resolves.toBe('polled');
    await expect(poller.tick()).resolves.toBe('polled');
    expect(h.events.map((event) => event.status)).toEqual(['已拒绝']);
  });

  it('keeps the old snapshot when the sink fails, so the change is handed on again with the same eventId', async () => {
    const h = harness();
    let failSink = true;
    const calls: string[] = [];
    const sink: EventSink = (event) => {
      calls.push(event.eventId);
      return failSink ? Promise.reject(new Error('store down')) : Promise.resolve('emitted');
    };
    const poller = h.poller({ sink });
    h.listing.records = [invitation('a', '邀约中', 100)];
    await poller.tick();
    h.listing.records = [invitation('a', '关系已建立', 200)];
    await expect(poller.tick()).resolves.toBe('failed');
    failSink = false;
    await expect(poller.tick()).resolves.toBe('polled');
    await expect(poller.tick()).resolves.toBe('polled');
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBe(calls[1]);
  });

  it('logs a failure that is not a VendorError by its error name, and a thrown non-Error as UNEXPECTED', async () => {
    const h = harness();
    const poller = h.poller();
    h.listing.failure = new TypeError('boom');
    await expect(poller.tick()).resolves.toBe('failed');
    h.listing.failure = 'a string';
    await expect(poller.tick()).resolves.toBe('failed');
    expect(h.logs.filter((line) => line.level === WARN).map((line) => line.code)).toEqual(['TypeError', 'UNEXPECTED']);
  });

  it('logs the number of changes and of emitted events when a poll finds changes, and nothing at info otherwise', async () => {
    const h = harness();
    const poller = h.poller();
    h.listing.records = [invitation('a', '邀约中', 100)];
    await poller.tick();
    await poller.tick();
    const before = h.logs.length;
    expect(h.logs.filter((line) => line.level >= INFO)).toHaveLength(1); // the hand-over only

    h.listing.records = [invitation('a', '关系已建立', 200), invitation('b', '邀约中', 100)];
    await poller.tick();
    const changeLogs = h.logs.slice(before).filter((line) => line.level === INFO);
    expect(changeLogs).toHaveLength(1);
    expect(changeLogs[0]).toMatchObject({ changes: 2, emitted: 2 });
  });

  it('counts a change the sink already had as handed on but not emitted', async () => {
    const h = harness();
    const poller = h.poller();
    h.listing.records = [invitation('a', '邀约中', 100)];
    await poller.tick();
    h.listing.records = [invitation('a', '关系已建立', 200)];
    // Another replica's poll of the same change, after which this replica's snapshot write failed.
    await expect(poller.tick()).resolves.toBe('polled');
    await h.store.set('volc-invitation-poll:acct:snapshot', JSON.stringify({ v: 1, statuses: { 'inv-a': 'code:100' } }), WEEK_MS);
    const before = h.logs.length;
    await poller.tick();
    expect(h.logs.slice(before).filter((line) => line.level === INFO)).toEqual([expect.objectContaining({ changes: 1, emitted: 0 })]);
  });

  it('records a new baseline, with a warning, when the stored snapshot is unreadable', async () => {
    const h = harness();
    const poller = h.poller();
    h.listing.records = [invitation('a', '邀约中', 100)];
    await poller.tick();
    await h.store.set('volc-invitation-poll:acct:snapshot', 'not json', WEEK_MS);
    await expect(poller.tick()).resolves.toBe('baseline');
    expect(h.logs.filter((line) => line.level === WARN)).toHaveLength(1);
  });

  it('logs no warning for the first baseline', async () => {
    const h = harness();
    await expect(h.poller().tick()).resolves.toBe('baseline');
    expect(h.logs.filter((line) => line.level >= WARN)).toEqual([]);
  });

  it('keeps the snapshot for seven days by default, and for snapshotTtlMs when given', async () => {
    const h = harness();
    const recorded = ttlRecording(h.store);
    await h.poller({ store: recorded.store }).tick();
    await h.poller({ store: recorded.store, scope: 'other', snapshotTtlMs: 5_000 }).tick();
    expect(recorded.sets.filter(([key]) => key.endsWith(':snapshot')).map(([, ttl]) => ttl)).toEqual([WEEK_MS, 5_000]);
  });

  it('keeps the lease and the snapshot of different scopes apart on one store', async () => {
    const h = harness();
    h.listing.records = [invitation('a', '邀约中', 100)];
    const first = h.poller({ scope: 'acct-1', holderId: 'one' });
    const second = h.poller({ scope: 'acct-2', holderId: 'two' });
    await expect(first.tick()).resolves.toBe('baseline');
    await expect(second.tick()).resolves.toBe('baseline');
    expect(second.holdsLease).toBe(true);
  });

  it.each([
    [1_000, 15_000],
    [10_000, 30_000],
  ])('with an interval of %p ms holds the lease for %p ms by default', async (intervalMs, ttlMs) => {
    const h = harness();
    const holder = h.poller({ intervalMs, holderId: 'one' });
    const other = h.poller({ intervalMs, holderId: 'two' });
    await holder.tick();
    h.advanceClock(ttlMs - 1);
    await expect(other.tick()).resolves.toBe('standby');
    expect(holder.holdsLease).toBe(true);
    h.advanceClock(1);
    expect(holder.holdsLease).toBe(false);
    // The new holder continues from the snapshot the old one stored.
    await expect(other.tick()).resolves.toBe('polled');
    expect(other.holdsLease).toBe(true);
  });

  it('logs each hand-over once: taking the lease, then standing by', async () => {
    const h = harness();
    const one = h.poller({ holderId: 'one', leaseTtlMs: 5_000 });
    const two = h.poller({ holderId: 'two', leaseTtlMs: 5_000 });
    await one.tick();
    await one.tick();
    await two.tick();
    await two.tick();
    await one.stop();
    await two.tick();
    await two.tick();
    const handOvers = h.logs.filter((line) => line.level === INFO && line.holderId !== undefined).map((line) => line.holderId);
    expect(handOvers).toEqual(['one', 'two']);
    expect(h.logs.filter((line) => line.level === INFO && line.holderId === 'two')).toHaveLength(1);
  });

  it('logs when the lease is lost to another replica', async () => {
    const h = harness();
    const one = h.poller({ holderId: 'one', leaseTtlMs: 5_000 });
    const two = h.poller({ holderId: 'two', leaseTtlMs: 5_000 });
    await one.tick();
    h.advanceClock(5_000);
    await two.tick();
    await expect(one.tick()).resolves.toBe('standby');
    expect(h.logs.filter((line) => line.level === INFO && line.holderId === 'one')).toHaveLength(2);
    for (const line of h.logs) expect(line.msg).toMatch(/\S/);
  });

  it('does not store the snapshot of a poll that outlived its lease', async () => {
    const h = harness();
    const poller = h.poller({ leaseTtlMs: 5_000 });
    h.listing.records = [invitation('a', '邀约中', 100)];
    h.listing.onList = () => {
      h.advanceClock(5_000);
      return Promise.resolve();
    };
    await expect(poller.tick()).resolves.toBe('failed');
    expect(await h.store.get('volc-invitation-poll:acct:snapshot')).toBeUndefined();
    expect(h.logs.filter((line) => line.level === WARN)).toHaveLength(1);
  });

  it('reports a store failure while claiming the lease as a failed tick', async () => {
    const h = harness();
    const failing = failingStore();
    const poller = h.poller({ store: failing });
    await expect(poller.tick()).resolves.toBe('failed');
    expect(h.listCalls()).toBe(0);
    await poller.stop();
    expect(h.logs.filter((line) => line.level === WARN)).toHaveLength(2);
    expect(h.logs.filter((line) => line.level === ERROR)).toEqual([]);
  });

  it('keeps the old snapshot when storing the new one fails, and logs the failure', async () => {
    const h = harness();
    let failSnapshotWrites = false;
    const store: KeyValueStore = {
      get: (key) => h.store.get(key),
      set: (key, value, ttlMs) =>
        failSnapshotWrites && key.endsWith(':snapshot') ? Promise.reject(new Error('down')) : h.store.set(key, value, ttlMs),
      setIfAbsent: (key, value, ttlMs) => h.store.setIfAbsent(key, value, ttlMs),
      delete: (key) => h.store.delete(key),
      close: () => h.store.close(),
    };
    const poller = h.poller({ store });
    h.listing.records = [invitation('a', '邀约中', 100)];
    await poller.tick();
    failSnapshotWrites = true;
    h.listing.records = [invitation('a', '关系已建立', 200)];
    await expect(poller.tick()).resolves.toBe<PollOutcome>('failed');
    expect(h.logs.filter((line) => line.level === WARN)).toEqual([expect.objectContaining({ code: 'Error' })]);
    for (const line of h.logs) expect(line.msg).toMatch(/\S/);
    failSnapshotWrites = false;
    await expect(poller.tick()).resolves.toBe('polled');
    await expect(poller.tick()).resolves.toBe('polled');
    // The change was handed on at each tick until its snapshot was stored: once emitted, once a duplicate.
    expect(h.events.map((event) => event.status)).toEqual(['关系已建立', '关系已建立']);
  });

  it('never rejects: an unexpected failure inside a tick is logged as an error and the tick reports failed', async () => {
    const h = harness();
    let broken = false;
    const now = (): number => {
      if (broken) throw new Error('clock broke');
      return 1_000_000;
    };
    h.listing.onList = () => {
      broken = true;
      return Promise.resolve();
    };
    const poller = h.poller({ now });
    await expect(poller.tick()).resolves.toBe<PollOutcome>('failed');
    expect(h.logs.filter((line) => line.level === ERROR)).toEqual([expect.objectContaining({ code: 'Error' })]);
    for (const line of h.logs) expect(line.msg).toMatch(/\S/);
  });

  it('logs store, vendor and sink failures with the error code, and the counts of a half-handed batch', async () => {
    const h = harness();
    let failSink = false;
    const sink: EventSink = () => (failSink ? Promise.reject(new TypeError('sink down')) : Promise.resolve('emitted'));
    const poller = h.poller({ sink });
    h.listing.records = [invitation('a', '邀约中', 100)];
    await poller.tick();
    failSink = true;
    h.listing.records = [invitation('a', '关系已建立', 200), invitation('b', '邀约中', 100)];
    await poller.tick();
    expect(h.logs.filter((line) => line.level === WARN)).toEqual([expect.objectContaining({ code: 'TypeError', changes: 2, emitted: 0 })]);
  });

  it('logs a failed lease claim and a failed release with the error code', async () => {
    const h = harness();
    const failing = failingStore(() => new RangeError('down'));
    const poller = h.poller({ store: failing });
    await poller.tick();
    await poller.stop();
    expect(h.logs.filter((line) => line.level === WARN).map((line) => line.code)).toEqual(['RangeError', 'RangeError']);
    for (const line of h.logs) expect(line.msg).toMatch(/\S/);
  });

  it('gives every log line a message', async () => {
    const h = harness();
    const one = h.poller({ holderId: 'one', leaseTtlMs: 5_000 });
    const two = h.poller({ holderId: 'two', leaseTtlMs: 5_000 });
    h.listing.records = [invitation('a', '邀约中', 100)];
    await one.tick();
    await two.tick();
    h.listing.records = [invitation('a', '关系已建立', 200)];
    await one.tick();
    h.listing.failure = new Error('vendor down');
    await one.tick();
    h.listing.failure = undefined;
    await h.store.set('volc-invitation-poll:acct:snapshot', 'damaged', WEEK_MS);
    await one.tick();
    h.listing.onList = () => {
      h.advanceClock(5_000);
      return Promise.resolve();
    };
    await one.tick();
    const failingSink = h.poller({ holderId: 'three', scope: 'sink', sink: () => Promise.reject(new Error('x')) });
    h.listing.onList = undefined;
    await failingSink.tick();
    h.listing.records = [invitation('a', '已拒绝', 300)];
    await failingSink.tick();
    expect(h.logs.length).toBeGreaterThanOrEqual(7);
    for (const line of h.logs) expect(line.msg).toMatch(/\S/);
  });

  it('joins a running tick rather than starting a second one', async () => {
    const h = harness();
    const poller = h.poller();
    const [first, second] = await Promise.all([poller.tick(), poller.tick()]);
    expect([first, second]).toEqual(['baseline', 'baseline']);
    expect(h.listCalls()).toBe(1);
  });
});

describe('InvitationPoller (scheduled on fake timers)', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('polls at start and then once per interval after each poll ends', async () => {
    const h = harness();
    const poller = h.poller();
    poller.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(h.listCalls()).toBe(1);
    await jest.advanceTimersByTimeAsync(999);
    expect(h.listCalls()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(h.listCalls()).toBe(2);
    await poller.stop();
  });

  it('starting twice polls on one schedule, and stop cancels it', async () => {
    const h = harness();
    const poller = h.poller();
    poller.start();
    poller.start();
    await poller.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(h.listCalls()).toBe(0);
  });

  it('polls no more once stopped between ticks', async () => {
    const h = harness();
    const poller = h.poller();
    poller.start();
    await jest.advanceTimersByTimeAsync(0);
    await poller.stop();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(h.listCalls()).toBe(1);
    expect(poller.holdsLease).toBe(false);
  });

  it('stop() while polling waits for the poll to end, then schedules nothing more and gives the lease up', async () => {
    const h = harness();
    let release: () => void = () => undefined;
    h.listing.onList = () =>
      new Promise<void>((resolve) => {
        release = resolve;
      });
    const poller = h.poller();
    poller.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(h.listCalls()).toBe(1);
    let stopped = false;
    const stopping = poller.stop().then(() => {
      stopped = true;
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(h.listCalls()).toBe(1);
    expect(await h.store.get('volc-invitation-poll:acct:lease')).toBeUndefined();
  });

  it('a restart right after a stop keeps a single schedule', async () => {
    const h = harness();
    let release: () => void = () => undefined;
    h.listing.onList = () =>
      new Promise<void>((resolve) => {
        release = resolve;
      });
    const poller = h.poller();
    poller.start();
    await jest.advanceTimersByTimeAsync(0);
    const stopping = poller.stop();
    poller.start();
    h.listing.onList = undefined;
    release();
    await stopping;
    await jest.advanceTimersByTimeAsync(0);
    const afterRestart = h.listCalls();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(h.listCalls()).toBe(afterRestart + 1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(h.listCalls()).toBe(afterRestart + 2);
    await poller.stop();
  });
});

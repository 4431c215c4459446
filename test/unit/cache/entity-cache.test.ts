import pino from 'pino';
import { createEntityCache, NO_ENTITY_CACHE } from '../../../src/cache/entity-cache';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';
import type { KeyValueStore } from '../../../src/stores/key-value-store';
import { failingStore } from '../../support/failing-store';

const logger = pino({ enabled: false });

/** A store and a cache on one hand-moved clock. */
function cacheOnClock(ttlMs = 1_000): { cache: ReturnType<typeof createEntityCache>; store: KeyValueStore; advance: (ms: number) => void } {
  let now = 1_000_000;
  const clock = (): number => now;
  const store = new InMemoryKeyValueStore(clock);
  return {
    cache: createEntityCache({ ttlMs, store, logger, now: clock }),
    store,
    advance: (ms) => {
      now += ms;
    },
  };
}

const flow = { id: 'f1', name: 'Lease', createdAt: new Date('2024-05-01T08:00:00.000Z'), approvers: [{ approvedAt: null }] };

describe('createEntityCache', () => {
  it('gives back a cached record with its dates as Dates', async () => {
    const { cache } = cacheOnClock();
    await cache.setMany('Flow', [['f1', flow]], cache.now(), 'op-a');
    const [cached] = await cache.getMany<typeof flow>('Flow', ['f1'], 'op-a');
    expect(cached).toEqual(flow);
    expect(cached?.createdAt).toBeInstanceOf(Date);
  });

  it('keeps a record for exactly its TTL', async () => {
    const { cache, advance } = cacheOnClock(1_000);
    await cache.setMany('Document', [['d1', { id: 'd1' }]], cache.now());
    advance(999);
    expect(await cache.getMany('Document', ['d1'])).toEqual([{ id: 'd1' }]);
    advance(1);
    expect(await cache.getMany('Document', ['d1'])).toEqual([undefined]);
  });

  it('keeps what one operator saw apart from what another may see', async () => {
    const { cache } = cacheOnClock();
    await cache.setMany('Flow', [['f1', flow]], cache.now(), 'op-a');
    expect(await cache.getMany('Flow', ['f1'], 'op-b')).toEqual([undefined]);
    expect(await cache.getMany('Invitation', ['f1'], 'op-a')).toEqual([undefined]);
  });

  it('drops every variant of an entity at once', async () => {
    const { cache, advance } = cacheOnClock();
    await cache.setMany('Flow', [['f1', flow]], cache.now(), 'op-a');
    await cache.setMany('Flow', [['f1', flow]], cache.now(), 'op-b');
    advance(1);
    await cache.drop('Flow', 'f1');
    expect(await cache.getMany('Flow', ['f1', 'f1'], 'op-a')).toEqual([undefined, undefined]);
    expect(await cache.getMany('Flow', ['f1'], 'op-b')).toEqual([undefined]);
  });

  it('does not let a read that started before a drop put the old record back', async () => {
    const { cache, advance } = cacheOnClock();
    const readStartedAt = cache.now();
    advance(5);
    await cache.drop('Flow', 'f1');
    await cache.setMany('Flow', [['f1', flow]], readStartedAt, 'op-a');
    expect(await cache.getMany('Flow', ['f1'], 'op-a')).toEqual([undefined]);
    advance(5);
    await cache.setMany('Flow', [['f1', flow]], cache.now(), 'op-a');
    expect(await cache.getMany('Flow', ['f1'], 'op-a')).toEqual([flow]);
  });

  it('turns a failing store into misses and skipped writes, never a failure', async () => {
    const failing = failingStore();
    const cache = createEntityCache({ ttlMs: 1_000, store: failing, logger });
    await expect(cache.setMany('Flow', [['f1', flow]], cache.now())).resolves.toBeUndefined();
    await expect(cache.getMany('Flow', ['f1'])).resolves.toEqual([undefined]);
    await expect(cache.drop('Flow', 'f1')).resolves.toBeUndefined();
  });

  it('touches no store with a TTL of 0', async () => {
    const get = jest.fn();
    const set = jest.fn();
    const untouchable: KeyValueStore = { get, set, setIfAbsent: jest.fn(), delete: jest.fn(), close: jest.fn() };
    const cache = createEntityCache({ ttlMs: 0, store: untouchable, logger });
    expect(cache).toBe(NO_ENTITY_CACHE);
    expect(cache.enabled).toBe(false);
    await cache.setMany('Flow', [['f1', flow]], 0);
    await cache.drop('Flow', 'f1');
    expect(await cache.getMany('Flow', ['f1'])).toEqual([undefined]);
    expect(get).not.toHaveBeenCalled();
    expect(set).not.toHaveBeenCalled();
  });

  it('is enabled with a TTL, and writes what replicas share as JSON with tagged dates under entity:<type>:<id>', async () => {
    const { cache, store } = cacheOnClock();
    expect(cache.enabled).toBe(true);

    await cache.setMany('Flow', [['f1', { id: 'f1', createdAt: flow.createdAt }]], cache.now());
    await cache.setMany('Flow', [['f1', { id: 'f1' }]], cache.now(), 'op-a');

    expect(await store.get('entity:Flow:f1')).toBe(
      '{"records":{"":{"id":"f1","createdAt":{"$date":"2024-05-01T08:00:00.000Z"}},"op-a":{"id":"f1"}}}',
    );
  });

  it('refuses a read that started in the very millisecond of the drop', async () => {
    const { cache } = cacheOnClock();
    await cache.drop('Flow', 'f1');
    await cache.setMany('Flow', [['f1', flow]], cache.now(), 'op-a');
    expect(await cache.getMany('Flow', ['f1'], 'op-a')).toEqual([undefined]);
  });

  it('reads an entry it cannot parse as a miss', async () => {
    const { cache, store } = cacheOnClock();
    await store.set('entity:Flow:f1', '{"records":', 1_000);
    expect(await cache.getMany('Flow', ['f1'])).toEqual([undefined]);
  });

  it('warns, naming the entity type, when the store fails a read or a write', async () => {
    const lines: Record<string, unknown>[] = [];
    const warned = pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    const failing = failingStore();
    const cache = createEntityCache({ ttlMs: 1_000, store: failing, logger: warned });

    await cache.getMany('Document', ['d1']);
    await cache.drop('Invitation', 'i1');

    expect(lines).toEqual([
      expect.objectContaining({ level: 40, entity: 'Document', msg: 'entity cache read failed; reading from the vendor' }),
      expect.objectContaining({ level: 40, entity: 'Invitation', msg: 'entity cache write failed' }),
    ]);
    expect(lines.map((line) => (line.err as { message?: string } | undefined)?.message)).toEqual(['down', 'down']);
  });

  it('answers at once without a cache: settled promises, and a clock at 0', async () => {
    await expect(NO_ENTITY_CACHE.setMany('Flow', [['f1', flow]], 0)).resolves.toBeUndefined();
    await expect(NO_ENTITY_CACHE.drop('Flow', 'f1')).resolves.toBeUndefined();
    expect(NO_ENTITY_CACHE.now()).toBe(0);
  });
});

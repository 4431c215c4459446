import pino from 'pino';
import { readThroughCache } from '../../../resolvers/shared/cached-read';
import { droppingAfter } from '../../../resolvers/shared/drop-after-write';
import { createEntityCache, type CachedEntity, type EntityCache } from '../../../src/cache/entity-cache';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';

const logger = pino({ enabled: false });

interface Flow {
  readonly id: string;
  readonly name: string;
}

/** A real cache over an in-memory store, on a clock the test moves. */
function realCache(): { cache: EntityCache; advance: (ms: number) => void } {
  let now = 1_000_000;
  const clock = (): number => now;
  return {
    cache: createEntityCache({ ttlMs: 60_000, store: new InMemoryKeyValueStore(clock), logger, now: clock }),
    advance: (ms) => {
      now += ms;
    },
  };
}

/** A cache that is off (`ENTITY_CACHE_TTL_MS=0`) and records any use, which the contract forbids. */
function disabledCacheRecordingUse(): { cache: EntityCache; used: string[] } {
  const used: string[] = [];
  const cache: EntityCache = {
    enabled: false,
    getMany: <T>(_entity: CachedEntity, ids: readonly string[]): Promise<(T | undefined)[]> => {
      used.push('getMany');
      return Promise.resolve(ids.map(() => undefined));
    },
    setMany: () => {
      used.push('setMany');
      return Promise.resolve();
    },
    drop: () => {
      used.push('drop');
      return Promise.resolve();
    },
    now: () => {
      used.push('now');
      return 0;
    },
  };
  return { cache, used };
}

/** A vendor read answering from `records` (null when absent, an Error for ids in `failing`), recording its calls. */
function vendor(records: Readonly<Partial<Record<string, string>>>, failing: readonly string[] = []) {
  const calls: string[][] = [];
  const read = (ids: readonly string[]): Promise<(Flow | null | Error)[]> => {
    calls.push([...ids]);
    return Promise.resolve(
      ids.map((id) => {
        if (failing.includes(id)) return new Error(`read of ${id} failed`);
        const name = records[id];
        return name === undefined ? null : { id, name };
      }),
    );
  };
  return { read, calls };
}

describe('readThroughCache', () => {
  it('reads every id from the vendor each time when the cache is off, without touching the cache', async () => {
    const { cache, used } = disabledCacheRecordingUse();
    const { read, calls } = vendor({ f1: 'one', f2: 'two' });
    await expect(readThroughCache(cache, 'Flow', ['f1', 'f2'], read)).resolves.toEqual([
      { id: 'f1', name: 'one' },
      { id: 'f2', name: 'two' },
    ]);
    await readThroughCache(cache, 'Flow', ['f1', 'f2'], read);
    expect(calls).toEqual([
      ['f1', 'f2'],
      ['f1', 'f2'],
    ]);
    expect(used).toEqual([]);
  });

  it('answers a second read of found records from the cache without a vendor call', async () => {
    const { cache } = realCache();
    const { read, calls } = vendor({ f1: 'one', f2: 'two' });
    await readThroughCache(cache, 'Flow', ['f1', 'f2'], read);
    await expect(readThroughCache(cache, 'Flow', ['f2', 'f1'], read)).resolves.toEqual([
      { id: 'f2', name: 'two' },
      { id: 'f1', name: 'one' },
    ]);
    expect(calls).toEqual([['f1', 'f2']]);
  });

  it('reads only the ids the cache lacks and answers in the order asked', async () => {
    const { cache } = realCache();
    const { read, calls } = vendor({ f1: 'one', f2: 'two', f3: 'three' });
    await readThroughCache(cache, 'Flow', ['f2'], read);
    await expect(readThroughCache(cache, 'Flow', ['f1', 'f2', 'f3'], read)).resolves.toEqual([
      { id: 'f1', name: 'one' },
      { id: 'f2', name: 'two' },
      { id: 'f3', name: 'three' },
    ]);
    expect(calls).toEqual([['f2'], ['f1', 'f3']]);
  });

  it('keeps null for not found and the Error of a failed slot, and caches neither', async () => {
    const { cache } = realCache();
    const { read, calls } = vendor({ f1: 'one' }, ['f3']);
    const first = await readThroughCache(cache, 'Flow', ['f1', 'f2', 'f3'], read);
    expect(first[0]).toEqual({ id: 'f1', name: 'one' });
    expect(first[1]).toBeNull();
    expect(first[2]).toBeInstanceOf(Error);
    const second = await readThroughCache(cache, 'Flow', ['f1', 'f2', 'f3'], read);
    expect(second[1]).toBeNull();
    expect(second[2]).toBeInstanceOf(Error);
    expect(calls).toEqual([
      ['f1', 'f2', 'f3'],
      ['f2', 'f3'],
    ]);
  });

  it('answers null for a slot the vendor read left out', async () => {
    const { cache } = realCache();
    const read = (): Promise<Flow[]> => Promise.resolve([{ id: 'f1', name: 'one' }]);
    await expect(readThroughCache(cache, 'Flow', ['f1', 'f2'], read)).resolves.toEqual([{ id: 'f1', name: 'one' }, null]);
  });

  it('caches what one variant read apart from another variant', async () => {
    const { cache } = realCache();
    const { read, calls } = vendor({ f1: 'one' });
    await readThroughCache(cache, 'Flow', ['f1'], read, 'op-a');
    await readThroughCache(cache, 'Flow', ['f1'], read, 'op-a');
    await readThroughCache(cache, 'Flow', ['f1'], read, 'op-b');
    expect(calls).toEqual([['f1'], ['f1']]);
  });

  it('does not cache a record whose read started before a drop of it', async () => {
    const { cache, advance } = realCache();
    const read = async (ids: readonly string[]): Promise<Flow[]> => {
      advance(1);
      await cache.drop('Flow', 'f1');
      advance(1);
      return ids.map((id) => ({ id, name: 'before the write' }));
    };
    await readThroughCache(cache, 'Flow', ['f1'], read);
    expect(await cache.getMany('Flow', ['f1'])).toEqual([undefined]);
  });
});

describe('droppingAfter', () => {
  it('drops the written entities once the write succeeded, and answers the write', async () => {
    const { cache } = realCache();
    await cache.setMany(
      'Flow',
      [
        ['f1', { id: 'f1' }],
        ['f2', { id: 'f2' }],
        ['f3', { id: 'f3' }],
      ],
      cache.now(),
    );
    await expect(droppingAfter(cache, 'Flow', ['f1', 'f2'], () => Promise.resolve('written'))).resolves.toBe('written');
    expect(await cache.getMany('Flow', ['f1', 'f2', 'f3'])).toEqual([undefined, undefined, { id: 'f3' }]);
  });

  it('drops the written entities when the write failed, and rejects as the write did', async () => {
    const { cache } = realCache();
    await cache.setMany('Document', [['d1', { id: 'd1' }]], cache.now());
    const failure = new Error('deadline exceeded');
    await expect(droppingAfter(cache, 'Document', ['d1'], () => Promise.reject(failure))).rejects.toBe(failure);
    expect(await cache.getMany('Document', ['d1'])).toEqual([undefined]);
  });

  it('drops only after the write, so a record cached during the write is gone too', async () => {
    const { cache } = realCache();
    const write = async (): Promise<string> => {
      await cache.setMany('Invitation', [['i1', { id: 'i1' }]], cache.now());
      return 'done';
    };
    await droppingAfter(cache, 'Invitation', ['i1'], write);
    expect(await cache.getMany('Invitation', ['i1'])).toEqual([undefined]);
  });

  it('runs only the write when the cache is off', async () => {
    const { cache, used } = disabledCacheRecordingUse();
    await expect(droppingAfter(cache, 'Flow', ['f1'], () => Promise.resolve(7))).resolves.toBe(7);
    await expect(droppingAfter(cache, 'Flow', ['f1'], () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(used).toEqual([]);
  });
});

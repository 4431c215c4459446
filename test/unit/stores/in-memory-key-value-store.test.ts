import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';

/** A clock the test moves by hand, so expiry is asserted without waiting. */
class ManualClock {
  private current = 1_700_000_000_000;

  readonly now = (): number => this.current;

  advance(ms: number): void {
    this.current += ms;
  }
}

describe('InMemoryKeyValueStore', () => {
  let clock: ManualClock;
  let store: InMemoryKeyValueStore;

  beforeEach(() => {
    clock = new ManualClock();
    store = new InMemoryKeyValueStore({ now: clock.now });
  });

  afterEach(async () => {
    await store.close();
  });

  it('returns undefined when a key was never set', async () => {
    await expect(store.get('missing')).resolves.toBeUndefined();
  });

  it('takes the clock alone as its options', async () => {
    const clocked = new InMemoryKeyValueStore(clock.now);
    await clocked.set('k', 'v', 1000);
    clock.advance(1000);

    await expect(clocked.get('k')).resolves.toBeUndefined();
  });

  it('returns the value until its time to live has passed', async () => {
    await store.set('k', 'v', 1000);

    clock.advance(999);
    await expect(store.get('k')).resolves.toBe('v');
    clock.advance(1);
    await expect(store.get('k')).resolves.toBeUndefined();
  });

  it('restarts the time to live when a key is set again', async () => {
    await store.set('k', 'first', 1000);
    clock.advance(800);
    await store.set('k', 'second', 1000);
    clock.advance(800);

    await expect(store.get('k')).resolves.toBe('second');
  });

  it('forgets a key when it is deleted', async () => {
    await store.set('k', 'v', 1000);
    await store.delete('k');

    await expect(store.get('k')).resolves.toBeUndefined();
  });

  it('forgets everything when closed', async () => {
    await store.set('k', 'v', 1000);
    await store.close();

    await expect(store.get('k')).resolves.toBeUndefined();
  });

  describe('setIfAbsent', () => {
    it('sets the key and resolves true when it is absent', async () => {
      await expect(store.setIfAbsent('k', 'v', 1000)).resolves.toBe(true);
      await expect(store.get('k')).resolves.toBe('v');
    });

    it('keeps the old value and resolves false when the key is present', async () => {
      await store.set('k', 'old', 1000);

      await expect(store.setIfAbsent('k', 'new', 1000)).resolves.toBe(false);
      await expect(store.get('k')).resolves.toBe('old');
    });

    it('claims the key again when the previous entry has expired', async () => {
      await store.setIfAbsent('k', 'old', 1000);
      clock.advance(1000);

      await expect(store.setIfAbsent('k', 'new', 1000)).resolves.toBe(true);
      await expect(store.get('k')).resolves.toBe('new');
    });

    it('lets exactly one of two concurrent claims win when both start before either resolves', async () => {
      const results = await Promise.all([store.setIfAbsent('k', 'a', 1000), store.setIfAbsent('k', 'b', 1000)]);

      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results[0] ? 'a' : 'b';
      await expect(store.get('k')).resolves.toBe(winner);
    });

    it('gives the claim the time to live it was asked for', async () => {
      await store.setIfAbsent('k', 'v', 500);
      clock.advance(499);
      await expect(store.get('k')).resolves.toBe('v');
      clock.advance(1);
      await expect(store.get('k')).resolves.toBeUndefined();
    });
  });

  describe('bound on entries (LRU)', () => {
    let bounded: InMemoryKeyValueStore;

    beforeEach(() => {
      bounded = new InMemoryKeyValueStore({ maxEntries: 3, now: clock.now });
    });
    afterEach(() => bounded.close());

    const contents = async (keys: readonly string[]): Promise<(string | undefined)[]> => Promise.all(keys.map((key) => bounded.get(key)));

    it('keeps the 3 most recently written keys when a 4th is written, evicting the oldest', async () => {
      for (const key of ['a', 'b', 'c', 'd']) await bounded.set(key, key.toUpperCase(), 60_000);

      await expect(contents(['a', 'b', 'c', 'd'])).resolves.toEqual([undefined, 'B', 'C', 'D']);
    });

    it('counts a read as a use: the least recently used key goes, not the first written', async () => {
      for (const key of ['a', 'b', 'c']) await bounded.set(key, key.toUpperCase(), 60_000);
      await bounded.get('a');
      await bounded.set('d', 'D', 60_000);

      await expect(contents(['a', 'b', 'c', 'd'])).resolves.toEqual(['A', undefined, 'C', 'D']);
    });

    it('counts a claim as a write and a refused claim as no use', async () => {
      await bounded.setIfAbsent('a', 'A', 60_000);
      await bounded.set('b', 'B', 60_000);
      await bounded.set('c', 'C', 60_000);
      await expect(bounded.setIfAbsent('a', 'again', 60_000)).resolves.toBe(false);
      await bounded.setIfAbsent('d', 'D', 60_000);

      await expect(contents(['a', 'b', 'c', 'd'])).resolves.toEqual([undefined, 'B', 'C', 'D']);
    });

    it('overwrites a key in place without evicting another', async () => {
      for (const key of ['a', 'b', 'c']) await bounded.set(key, key.toUpperCase(), 60_000);
      await bounded.set('a', 'A2', 60_000);

      await expect(contents(['a', 'b', 'c'])).resolves.toEqual(['A2', 'B', 'C']);
    });

    it('frees the slot of a deleted key', async () => {
      for (const key of ['a', 'b', 'c']) await bounded.set(key, key.toUpperCase(), 60_000);
      await bounded.delete('b');
      await bounded.set('d', 'D', 60_000);

      await expect(contents(['a', 'b', 'c', 'd'])).resolves.toEqual(['A', undefined, 'C', 'D']);
    });

    it('holds 100 000 entries by default', async () => {
      const roomy = new InMemoryKeyValueStore({ now: clock.now });
      for (let index = 0; index <= 100_000; index += 1) await roomy.set(`k${index}`, 'v', 60_000);

      await expect(Promise.all([roomy.get('k0'), roomy.get('k1'), roomy.get('k100000')])).resolves.toEqual([undefined, 'v', 'v']);
      await roomy.close();
    });

    it.each([0, -1, 1.5, Number.NaN])('refuses maxEntries %p', (maxEntries) => {
      expect(() => new InMemoryKeyValueStore({ maxEntries })).toThrow(/maxEntries must be a positive integer/);
    });
  });
});

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
    store = new InMemoryKeyValueStore(clock.now);
  });

  afterEach(async () => {
    await store.close();
  });

  it('returns undefined when a key was never set', async () => {
    await expect(store.get('missing')).resolves.toBeUndefined();
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
});

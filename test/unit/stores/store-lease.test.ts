import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';
import { StoreLease } from '../../../src/stores/store-lease';
import { failingStore } from '../../support/failing-store';

describe('StoreLease', () => {
  let clock: number;
  let store: InMemoryKeyValueStore;

  function lease(holderId: string): StoreLease {
    return new StoreLease({ store, key: 'lease:poll', ttlMs: 1_000, holderId, now: () => clock });
  }

  beforeEach(() => {
    clock = 1_000_000;
    store = new InMemoryKeyValueStore(() => clock);
  });

  it('lets the first claimant hold it and refuses the second', async () => {
    const a = lease('a');
    const b = lease('b');

    await expect(a.claim()).resolves.toBe(true);
    await expect(b.claim()).resolves.toBe(false);

    expect([a.held, b.held]).toEqual([true, false]);
    await expect(store.get('lease:poll')).resolves.toBe('a');
  });

  it('lets exactly one of concurrent claims win', async () => {
    const contenders = ['a', 'b', 'c', 'd'].map(lease);

    const won = await Promise.all(contenders.map((contender) => contender.claim()));

    expect(won.filter(Boolean)).toHaveLength(1);
  });

  it('renews a held lease so it outlives its first TTL', async () => {
    const a = lease('a');
    const b = lease('b');
    await a.claim();

    clock += 900;
    await expect(a.claim()).resolves.toBe(true);
    clock += 900;

    await expect(b.claim()).resolves.toBe(false);
    expect(a.held).toBe(true);
  });

  it('passes to another claimant once the holder stops renewing for a TTL', async () => {
    const a = lease('a');
    const b = lease('b');
    await a.claim();

    clock += 999;
    await expect(b.claim()).resolves.toBe(false);
    clock += 1;

    expect(a.held).toBe(false);
    await expect(b.claim()).resolves.toBe(true);
    await expect(a.claim()).resolves.toBe(false);
  });

  it('is free at once after release, and a release never removes another holder', async () => {
    const a = lease('a');
    const b = lease('b');
    await a.claim();

    await a.release();
    expect(a.held).toBe(false);
    await expect(b.claim()).resolves.toBe(true);
    await a.release();

    await expect(store.get('lease:poll')).resolves.toBe('b');
  });

  it('counts as not held when the store fails', async () => {
    const failing = new StoreLease({
      store: failingStore(),
      key: 'lease:poll',
      ttlMs: 1_000,
    });

    await expect(failing.claim()).rejects.toThrow('down');
    expect(failing.held).toBe(false);
  });

  it('refuses a TTL that is not positive', () => {
    expect(() => new StoreLease({ store, key: 'k', ttlMs: 0 })).toThrow(RangeError);
  });
});

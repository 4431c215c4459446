import { DEFAULT_POLL_BACKOFF, OutcomeWatch, pollDelayMs } from '../../../src/idempotency/outcome-watch';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';

describe('pollDelayMs', () => {
  it('doubles from 10 ms and stops at 250 ms when the jitter draws its maximum', () => {
    const delays = Array.from({ length: 8 }, (_, attempt) => pollDelayMs(attempt, DEFAULT_POLL_BACKOFF, () => 1));
    expect(delays).toEqual([10, 20, 40, 80, 160, 250, 250, 250]);
  });

  it('never waits less than half of the ceiling', () => {
    const delays = Array.from({ length: 8 }, (_, attempt) => pollDelayMs(attempt, DEFAULT_POLL_BACKOFF, () => 0));
    expect(delays).toEqual([5, 10, 20, 40, 80, 125, 125, 125]);
  });

  it('stays at the ceiling for attempt numbers far past it', () => {
    expect(pollDelayMs(10_000, DEFAULT_POLL_BACKOFF, () => 1)).toBe(250);
  });
});

describe('OutcomeWatch', () => {
  const RUNNING = 'running';
  const isRunning = (raw: string): boolean => raw === RUNNING;
  let store: InMemoryKeyValueStore;

  beforeEach(() => {
    store = new InMemoryKeyValueStore();
  });
  afterEach(() => store.close());

  it('resolves with the record once it stops running, found by polling', async () => {
    await store.set('k', RUNNING, 60_000);
    const watch = new OutcomeWatch(store, isRunning, { initialDelayMs: 1, maxDelayMs: 2 });

    const seen = watch.wait('k', 10_000);
    await store.set('k', 'done', 60_000);

    await expect(seen).resolves.toEqual({ kind: 'settled', raw: 'done' });
  });

  it('resolves with undefined when the record is deleted', async () => {
    await store.set('k', RUNNING, 60_000);
    const watch = new OutcomeWatch(store, isRunning, { initialDelayMs: 1, maxDelayMs: 2 });

    const seen = watch.wait('k', 10_000);
    await store.delete('k');

    await expect(seen).resolves.toEqual({ kind: 'settled', raw: undefined });
  });

  it('answers expired when the record is still running at the end of the wait', async () => {
    await store.set('k', RUNNING, 60_000);
    const watch = new OutcomeWatch(store, isRunning, { initialDelayMs: 1, maxDelayMs: 2 });

    await expect(watch.wait('k', 5)).resolves.toEqual({ kind: 'expired' });
    await expect(watch.wait('k', 0)).resolves.toEqual({ kind: 'expired' });
  });

  it('reads at once when woken, without waiting for the next poll', async () => {
    await store.set('k', RUNNING, 60_000);
    const watch = new OutcomeWatch(store, isRunning, { initialDelayMs: 3_600_000, maxDelayMs: 3_600_000 });

    const seen = watch.wait('k', 10_000);
    await store.set('k', 'done', 60_000);
    watch.wake('k');

    await expect(seen).resolves.toEqual({ kind: 'settled', raw: 'done' });
  });

  it('rejects the waiters when the store fails', async () => {
    const failing = { get: () => Promise.reject(new Error('ECONNRESET')) };
    const watch = new OutcomeWatch(failing, isRunning, { initialDelayMs: 1, maxDelayMs: 1 });

    await expect(watch.wait('k', 10_000)).rejects.toThrow('ECONNRESET');
  });
});

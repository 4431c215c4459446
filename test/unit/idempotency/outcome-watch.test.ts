import { DEFAULT_POLL_BACKOFF, OutcomeWatch, pollDelayMs, type Observation } from '../../../src/idempotency/outcome-watch';
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
  /** A watch on these never reads on a timer: only a wake makes it read. */
  const NO_TIMED_READS = { initialDelayMs: 3_600_000, maxDelayMs: 3_600_000 };
  let store: InMemoryKeyValueStore;

  /** Writes the outcome `done` for `k` and wakes `watch`, as the process that ran the first request does. */
  async function finishAndWake(watch: OutcomeWatch): Promise<void> {
    await store.set('k', 'done', 60_000);
    watch.wake('k');
  }

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
    const watch = new OutcomeWatch(store, isRunning, NO_TIMED_READS);

    const seen = watch.wait('k', 10_000);
    await finishAndWake(watch);

    await expect(seen).resolves.toEqual({ kind: 'settled', raw: 'done' });
  });

  it('rejects the waiters when the store fails', async () => {
    const failing = { get: () => Promise.reject(new Error('ECONNRESET')) };
    const watch = new OutcomeWatch(failing, isRunning, { initialDelayMs: 1, maxDelayMs: 1 });

    await expect(watch.wait('k', 10_000)).rejects.toThrow('ECONNRESET');
  });

  describe('on a fake clock', () => {
    /** The test's store, counting reads; `holdNextRead` keeps the next read in flight until its release is called. */
    function countedStore(): {
      get: (key: string) => Promise<string | undefined>;
      reads: () => number;
      holdNextRead: () => (value: string | undefined) => void;
    } {
      let reads = 0;
      let armed = false;
      let release: ((value: string | undefined) => void) | undefined;
      return {
        get: (key) => {
          reads += 1;
          if (!armed) return store.get(key);
          armed = false;
          return new Promise((resolve) => {
            release = resolve;
          });
        },
        reads: () => reads,
        holdNextRead: () => {
          armed = true;
          return (value) => release?.(value);
        },
      };
    }

    /** A wait on a running record (first read at 10 ms, backoff up to an hour), 10 ms in: its first read is held in flight. */
    async function waitWithFirstReadHeld(): Promise<{
      counted: ReturnType<typeof countedStore>;
      watch: OutcomeWatch;
      release: (value: string | undefined) => void;
      seen: Promise<Observation>;
    }> {
      await store.set('k', RUNNING, 3_600_000);
      const counted = countedStore();
      const watch = new OutcomeWatch(counted, isRunning, { initialDelayMs: 10, maxDelayMs: 3_600_000 });
      const release = counted.holdNextRead();
      const seen = watch.wait('k', 3_600_000);
      await jest.advanceTimersByTimeAsync(10);
      return { counted, watch, release, seen };
    }

    beforeEach(() => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
    });
    afterEach(() => {
      jest.useRealTimers();
      jest.restoreAllMocks();
    });

    it('reads after delays that double from 10 ms (the jitter at its maximum)', async () => {
      jest.spyOn(Math, 'random').mockReturnValue(1);
      await store.set('k', RUNNING, 3_600_000);
      const counted = countedStore();
      const watch = new OutcomeWatch(counted, isRunning);
      void watch.wait('k', 60_000);

      const readsBy = async (ms: number): Promise<number> => {
        await jest.advanceTimersByTimeAsync(ms);
        return counted.reads();
      };

      // Reads at 10, 30, 70 and 150 ms.
      expect([await readsBy(9), await readsBy(1), await readsBy(20), await readsBy(40), await readsBy(80)]).toEqual([0, 1, 2, 3, 4]);
    });

    it('shares one poll between the waiters for a key: one read for three of them', async () => {
      await store.set('k', RUNNING, 3_600_000);
      const counted = countedStore();
      const watch = new OutcomeWatch(counted, isRunning, NO_TIMED_READS);
      const waiters = [watch.wait('k', 10_000), watch.wait('k', 10_000), watch.wait('k', 10_000)];

      await finishAndWake(watch);

      await expect(Promise.all(waiters)).resolves.toEqual(Array.from({ length: 3 }, () => ({ kind: 'settled', raw: 'done' })));
      expect(counted.reads()).toBe(1);
    });

    it("keeps the shared poll going until the latest waiter's deadline", async () => {
      await store.set('k', RUNNING, 3_600_000);
      const watch = new OutcomeWatch(store, isRunning, { initialDelayMs: 10, maxDelayMs: 10 });
      const early = watch.wait('k', 100);
      const late = watch.wait('k', 1_000);

      await jest.advanceTimersByTimeAsync(150);
      await expect(early).resolves.toEqual({ kind: 'expired' });
      await store.set('k', 'done', 60_000);
      await jest.advanceTimersByTimeAsync(20);

      await expect(late).resolves.toEqual({ kind: 'settled', raw: 'done' });
    });

    it('does not lose a wake that comes while a read is in flight: it reads again at once', async () => {
      const { counted, watch, release, seen } = await waitWithFirstReadHeld();
      expect(counted.reads()).toBe(1);

      watch.wake('k');
      await store.set('k', 'done', 60_000);
      release(RUNNING);

      await expect(seen).resolves.toEqual({ kind: 'settled', raw: 'done' });
      expect(counted.reads()).toBe(2);
    });

    it('stops reading at its deadline, and leaves no timer behind', async () => {
      jest.spyOn(Math, 'random').mockReturnValue(1);
      await store.set('k', RUNNING, 3_600_000);
      const counted = countedStore();
      const watch = new OutcomeWatch(counted, isRunning, { initialDelayMs: 10, maxDelayMs: 10 });
      const seen = watch.wait('k', 100);

      await jest.advanceTimersByTimeAsync(100);
      await expect(seen).resolves.toEqual({ kind: 'expired' });
      // One read every 10 ms up to the deadline, the one at 100 ms included; none after it.
      expect(counted.reads()).toBe(10);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(counted.reads()).toBe(10);
      expect(jest.getTimerCount()).toBe(0);
    });

    it('leaves no timer behind once a wait has settled', async () => {
      await store.set('k', RUNNING, 3_600_000);
      const watch = new OutcomeWatch(store, isRunning, NO_TIMED_READS);
      const seen = watch.wait('k', 10_000);
      await finishAndWake(watch);

      await expect(seen).resolves.toEqual({ kind: 'settled', raw: 'done' });
      expect(jest.getTimerCount()).toBe(0);
    });

    it('uses a wake once: a read it brought forward that still finds the record running waits the backoff again', async () => {
      const { counted, watch, release, seen } = await waitWithFirstReadHeld();

      watch.wake('k');
      release(RUNNING);
      await jest.advanceTimersByTimeAsync(5);

      // The first read, and the one the wake brought forward; the next waits at least 10 ms more.
      expect(counted.reads()).toBe(2);
      await finishAndWake(watch);
      await expect(seen).resolves.toEqual({ kind: 'settled', raw: 'done' });
    });

    it('starts a new poll for a wait after an earlier one settled, rather than replaying its result', async () => {
      await store.set('k', RUNNING, 3_600_000);
      const watch = new OutcomeWatch(store, isRunning, NO_TIMED_READS);
      const first = watch.wait('k', 10_000);
      await finishAndWake(watch);
      await expect(first).resolves.toEqual({ kind: 'settled', raw: 'done' });

      await store.set('k', RUNNING, 3_600_000);
      const second = watch.wait('k', 100);
      await jest.advanceTimersByTimeAsync(100);

      await expect(second).resolves.toEqual({ kind: 'expired' });
    });
  });
});

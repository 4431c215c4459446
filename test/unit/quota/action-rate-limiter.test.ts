import { getEventListeners } from 'node:events';
import { ActionRateLimiter, type ActionRateLimiterOptions, type RateLimitMetrics } from '../../../datasources/http/action-rate-limiter';
import type { Deadline } from '../../../datasources/http/call-deadline';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import { InMemorySlidingWindow } from '../../../src/stores/in-memory-sliding-window';
import type { SlidingWindowLimiter, SlidingWindowRequest } from '../../../src/stores/sliding-window';

const ACTION = 'DescribeFlowInfo';

/** The logs, recording every request the limiter made of them. */
class RecordingWindows implements SlidingWindowLimiter {
  readonly requests: SlidingWindowRequest[] = [];
  private readonly inner = new InMemorySlidingWindow(() => Date.now());
  take(request: SlidingWindowRequest): ReturnType<SlidingWindowLimiter['take']> {
    this.requests.push(request);
    return this.inner.take(request);
  }
}

function limiter(overrides: Partial<ActionRateLimiterOptions> = {}): { limiter: ActionRateLimiter; windows: RecordingWindows } {
  const windows = new RecordingWindows();
  return {
    windows,
    limiter: new ActionRateLimiter({
      vendor: Vendor.TENCENT_ESS,
      vendorKey: 'ess',
      windows,
      rateFor: () => 2,
      callerShare: 0.5,
      maxWaitMs: 1_000,
      windowMs: 1_000,
      // The fake timers move Date.now; the logs use the same clock.
      now: () => Date.now(),
      ...overrides,
    }),
  };
}

/** The counts the limiter reported, as `vendor action hold` lines in the order reported. */
class RecordingMetrics implements RateLimitMetrics {
  readonly counted: string[] = [];
  countRateLimited(vendor: string, action: string, hold: string): void {
    this.counted.push(`${vendor} ${action} ${hold}`);
  }
}

async function refusal(promise: Promise<unknown>): Promise<VendorError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof VendorError)) throw new Error(`expected a VendorError, got ${String(outcome)}`);
  return outcome;
}

/** Whether `promise` settled, after the fake clock moved by `ms`. */
async function settledAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await jest.advanceTimersByTimeAsync(ms);
  return settled;
}

describe('ActionRateLimiter', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000, doNotFake: ['nextTick', 'queueMicrotask'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });
  /** A call's deadline, passed when `controller` aborts. */
  const deadlineOf = (controller: AbortController): Deadline => ({
    get aborted() {
      return controller.signal.aborted;
    },
    signal: controller.signal,
  });
  /** A call's deadline that has not passed. */
  const openDeadline = (): Deadline => deadlineOf(new AbortController());

  it('waits for the slot that frees first when the wait fits in maxWaitMs, and not longer', async () => {
    const { limiter: rateLimiter } = limiter();
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    await jest.advanceTimersByTimeAsync(300);
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);

    const third = rateLimiter.acquire(ACTION, openDeadline(), undefined);

    // The first slot leaves the window 700 ms later: not before.
    expect(await settledAfter(third, 699)).toBe(false);
    expect(await settledAfter(third, 1)).toBe(true);
    await expect(third).resolves.toBeUndefined();
  });

  it('waits when the wait is exactly maxWaitMs', async () => {
    const { limiter: rateLimiter } = limiter({ maxWaitMs: 700 });
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    await jest.advanceTimersByTimeAsync(300);
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);

    const third = rateLimiter.acquire(ACTION, openDeadline(), undefined);

    expect(await settledAfter(third, 700)).toBe(true);
    await expect(third).resolves.toBeUndefined();
  });

  it('keeps time by the monotonic clock when given none', async () => {
    const { limiter: rateLimiter } = limiter({ now: undefined, maxWaitMs: 500 });
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);

    // The window has room in 1 000 ms, past the 500 ms budget.
    expect((await refusal(rateLimiter.acquire(ACTION, openDeadline(), undefined))).code).toBe(ErrorCode.RATE_LIMITED);
  });

  it('stops waiting as soon as the deadline passes, and leaves no listener on its signal', async () => {
    const { limiter: rateLimiter } = limiter({ maxWaitMs: 60_000 });
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    const controller = new AbortController();
    const deadline = deadlineOf(controller);

    const waiting = rateLimiter.acquire(ACTION, deadline, undefined);
    expect(await settledAfter(waiting, 100)).toBe(false);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();

    expect((await refusal(waiting)).code).toBe(ErrorCode.RATE_LIMITED);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('leaves no listener on the signal after a wait that ended with a slot', async () => {
    const { limiter: rateLimiter } = limiter();
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    const deadline = openDeadline();

    const third = rateLimiter.acquire(ACTION, deadline, undefined);
    expect(await settledAfter(third, 1_000)).toBe(true);

    expect(getEventListeners(deadline.signal, 'abort')).toHaveLength(0);
  });

  it('refuses with RATE_LIMITED and the time until the window has room, rounded up, when that is past maxWaitMs', async () => {
    const { limiter: rateLimiter } = limiter({ windowMs: 2_500, maxWaitMs: 1_000 });
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    await jest.advanceTimersByTimeAsync(200);

    const error = await refusal(rateLimiter.acquire(ACTION, openDeadline(), undefined));

    expect(error).toMatchObject({
      code: ErrorCode.RATE_LIMITED,
      message: 'Too many requests to the vendor; try again shortly.',
      vendor: Vendor.TENCENT_ESS,
      retryable: true,
      retryAfterSeconds: 3,
    });
  });

  it('says retryAfterSeconds 1 when the window has room in less than a second', async () => {
    const { limiter: rateLimiter } = limiter({ maxWaitMs: 0 });
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    await jest.advanceTimersByTimeAsync(900);

    expect((await refusal(rateLimiter.acquire(ACTION, openDeadline(), undefined))).retryAfterSeconds).toBe(1);
  });

  it('gives all attempts of one call (one deadline signal) one wait budget: a retry does not wait again', async () => {
    const { limiter: rateLimiter } = limiter({ windowMs: 1_500, maxWaitMs: 1_000 });
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    const deadline = openDeadline();
    await jest.advanceTimersByTimeAsync(100);

    // 1 400 ms to wait: past the budget, refused at once.
    expect((await refusal(rateLimiter.acquire(ACTION, deadline, undefined))).code).toBe(ErrorCode.RATE_LIMITED);
    await jest.advanceTimersByTimeAsync(800);
    // 600 ms to wait now, but this call has 200 ms of its 1 000 left: still refused at once.
    const retry = rateLimiter.acquire(ACTION, deadline, undefined);
    expect(await settledAfter(retry, 0)).toBe(true);
    expect((await refusal(retry)).code).toBe(ErrorCode.RATE_LIMITED);
    // Another call may wait those 600 ms.
    const other = rateLimiter.acquire(ACTION, openDeadline(), undefined);
    expect(await settledAfter(other, 599)).toBe(false);
    expect(await settledAfter(other, 1)).toBe(true);
    await expect(other).resolves.toBeUndefined();
  });

  it('refuses at once when the caller has already given up', async () => {
    const { limiter: rateLimiter } = limiter({ maxWaitMs: 60_000 });
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);
    await rateLimiter.acquire(ACTION, openDeadline(), undefined);

    expect((await refusal(rateLimiter.acquire(ACTION, { aborted: true, signal: AbortSignal.abort() }, undefined))).code).toBe(
      ErrorCode.RATE_LIMITED,
    );
  });

  it('keeps one budget per vendor action, with the rate configured for each', async () => {
    const rates: Record<string, number> = { DescribeFlowInfo: 3, CreateFlowReminds: 1 };
    const { limiter: rateLimiter, windows } = limiter({ rateFor: (action) => rates[action] ?? 0, maxWaitMs: 0 });
    for (let index = 0; index < 3; index += 1) await rateLimiter.acquire('DescribeFlowInfo', openDeadline(), undefined);
    await rateLimiter.acquire('CreateFlowReminds', openDeadline(), undefined);

    expect((await refusal(rateLimiter.acquire('DescribeFlowInfo', openDeadline(), undefined))).code).toBe(ErrorCode.RATE_LIMITED);
    expect((await refusal(rateLimiter.acquire('CreateFlowReminds', openDeadline(), undefined))).code).toBe(ErrorCode.RATE_LIMITED);
    expect(new Set(windows.requests.map((request) => `${request.key}=${String(request.limit)}`))).toEqual(
      new Set(['ess:DescribeFlowInfo=3', 'ess:CreateFlowReminds=1']),
    );
  });

  it("gives a caller callerShare of the action's rate (rounded down, at least 1) and leaves the rest to others", async () => {
    let caller: string | undefined = 'flooder';
    const { limiter: rateLimiter, windows } = limiter({ rateFor: () => 10, callerShare: 0.35, maxWaitMs: 0 });
    const granted = async (count: number): Promise<number> => {
      let ok = 0;
      for (let index = 0; index < count; index += 1) {
        ok += await rateLimiter.acquire(ACTION, openDeadline(), caller).then(
          () => 1,
          () => 0,
        );
      }
      return ok;
    };

    expect(await granted(10)).toBe(3);
    caller = 'quiet';
    expect(await granted(3)).toBe(3);
    expect(windows.requests.at(-1)?.caller).toEqual({ id: 'quiet', limit: 3 });
    // Without a caller (AUTH_MODE=none) only the action's own rate applies.
    caller = undefined;
    expect(await granted(10)).toBe(4);
    expect(windows.requests.at(-1)?.caller).toBeUndefined();
  });
  describe('its metrics (vendor_attempts_rate_limited_total)', () => {
    it('counts nothing for attempts that got a slot at once', async () => {
      const metrics = new RecordingMetrics();
      const { limiter: rateLimiter } = limiter({ metrics });

      await rateLimiter.acquire(ACTION, openDeadline(), undefined);
      await rateLimiter.acquire(ACTION, openDeadline(), 'someone');

      expect(metrics.counted).toEqual([]);
    });

    it('counts an attempt that waited for a slot once, as waited, when it gets the slot', async () => {
      const metrics = new RecordingMetrics();
      const { limiter: rateLimiter } = limiter({ metrics });
      await rateLimiter.acquire(ACTION, openDeadline(), undefined);
      await rateLimiter.acquire(ACTION, openDeadline(), undefined);

      const third = rateLimiter.acquire(ACTION, openDeadline(), undefined);
      expect(await settledAfter(third, 999)).toBe(false);
      expect(metrics.counted).toEqual([]);
      expect(await settledAfter(third, 1)).toBe(true);

      expect(metrics.counted).toEqual(['TENCENT_ESS DescribeFlowInfo waited']);
    });

    it('counts a refused attempt as refused, also one that waited first and then ran out of its deadline', async () => {
      const metrics = new RecordingMetrics();
      const { limiter: rateLimiter } = limiter({ metrics, maxWaitMs: 60_000 });
      await rateLimiter.acquire(ACTION, openDeadline(), undefined);
      await rateLimiter.acquire(ACTION, openDeadline(), undefined);
      const controller = new AbortController();
      const deadline = deadlineOf(controller);

      const waiting = rateLimiter.acquire(ACTION, deadline, undefined);
      expect(await settledAfter(waiting, 100)).toBe(false);
      controller.abort();
      await refusal(waiting);
      await refusal(rateLimiter.acquire(ACTION, { aborted: true, signal: AbortSignal.abort() }, undefined));

      expect(metrics.counted).toEqual(['TENCENT_ESS DescribeFlowInfo refused', 'TENCENT_ESS DescribeFlowInfo refused']);
    });
  });
});

import { CircuitState } from 'cockatiel';
import { FailureRateBreaker, type FailureRateOptions } from '../../../datasources/http/failure-rate-breaker';
import { fakeDate } from './fake-date';

/** DESIGN.md "Reliability contract": a failure rate over a sliding window, with a minimum number of calls. */
const OPTIONS: FailureRateOptions = { failureRate: 0.5, windowMs: 10_000, minimumCalls: 4 };

describe('FailureRateBreaker', () => {
  let clock: { advance(ms: number): void };

  beforeEach(() => {
    // A slice boundary: the window's tenths (1 s here) start at whole seconds.
    clock = fakeDate(new Date('2026-03-02T09:00:00.000Z'));
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it.each([
    [0, 'failureRate must be in (0, 1], got 0'],
    [-0.1, 'failureRate must be in (0, 1], got -0.1'],
    [1.5, 'failureRate must be in (0, 1], got 1.5'],
    [Number.NaN, 'failureRate must be in (0, 1], got NaN'],
  ])('refuses failureRate %s, naming it', (failureRate, message) => {
    expect(() => new FailureRateBreaker({ ...OPTIONS, failureRate })).toThrow(new RangeError(message));
  });

  it('refuses a window shorter than its ten buckets and a minimumCalls below 1, naming the value', () => {
    expect(() => new FailureRateBreaker({ ...OPTIONS, windowMs: 9 })).toThrow(new RangeError('windowMs must be at least 10, got 9'));
    expect(() => new FailureRateBreaker({ ...OPTIONS, minimumCalls: 0 })).toThrow(new RangeError('minimumCalls must be at least 1, got 0'));
  });

  it('accepts the edges: failureRate 1, a 10 ms window and a minimum of 1 call', () => {
    const breaker = new FailureRateBreaker({ failureRate: 1, windowMs: 10, minimumCalls: 1 });
    expect(breaker.failure(CircuitState.Closed)).toBe(true);
  });

  it('opens once the window holds minimumCalls calls and failures reach the rate (at it, not only above it)', () => {
    const breaker = new FailureRateBreaker(OPTIONS);
    breaker.success(CircuitState.Closed);
    breaker.success(CircuitState.Closed);

    expect(breaker.failure(CircuitState.Closed)).toBe(false); // 1 of 3 calls: fewer than 4
    expect(breaker.failure(CircuitState.Closed)).toBe(true); // 2 of 4: exactly 0.5
    expect(breaker.window()).toEqual({ failures: 2, calls: 4 });
  });

  it('stays closed under minimumCalls however many of the calls failed', () => {
    const breaker = new FailureRateBreaker(OPTIONS);
    expect([1, 2, 3, 4].map(() => breaker.failure(CircuitState.Closed))).toEqual([false, false, false, true]);
  });

  it('counts the last windowMs: a call 9 s back still counts, one 10 s back no longer does', () => {
    const breaker = new FailureRateBreaker(OPTIONS);
    breaker.failure(CircuitState.Closed);
    clock.advance(9_000);
    expect(breaker.window()).toEqual({ failures: 1, calls: 1 });
    clock.advance(1_000);
    expect(breaker.window()).toEqual({ failures: 0, calls: 0 });
  });

  it('forgets stale buckets that a new slice has not overwritten yet', () => {
    // One failure every 11 s lands in a different bucket each time: after ten, every bucket holds one
    // failure, and all but the latest are older than the window.
    const breaker = new FailureRateBreaker(OPTIONS);
    const opened = Array.from({ length: 10 }, () => {
      const verdict = breaker.failure(CircuitState.Closed);
      clock.advance(11_000);
      return verdict;
    });

    expect(opened).toEqual(Array.from({ length: 10 }, () => false));
    expect(breaker.window()).toEqual({ failures: 0, calls: 0 });
  });

  it('keeps counting across many slices, one bucket per slice of the last ten', () => {
    const breaker = new FailureRateBreaker(OPTIONS);
    for (let slice = 0; slice < 25; slice += 1) {
      breaker.success(CircuitState.Closed);
      clock.advance(1_000);
    }
    clock.advance(-1_000);

    expect(breaker.window()).toEqual({ failures: 0, calls: 10 });
  });

  it('reopens on a failed half-open trial, whatever the window holds', () => {
    const breaker = new FailureRateBreaker(OPTIONS);
    expect(breaker.failure(CircuitState.HalfOpen)).toBe(true);
  });

  it('starts a fresh window when a half-open trial succeeds: the outage that opened it is over', () => {
    const breaker = new FailureRateBreaker(OPTIONS);
    for (let call = 0; call < 4; call += 1) breaker.failure(CircuitState.Closed);

    breaker.success(CircuitState.HalfOpen);

    expect(breaker.window()).toEqual({ failures: 0, calls: 1 });
  });

  it('shows its buckets as copies, and starts empty when cockatiel restores a state', () => {
    const breaker = new FailureRateBreaker(OPTIONS);
    breaker.failure(CircuitState.Closed);
    const slice = Math.floor(Date.now() / 1_000);

    const shown = breaker.state;
    expect(shown).toEqual(expect.arrayContaining([{ slice, failures: 1, successes: 0 }]));
    expect(shown).toHaveLength(10);
    if (Array.isArray(shown)) shown.forEach((bucket: { failures: number }) => (bucket.failures = 99));
    expect(breaker.window()).toEqual({ failures: 1, calls: 1 });

    breaker.state = shown;
    expect(breaker.window()).toEqual({ failures: 0, calls: 0 });
  });
});

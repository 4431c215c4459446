import { CircuitState, type IBreaker } from 'cockatiel';

/** When a `FailureRateBreaker` opens. */
export interface FailureRateOptions {
  /** Share of the window's calls that failed, in (0, 1], at or above which the circuit opens. */
  readonly failureRate: number;
  /** Length of the sliding window, in ms. */
  readonly windowMs: number;
  /** Calls the window must hold before its failure rate counts: under that load it never opens. */
  readonly minimumCalls: number;
}

interface Bucket {
  /** `floor(now / bucketMs)` of the calls counted here; a bucket of another slice holds stale counts. */
  slice: number;
  failures: number;
  successes: number;
}

/** Buckets per window: the window slides in steps of a tenth of its length. */
const BUCKETS = 10;

/**
 * A cockatiel breaker (`IBreaker`) that opens on a failure rate over a sliding time window, once the
 * window holds `minimumCalls` calls.
 *
 * Cockatiel's own `SamplingBreaker` has the same parameters (threshold, duration, minimumRps) but moves
 * on by one bucket per recorded call, however long the pause before it was: after a quiet spell its other
 * buckets still hold counts from long before the window, so isolated failures an hour apart add up and
 * open the circuit. Here every bucket knows which time slice it counts, and stale ones are ignored.
 * Time is `Date.now()`, as in cockatiel's circuit breaker policy that drives this.
 */
export class FailureRateBreaker implements IBreaker {
  private readonly bucketMs: number;
  private buckets: Bucket[];

  constructor(private readonly options: FailureRateOptions) {
    if (!(options.failureRate > 0 && options.failureRate <= 1)) {
      throw new RangeError(`failureRate must be in (0, 1], got ${options.failureRate}`);
    }
    if (!(options.windowMs >= BUCKETS)) throw new RangeError(`windowMs must be at least ${BUCKETS}, got ${options.windowMs}`);
    if (!(options.minimumCalls >= 1)) throw new RangeError(`minimumCalls must be at least 1, got ${options.minimumCalls}`);
    this.bucketMs = Math.ceil(options.windowMs / BUCKETS);
    this.buckets = emptyBuckets();
  }

  /** The window's buckets; cockatiel's `toJSON` serialises this. */
  get state(): unknown {
    return this.buckets.map((bucket) => ({ ...bucket }));
  }

  /** Counts from another process are not restored (nothing here hydrates a breaker): the window starts empty. */
  set state(_value: unknown) {
    this.buckets = emptyBuckets();
  }

  success(state: CircuitState): void {
    // A successful half-open trial closes the circuit: the outage that opened it is over.
    if (state === CircuitState.HalfOpen) this.buckets = emptyBuckets();
    this.bucketForNow().successes += 1;
  }

  failure(state: CircuitState): boolean {
    this.bucketForNow().failures += 1;
    // A failed half-open trial opens the circuit again.
    if (state !== CircuitState.Closed) return true;
    const { failures, calls } = this.window();
    return calls >= this.options.minimumCalls && failures >= this.options.failureRate * calls;
  }

  /** Failures and calls in all, over the buckets of the last `windowMs`. */
  window(): { readonly failures: number; readonly calls: number } {
    const oldest = this.currentSlice() - BUCKETS + 1;
    let failures = 0;
    let calls = 0;
    for (const bucket of this.buckets) {
      if (bucket.slice < oldest) continue;
      failures += bucket.failures;
      calls += bucket.failures + bucket.successes;
    }
    return { failures, calls };
  }

  private currentSlice(): number {
    return Math.floor(Date.now() / this.bucketMs);
  }

  private bucketForNow(): Bucket {
    const slice = this.currentSlice();
    const index = ((slice % BUCKETS) + BUCKETS) % BUCKETS;
    // Stryker disable next-line ObjectLiteral: equivalent: the ten buckets always exist, the fallback only satisfies the index type
    const bucket = this.buckets[index] ?? { slice, failures: 0, successes: 0 };
    if (bucket.slice !== slice) {
      bucket.slice = slice;
      bucket.failures = 0;
      bucket.successes = 0;
    }
    this.buckets[index] = bucket;
    return bucket;
  }
}

function emptyBuckets(): Bucket[] {
  return Array.from({ length: BUCKETS }, () => ({ slice: Number.NEGATIVE_INFINITY, failures: 0, successes: 0 }));
}

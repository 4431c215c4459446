import { CircuitState, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import type { Logger } from 'pino';
import type { Vendor } from '../../src/errors/vendor';
import { VendorError } from '../../src/errors/vendor-error';
import type { Deadline } from './call-deadline';
import { FailureRateBreaker } from './failure-rate-breaker';
import type { CircuitPosition, VendorMetrics } from './vendor-metrics';

/** When a vendor's circuit opens and how long it stays open (DESIGN.md "Reliability contract"). */
export interface BreakerOptions {
  /** Share of the window's logical calls that were outages, at or above which the circuit opens. Default 0.5. */
  readonly failureRate: number;
  /** Sliding window the rate is measured over. Default 10 s. */
  readonly windowMs: number;
  /** Logical calls the window must hold before it may open, so a few isolated failures never do. Default 10. */
  readonly minimumCalls: number;
  /** How long the circuit stays open before one trial call. Default 10 s. */
  readonly halfOpenAfterMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = Object.freeze({
  failureRate: 0.5,
  windowMs: 10_000,
  minimumCalls: 10,
  halfOpenAfterMs: 10_000,
});

/**
 * How one finished logical call counts: `outage` (the vendor is down or hanging) is a failure, `alive` (the
 * vendor answered, even with an error) a success, `uncounted` (it never reached the vendor, e.g. our own
 * rate limit refused it) neither.
 */
export type CallVerdict = 'outage' | 'alive' | 'uncounted';

/** Carries an `uncounted` error past cockatiel, which records neither a success nor a failure for it. */
class UncountedFailure extends Error {
  // Stryker disable next-line StringLiteral: equivalent: `execute` unwraps it, so its name and message never leave this file
  override readonly name = 'UncountedFailure';
  constructor(readonly error: unknown) {
    // Stryker disable next-line StringLiteral: equivalent: as above
    super('a vendor call that did not reach the vendor');
  }
}

const POSITIONS: Readonly<Record<CircuitState, CircuitPosition>> = Object.freeze({
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Open]: 'open',
  // Stryker disable next-line StringLiteral: equivalent: nothing here isolates a circuit; the row keeps the map total
  [CircuitState.Isolated]: 'open',
});

/**
 * One vendor's circuit breaker: cockatiel's circuit breaker policy driven by a `FailureRateBreaker`, fed
 * one outcome per logical call (the caller runs its retries inside `execute`). While open, `execute`
 * throws cockatiel's `BrokenCircuitError` without running the call; after `halfOpenAfterMs` one trial
 * call runs (concurrent callers wait for its outcome) and closes the circuit when the vendor answers.
 * State changes are logged (warn when it opens, info otherwise) and reported to `metrics`.
 */
export class VendorCircuit {
  private readonly policy: CircuitBreakerPolicy;
  private readonly breaker: FailureRateBreaker;

  constructor(
    private readonly vendor: Vendor,
    options: Partial<BreakerOptions> | undefined,
    private readonly logger: Logger,
    private readonly metrics: VendorMetrics,
  ) {
    const settings = { ...DEFAULT_BREAKER, ...options };
    this.breaker = new FailureRateBreaker(settings);
    this.policy = circuitBreaker(
      handleWhen((error) => !(error instanceof UncountedFailure)),
      { halfOpenAfter: settings.halfOpenAfterMs, breaker: this.breaker },
    );
    this.policy.onStateChange((state) => {
      this.reportTransition(state, settings);
    });
    metrics.observeCircuitState(vendor, 'closed');
  }

  /** Where the circuit stands now. */
  get position(): CircuitPosition {
    return POSITIONS[this.policy.state];
  }

  /**
   * Runs one logical call, retries included, under the breaker; `verdictOf` says how its error counts.
   *
   * @throws BrokenCircuitError while the circuit is open; otherwise whatever `run` threw.
   */
  async execute<T>(run: () => Promise<T>, verdictOf: (error: unknown) => CallVerdict, deadline: Deadline): Promise<T> {
    // cockatiel acts on the signal only when the circuit is not closed (a call that waited for the trial
    // call, and whose deadline passed meanwhile, is cancelled); a closed circuit's calls need not make one.
    // Stryker disable next-line ConditionalExpression: equivalent for `false`: a closed circuit runs the call at once, never reading the signal
    const signal = this.policy.state === CircuitState.Closed ? undefined : deadline.signal;
    let outcome: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };
    try {
      outcome = await this.policy.execute(async () => {
        try {
          return { ok: true, value: await run() } as const;
        } catch (error: unknown) {
          const verdict = verdictOf(error);
          // A trial call that never reached the vendor proves nothing: the circuit stays open for another period.
          if (verdict === 'outage' || (verdict === 'uncounted' && this.policy.state === CircuitState.HalfOpen)) throw error;
          if (verdict === 'uncounted') throw new UncountedFailure(error);
          // The vendor answered: cockatiel must see a success, which it only does for a call that returns.
          return { ok: false, error } as const;
        }
      }, signal);
    } catch (error: unknown) {
      throw error instanceof UncountedFailure ? error.error : error;
    }
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  private reportTransition(state: CircuitState, settings: BreakerOptions): void {
    const position = POSITIONS[state];
    this.metrics.observeCircuitState(this.vendor, position);
    this.metrics.countCircuitTransition(this.vendor, position);
    const fields = { vendor: this.vendor, circuit: position };
    if (position === 'open') {
      const failure = this.policy.lastFailure;
      const cause = failure && 'error' in failure && failure.error instanceof VendorError ? failure.error : undefined;
      this.logger.warn(
        {
          ...fields,
          ...this.breaker.window(),
          halfOpenAfterMs: settings.halfOpenAfterMs,
          code: cause?.code,
          vendorCode: cause?.vendorCode,
          vendorRequestId: cause?.vendorRequestId,
        },
        'vendor circuit opened: calls fail fast with VENDOR_UNAVAILABLE',
      );
    } else if (position === 'half_open') {
      this.logger.info(fields, 'vendor circuit half-open: one trial call goes through');
    } else {
      this.logger.info(fields, 'vendor circuit closed: the vendor answers again');
    }
  }
}

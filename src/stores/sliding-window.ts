/**
 * The contract of a sliding-window log: a budget of `limit` slots in ANY window of `windowMs`, not per
 * fixed window (a fixed window lets 2 × limit through across its boundary). `InMemorySlidingWindow`
 * serves one process; `RedisSlidingWindow` makes many replicas share one budget; both run the same
 * algorithm, so a replica that falls back to its own log behaves alike.
 */
export interface SlidingWindowLimiter {
  /** Takes a slot when every window in `request` has room; otherwise takes nothing and says how long to wait. */
  take(request: SlidingWindowRequest): Promise<SlidingWindowDecision>;
}

export interface SlidingWindowRequest {
  /** The budget's name, e.g. `ess:DescribeFlowInfo` (vendor and action). */
  readonly key: string;
  /** Most slots taken in any window of `windowMs`. */
  readonly limit: number;
  readonly windowMs: number;
  /**
   * A second window inside `key`'s for one caller (CALLER_RATE_SHARE): the slot is taken in both or in
   * neither, so one caller cannot use more than `limit` of the shared budget.
   */
  readonly caller?: { readonly id: string; readonly limit: number };
}

export type SlidingWindowDecision =
  | { readonly granted: true }
  /** `retryAfterMs`: time until every window of the request has room again (> 0). */
  | { readonly granted: false; readonly retryAfterMs: number };

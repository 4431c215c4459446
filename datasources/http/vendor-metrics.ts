/** Where a vendor's circuit breaker stands: `open` fails calls fast, `half_open` lets one trial call through. */
export type CircuitPosition = 'closed' | 'half_open' | 'open';

/** What the HTTP layer reports per vendor; `src/observability` implements it with prom-client. */
export interface VendorMetrics {
  /** One finished attempt: `outcome` is `ok` or an `ErrorCode`. */
  observeAttempt(vendor: string, operation: string, outcome: string, seconds: number): void;
  /** Where the vendor's circuit stands now: reported when its client is made and after every transition. */
  observeCircuitState(vendor: string, position: CircuitPosition): void;
  /** The vendor's circuit moved to `to`. */
  countCircuitTransition(vendor: string, to: CircuitPosition): void;
}

/** For tests and tools that do not export metrics. */
export const NO_VENDOR_METRICS: VendorMetrics = Object.freeze({
  observeAttempt: () => undefined,
  observeCircuitState: () => undefined,
  countCircuitTransition: () => undefined,
});

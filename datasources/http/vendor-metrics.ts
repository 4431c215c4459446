/** What the HTTP layer reports per vendor attempt; `src/observability` implements it with prom-client. */
export interface VendorMetrics {
  /** One finished attempt: `outcome` is `ok` or an `ErrorCode`. */
  observeAttempt(vendor: string, operation: string, outcome: string, seconds: number): void;
}

/** For tests and tools that do not export metrics. */
export const NO_VENDOR_METRICS: VendorMetrics = Object.freeze({ observeAttempt: () => undefined });

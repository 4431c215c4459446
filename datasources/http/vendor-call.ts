/** The contract between a vendor client and the shared HTTP layer (`VendorHttpClient`). */

/** Whether the vendor call changes state; decides what may be retried. */
export type CallKind = 'read' | 'write';

/** The raw answer of one attempt, its body fully read. */
export interface RawVendorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /**
   * The body's bytes, undecoded (the vendors send UTF-8). Readers decode and parse them in one step
   * (`parseJsonBytes`), so the text lives only as long as its parse. A 100-flow ESS answer decodes to a
   * 200 KB string (its Chinese makes every character two bytes), which V8 keeps as a large object: one
   * still referenced when a young collection runs is promoted whole and held until the next full
   * collection. Decoded when it was read, a promise hop before the parse, such texts were 41 % of what a
   * `flows` load promoted (26–28 % now, by the sampling heap profiler), and that load's peak RSS was 8 MB
   * higher (5 paired runs: 187–196 MB against 175–187).
   */
  readonly body: Buffer;
}

/** What a request looks like on the wire for one attempt; built fresh for every attempt (fresh timestamps). */
export interface WireRequest {
  readonly method: 'GET' | 'POST';
  /** Path plus query string, starting with `/`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * One logical vendor call. The HTTP layer rate-limits it, runs it through the vendor's circuit breaker,
 * retries it where that is safe, and bounds it by the whole-call deadline.
 */
export interface VendorCall<T> {
  /** The vendor's action name (e.g. `DescribeFlowInfo`); keys the rate limiter, metrics and logs. */
  readonly operation: string;
  readonly kind: CallKind;
  /**
   * For writes: the caller holds an idempotency key, so a write that timed out may be retried and a
   * timeout is reported as retryable. Never set this for a write the vendor could run twice.
   */
  readonly idempotent?: boolean;
  /**
   * Builds (and signs) the request for one attempt. `now` is the attempt's clock reading. Synchronous:
   * everything a request needs (credentials, the VNPT token) is at hand before the call is made.
   */
  readonly build: (now: Date) => WireRequest;
  /**
   * Turns the answer into a value or throws a `VendorError` (envelope errors, HTTP status, malformed
   * body). Must never throw anything else for vendor-controlled input.
   */
  readonly parse: (response: RawVendorResponse) => T;
}

/** A count of vendor calls one operation may still make (`OperationBudget`). */
export interface CallBudget {
  readonly limit: number;
  /** Takes one call; false once the budget is spent. */
  take(): boolean;
}

/**
 * The operation a vendor call serves (`RequestScope`): its call budget (`VENDOR_CALLS_PER_OPERATION`) and
 * who calls, for the per-caller rate share (undefined: one caller, no share applies). Passed explicitly
 * from the GraphQL context down to the transport; a call made outside any operation (pollers, callbacks)
 * has none and is limited by the action's rate only.
 */
export interface CallScope {
  readonly budget: CallBudget;
  readonly caller: string | undefined;
}

/**
 * What vendor clients depend on: `VendorHttpClient` implements it over an undici pool. Resolves with
 * `call.parse`'s value or rejects with a `VendorError` (never anything else).
 */
export interface VendorTransport {
  execute<T>(call: VendorCall<T>, scope: CallScope | undefined): Promise<T>;
}

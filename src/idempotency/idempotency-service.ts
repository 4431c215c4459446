import type { Logger } from 'pino';
import { ErrorCode } from '../errors/error-code';
import { VendorError } from '../errors/vendor-error';
import type { KeyValueStore } from '../stores/key-value-store';
import { firstReleasedKey, firstStillRunning, keyLengthInvalid, keyUsedWithOtherInput, recordStoreUnavailable } from './idempotency-errors';
import { idempotencyStoreKey, inputFingerprint, type IdempotencyScope } from './idempotency-key';
import {
  fromStoredError,
  isRunningRecord,
  parseRecord,
  serializeRecord,
  toStoredError,
  type IdempotencyRecord,
} from './idempotency-record';
import { OutcomeWatch, type Observation, type PollBackoff } from './outcome-watch';

export { IDEMPOTENCY_KEY_FIELD } from './idempotency-errors';

export interface IdempotencyOptions {
  /** How long a finished outcome is replayed. Default 24 h (Stripe's window). */
  readonly retentionMs?: number;
  /** How long a claim of a running request holds if its replica dies. Default 2 min. */
  readonly claimMs?: number;
  /**
   * `VENDOR_TIMEOUT_MS`, the deadline of one vendor call: the longest a duplicate waits for the first
   * request's outcome (the first's own vendor call ends by then). Default 10 000, the config default.
   */
  readonly vendorTimeoutMs?: number;
  /** How a waiting duplicate reads the record. Default 10 ms doubling to 250 ms, with jitter. */
  readonly pollBackoff?: PollBackoff;
  /** Warned when an outcome could not be recorded after the operation ran (the answer still stands). */
  readonly logger?: Pick<Logger, 'warn'>;
}

const MAX_KEY_LENGTH = 255;

/**
 * Idempotency keys for writes, with Stripe's semantics (DESIGN.md "Reliability contract"):
 * - the first outcome for a key — success or a final typed error — is stored and replayed for the same
 *   key and the same input for 24 h; the same key with different input is `IDEMPOTENCY_CONFLICT`;
 * - a duplicate that arrives while the first request is running waits for its outcome (up to the vendor
 *   deadline, `vendorTimeoutMs`) and replays it, so concurrent duplicates reach the vendor once, on one
 *   replica or many. A wait that runs out is a *retryable* `IDEMPOTENCY_CONFLICT`;
 * - retryable failures (outage, timeout, rate limit) are not stored: the key is released so the client
 *   can send it again (a duplicate that was waiting is told so, retryably, and does not run it itself).
 * Records live in a `KeyValueStore` (in-process, or Redis so that every replica sees them) under a key
 * hashed from the scope tuple and the key (`idempotencyStoreKey`).
 */
export class IdempotencyService {
  private readonly retentionMs: number;
  private readonly claimMs: number;
  private readonly waitMs: number;
  private readonly watch: OutcomeWatch;

  constructor(
    private readonly store: KeyValueStore,
    private readonly options: IdempotencyOptions = {},
  ) {
    this.retentionMs = options.retentionMs ?? 24 * 60 * 60 * 1000;
    this.claimMs = options.claimMs ?? 2 * 60 * 1000;
    this.waitMs = options.vendorTimeoutMs ?? 10_000;
    this.watch = new OutcomeWatch(store, isRunningRecord, options.pollBackoff);
  }

  /**
   * Runs `operation` at most once per (`scope`, `key`). `value` must be JSON-serialisable: it is what a
   * replay returns. `input` is fingerprinted (key order does not matter). Without a key, just runs.
   */
  async run<T>(scope: IdempotencyScope, key: string | null | undefined, input: unknown, operation: () => Promise<T>): Promise<T> {
    if (key === null || key === undefined) return operation();
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) throw keyLengthInvalid(MAX_KEY_LENGTH);
    const storeKey = idempotencyStoreKey(scope, key);
    const fingerprint = inputFingerprint(input);
    const waitUntil = performance.now() + this.waitMs;
    for (;;) {
      if (await this.claim(storeKey, fingerprint)) return this.execute(storeKey, fingerprint, operation);
      const raw = await this.read(storeKey);
      if (raw === undefined) {
        // Released or expired between our claim and this read: the key is free, so claim it again.
        if (performance.now() >= waitUntil) throw firstStillRunning();
        continue;
      }
      let record = recordIn(raw);
      if (record.state === 'running' && record.fingerprint === fingerprint) {
        const seen = await this.waitForOutcome(storeKey, waitUntil - performance.now());
        if (seen.kind === 'expired') throw firstStillRunning();
        if (seen.raw === undefined) throw firstReleasedKey();
        record = recordIn(seen.raw);
      }
      return replay(record, fingerprint) as T;
    }
  }

  private async execute<T>(storeKey: string, fingerprint: string, operation: () => Promise<T>): Promise<T> {
    let value: T;
    try {
      value = await operation();
    } catch (error: unknown) {
      if (isFinal(error)) {
        await this.settle(storeKey, () =>
          this.store.set(
            storeKey,
            serializeRecord({ state: 'done', fingerprint, ok: false, error: toStoredError(error) }),
            this.retentionMs,
          ),
        );
      } else {
        await this.settle(storeKey, () => this.store.delete(storeKey));
      }
      throw error;
    }
    await this.settle(storeKey, () =>
      this.store.set(storeKey, serializeRecord({ state: 'done', fingerprint, ok: true, value }), this.retentionMs),
    );
    return value;
  }

  /**
   * Records the outcome, then wakes this process's waiters. A failure to record is logged, not thrown:
   * the operation has run, and a write the vendor applied is never reported as failed. Waiters elsewhere
   * then see the claim until it expires and answer a retryable conflict.
   */
  private async settle(storeKey: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error: unknown) {
      this.options.logger?.warn(
        { err: error },
        'idempotency outcome could not be recorded; duplicates will see the claim until it expires',
      );
    } finally {
      this.watch.wake(storeKey);
    }
  }

  private async claim(storeKey: string, fingerprint: string): Promise<boolean> {
    try {
      return await this.store.setIfAbsent(storeKey, serializeRecord({ state: 'running', fingerprint }), this.claimMs);
    } catch (error: unknown) {
      throw recordStoreUnavailable(error);
    }
  }

  private async read(storeKey: string): Promise<string | undefined> {
    try {
      return await this.store.get(storeKey);
    } catch (error: unknown) {
      throw recordStoreUnavailable(error);
    }
  }

  private async waitForOutcome(storeKey: string, timeoutMs: number): Promise<Observation> {
    try {
      return await this.watch.wait(storeKey, timeoutMs);
    } catch (error: unknown) {
      throw recordStoreUnavailable(error);
    }
  }
}

/** Stored and replayed: a typed error that will not change on a retry. */
function isFinal(error: unknown): error is VendorError {
  return error instanceof VendorError && !error.retryable && error.code !== ErrorCode.INTERNAL;
}

/** A record we cannot read is a bug or foreign data in our key space, not something to guess past. */
function recordIn(raw: string): IdempotencyRecord {
  const record = parseRecord(raw);
  if (!record) throw new Error('The idempotency record under this key is not readable.');
  return record;
}

/** The stored value (the caller's `T`, as JSON gave it back) or the stored error, thrown. */
function replay(record: IdempotencyRecord, fingerprint: string): unknown {
  if (record.fingerprint !== fingerprint) throw keyUsedWithOtherInput();
  if (record.state === 'running') throw firstStillRunning();
  if (record.ok) return record.value;
  throw fromStoredError(record.error);
}

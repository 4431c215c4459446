import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { ErrorCode } from '../errors/error-code';
import type { Vendor } from '../errors/vendor';
import { VendorError } from '../errors/vendor-error';
import type { KeyValueStore } from '../stores/key-value-store';

/** The fields of a stored failure; enough to replay it as the same typed error. */
interface StoredError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly vendor?: Vendor;
  readonly vendorCode?: string;
  readonly vendorMessage?: string;
  readonly vendorRequestId?: string;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;
  readonly field?: string;
}

type IdempotencyRecord =
  | { readonly state: 'running'; readonly fingerprint: string }
  | { readonly state: 'done'; readonly fingerprint: string; readonly ok: true; readonly value: unknown }
  | { readonly state: 'done'; readonly fingerprint: string; readonly ok: false; readonly error: StoredError };

export interface IdempotencyOptions {
  /** How long a finished outcome is replayed. Default 24 h (Stripe's window). */
  readonly retentionMs?: number;
  /** How long a claim of a running request holds if its replica dies. Default 2 min. */
  readonly claimMs?: number;
}

const MAX_KEY_LENGTH = 255;

/**
 * Idempotency keys for writes, with Stripe's semantics:
 * - the first outcome for a key — success or a final typed error — is stored and replayed for the same
 *   key and the same input for 24 h;
 * - the same key with different input, or while the first request is still running, is
 *   `IDEMPOTENCY_CONFLICT` (so concurrent duplicates never reach the vendor twice);
 * - retryable failures (outage, timeout, rate limit) are not stored: the key is released so the client
 *   can retry with it.
 * Records live in a `KeyValueStore`: in-process, or Redis so that every replica sees them.
 */
export class IdempotencyService {
  private readonly retentionMs: number;
  private readonly claimMs: number;

  constructor(
    private readonly store: KeyValueStore,
    options: IdempotencyOptions = {},
  ) {
    this.retentionMs = options.retentionMs ?? 24 * 60 * 60 * 1000;
    this.claimMs = options.claimMs ?? 2 * 60 * 1000;
  }

  /**
   * Runs `operation` at most once per (`scope`, `key`). `value` must be JSON-serialisable: it is what a
   * replay returns. `input` is fingerprinted (key order does not matter). Without a key, just runs.
   */
  async run<T>(scope: string, key: string | null | undefined, input: unknown, operation: () => Promise<T>): Promise<T> {
    if (key === null || key === undefined) return operation();
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw VendorError.invalidInput(IDEMPOTENCY_KEY_FIELD, `The idempotency key must be 1 to ${MAX_KEY_LENGTH} characters.`);
    }
    const storeKey = `idempotency:${scope}:${sha256(key)}`;
    const fingerprint = sha256(stringify(input) ?? '');
    const claimed = await this.store.setIfAbsent(storeKey, JSON.stringify({ state: 'running', fingerprint }), this.claimMs);
    if (!claimed) return this.replay<T>(storeKey, fingerprint);

    let value: T;
    try {
      value = await operation();
    } catch (error: unknown) {
      if (error instanceof VendorError && !error.retryable && error.code !== ErrorCode.INTERNAL) {
        await this.save(storeKey, { state: 'done', fingerprint, ok: false, error: toStoredError(error) });
      } else {
        await this.store.delete(storeKey);
      }
      throw error;
    }
    await this.save(storeKey, { state: 'done', fingerprint, ok: true, value });
    return value;
  }

  private async replay<T>(storeKey: string, fingerprint: string): Promise<T> {
    const record = parseRecord(await this.store.get(storeKey));
    if (!record) {
      // The claim expired or was released between our attempt and this read: the caller may retry.
      throw conflict('The request with this idempotency key just finished with a retryable failure; send it again.');
    }
    if (record.fingerprint !== fingerprint) {
      throw conflict('This idempotency key was already used with different input.');
    }
    if (record.state === 'running') {
      throw conflict('A request with this idempotency key is still running.');
    }
    if (record.ok) return record.value as T;
    throw new VendorError({ ...record.error });
  }

  private async save(storeKey: string, record: IdempotencyRecord): Promise<void> {
    await this.store.set(storeKey, JSON.stringify(record), this.retentionMs);
  }
}

/** The field a key problem blames; the resolver layer renders it as its input path. */
export const IDEMPOTENCY_KEY_FIELD = 'idempotencyKey';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Not retryable as such (DESIGN.md): the client must change the key or the input, or wait for the first. */
function conflict(message: string): VendorError {
  return new VendorError({ code: ErrorCode.IDEMPOTENCY_CONFLICT, message, field: IDEMPOTENCY_KEY_FIELD });
}

function toStoredError(error: VendorError): StoredError {
  return {
    code: error.code,
    message: error.message,
    vendor: error.vendor,
    vendorCode: error.vendorCode,
    vendorMessage: error.vendorMessage,
    vendorRequestId: error.vendorRequestId,
    retryable: error.retryable,
    retryAfterSeconds: error.retryAfterSeconds,
    field: error.field,
  };
}

function parseRecord(raw: string | undefined): IdempotencyRecord | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && 'state' in parsed && 'fingerprint' in parsed) {
      return parsed as IdempotencyRecord;
    }
  } catch {
    // A corrupt record is treated as absent rather than failing every retry with this key.
  }
  return undefined;
}

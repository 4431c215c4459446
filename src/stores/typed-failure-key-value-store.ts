import { VendorError } from '../errors/vendor-error';
import type { KeyValueStore } from './key-value-store';
import { storeUnavailable } from './store-unavailable';

/**
 * A `KeyValueStore` whose failures are typed: anything the inner store (Redis) throws becomes the
 * retryable `VENDOR_UNAVAILABLE` of `storeUnavailable`, so a keyed write is refused with a truthful
 * error (never `INTERNAL`) when its idempotency record cannot be read or written.
 */
export class TypedFailureKeyValueStore implements KeyValueStore {
  constructor(private readonly inner: KeyValueStore) {}

  get(key: string): Promise<string | undefined> {
    return this.typed(() => this.inner.get(key));
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    return this.typed(() => this.inner.set(key, value, ttlMs));
  }

  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return this.typed(() => this.inner.setIfAbsent(key, value, ttlMs));
  }

  delete(key: string): Promise<void> {
    return this.typed(() => this.inner.delete(key));
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async typed<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error: unknown) {
      throw VendorError.is(error) ? error : storeUnavailable(error);
    }
  }
}

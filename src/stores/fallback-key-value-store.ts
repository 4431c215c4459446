import type { Logger } from 'pino';
import type { KeyValueStore } from './key-value-store';

/**
 * For state that may live in one process for a while when Redis is down (the VNPT token cache): every
 * operation goes to `primary` (Redis); when that fails, to `fallback` (in-process), logged once per outage.
 * Recovery needs no restart: the next operation that `primary` answers ends the outage.
 * Not for idempotency records: a keyed write must be refused, not run without its shared record.
 */
export class FallbackKeyValueStore implements KeyValueStore {
  private degraded = false;

  constructor(
    private readonly primary: KeyValueStore,
    private readonly fallback: KeyValueStore,
    private readonly logger: Logger,
  ) {}

  get(key: string): Promise<string | undefined> {
    return this.attempt((store) => store.get(key));
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    return this.attempt((store) => store.set(key, value, ttlMs));
  }

  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return this.attempt((store) => store.setIfAbsent(key, value, ttlMs));
  }

  delete(key: string): Promise<void> {
    return this.attempt((store) => store.delete(key));
  }

  async close(): Promise<void> {
    await this.fallback.close();
  }

  private async attempt<T>(operation: (store: KeyValueStore) => Promise<T>): Promise<T> {
    try {
      const result = await operation(this.primary);
      if (this.degraded) {
        this.degraded = false;
        this.logger.info('shared store answers again; using it');
      }
      return result;
    } catch (error: unknown) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn({ err: error }, 'shared store unavailable; keeping this state in-process until it answers');
      }
      return operation(this.fallback);
    }
  }
}

import type { KeyValueStore } from './key-value-store';

interface Entry {
  readonly value: string;
  readonly expiresAt: number;
}

/** Process-local `KeyValueStore`. Expired entries are dropped when read and swept on writes. */
export class InMemoryKeyValueStore implements KeyValueStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.liveValue(key));
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    this.write(key, value, ttlMs);
    return Promise.resolve();
  }

  /**
   * Check and write happen in one synchronous step (no `await` between them), so two claims started
   * in the same tick cannot both see the key absent.
   */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.liveValue(key) !== undefined) return Promise.resolve(false);
    this.write(key, value, ttlMs);
    return Promise.resolve(true);
  }

  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }

  private liveValue(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  private write(key: string, value: string, ttlMs: number): void {
    this.sweepSometimes();
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  /** Keeps memory bounded without a timer: a full sweep once the map has grown past a threshold. */
  private sweepSometimes(): void {
    if (this.entries.size < 10_000) return;
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

import DataLoader from 'dataloader';
import { asError } from '../../src/errors/as-error';

/** One batch call a list read started: its result settles every key it was started for. */
interface PendingRead<V> {
  readonly batch: Promise<ArrayLike<V | Error>>;
  /** The key's place among the keys of that call. */
  readonly index: number;
}

/**
 * The loader's cache (DataLoader's `cacheMap`): promises of keys `load` read, plus keys a list read has
 * under way, kept as their batch call and index. A `load` of such a key gets, on first ask, one promise
 * derived from that call, so it joins the read already under way instead of calling the vendor again.
 */
class ListAwareCache<V> implements DataLoader.CacheMap<string, Promise<V>> {
  private readonly promises = new Map<string, Promise<V>>();
  private readonly pending = new Map<string, PendingRead<V>>();

  get(key: string): Promise<V> | undefined {
    const cached = this.promises.get(key);
    if (cached) return cached;
    const read = this.pending.get(key);
    if (!read) return undefined;
    const derived = read.batch.then((values): V => {
      const value = values[read.index];
      if (value instanceof Error) throw value;
      // The batch function answers every key it was given (DataLoader's contract); undefined means a broken one.
      if (value === undefined) throw new Error(`The batch read returned no value for ${key}.`);
      return value;
    });
    // Handled here too: `prime` asks the cache without awaiting what it gets, and a failed slot must not
    // become an unhandled rejection. Callers that await it still see the error.
    derived.catch(() => undefined);
    this.promises.set(key, derived);
    return derived;
  }

  has(key: string): boolean {
    return this.promises.has(key) || this.pending.has(key);
  }

  set(key: string, promise: Promise<V>): void {
    this.promises.set(key, promise);
  }

  setPending(key: string, read: PendingRead<V>): void {
    this.pending.set(key, read);
  }

  delete(key: string): void {
    this.promises.delete(key);
    this.pending.delete(key);
  }

  clear(): void {
    this.promises.clear();
    this.pending.clear();
  }
}

/**
 * A DataLoader over string ids that also reads a whole list with one promise (`loadList`).
 *
 * `loadMany` makes two promises per key, and they live for the whole vendor round trip: for 100 ids under
 * load that was a fifth of a `flows` query's CPU and most of what young-generation GC promoted to the old
 * one. `loadList` calls the batch function itself, `maxBatchSize` ids per call, and answers from the
 * calls' results, so a key costs a map entry. It keeps the loader's promises: keys already loaded in this
 * request come from the cache, and a `load` of a key the list read has under way joins that read.
 */
export class ListLoader<V> extends DataLoader<string, V> {
  private readonly readBatch: DataLoader.BatchLoadFn<string, V>;
  private readonly cache: ListAwareCache<V>;
  private readonly maxBatchSize: number;

  constructor(batch: DataLoader.BatchLoadFn<string, V>, options: { readonly maxBatchSize: number }) {
    const cache = new ListAwareCache<V>();
    super(batch, { maxBatchSize: options.maxBatchSize, cacheMap: cache });
    this.readBatch = batch;
    this.cache = cache;
    this.maxBatchSize = options.maxBatchSize;
  }

  /**
   * The values of `ids`, in their order, duplicates read once: an `Error` in the slot of a key whose read
   * failed, as the batch function answered it (or its rejection, for every key of that call).
   */
  async loadList(ids: readonly string[]): Promise<(V | Error)[]> {
    const missing = [...new Set(ids)].filter((id) => !this.cache.has(id));
    const size = this.maxBatchSize;
    const calls = Array.from({ length: Math.ceil(missing.length / size) }, (_, call) => missing.slice(call * size, (call + 1) * size));
    const read = new Map<string, V | Error | undefined>();
    await Promise.all(
      calls.map(async (keys) => {
        const batch = this.callBatch(keys);
        keys.forEach((key, index) => {
          this.cache.setPending(key, { batch, index });
        });
        const values = await batch;
        keys.forEach((key, index) => read.set(key, values[index]));
      }),
    );
    // Stryker disable next-line MethodExpression: equivalent: the keys read above are in the cache as well, so loading them again gives the same values
    const cachedKeys = ids.filter((id) => !read.has(id));
    const cached = await this.loadMany(cachedKeys);
    const cachedValues = new Map(cachedKeys.map((key, index) => [key, cached[index]]));
    return ids.map((id) => {
      const value = read.has(id) ? read.get(id) : cachedValues.get(id);
      return value === undefined ? new Error(`The batch read returned no value for ${id}.`) : value;
    });
  }

  /**
   * One batch call. A rejection becomes that error in every slot and, as DataLoader does for a failed
   * batch, leaves those keys uncached, so a later `load` in the request tries again.
   */
  private async callBatch(keys: readonly string[]): Promise<ArrayLike<V | Error>> {
    try {
      const values = await this.readBatch(keys);
      if (values.length !== keys.length) throw new Error(`The batch read returned ${values.length} values for ${keys.length} keys.`);
      return values;
    } catch (error: unknown) {
      for (const key of keys) this.cache.delete(key);
      const failure = asError(error);
      return keys.map(() => failure);
    }
  }
}

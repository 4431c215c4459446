import type { Logger } from 'pino';
import type { KeyValueStore } from '../stores/key-value-store';

/** The entities whose vendor records the cache holds. */
export type CachedEntity = 'Flow' | 'Document' | 'Invitation';

/**
 * Vendor records of found entities, kept for `ENTITY_CACHE_TTL_MS` so repeated reads spend no vendor
 * quota (DESIGN.md "Configuration"). Long-lived, one per app (`services.entityCache`); shared through
 * Redis when `REDIS_URL` is set.
 *
 * - Keyed by entity type and id; `variant` separates what different callers may see of one entity (the
 *   ESS operator a flow was read as). All variants of an entity live in one entry, so `drop` removes
 *   them all at once.
 * - `drop` is called by this subgraph's own writes (and by vendor events): it leaves a tombstone dated
 *   now, and a `set` of a read that started before that moment is ignored, so a read racing a write
 *   cannot put the old record back.
 * - A cache failure never fails a request: a read becomes a miss, a write or a drop is logged and skipped
 *   (an unreachable Redis falls back to the process through the store).
 * - With TTL 0 every method returns at once without touching the store.
 */
export interface EntityCache {
  /** False when `ENTITY_CACHE_TTL_MS` is 0: nothing is read, written or dropped. */
  readonly enabled: boolean;
  /** The cached records of `ids` (undefined where absent), in order. */
  getMany<T>(entity: CachedEntity, ids: readonly string[], variant?: string): Promise<(T | undefined)[]>;
  /**
   * Caches what the vendor answered for found entities. `readStartedAt` is when the vendor read began
   * (`now()` before it): a drop after that instant wins.
   */
  setMany(
    entity: CachedEntity,
    records: readonly (readonly [id: string, record: unknown])[],
    readStartedAt: number,
    variant?: string,
  ): Promise<void>;
  /** Forgets every variant of the entity, for this replica and (through Redis) every other. */
  drop(entity: CachedEntity, id: string): Promise<void>;
  /** The clock `readStartedAt` is read from. */
  now(): number;
}

/** One store entry: the record per variant, or the instant the entity was dropped. */
interface Entry {
  readonly records?: Readonly<Record<string, unknown>>;
  readonly droppedAt?: number;
}

const DATE_TAG = '$date';
/** Dates survive the round trip as `{"$date": iso}` (records hold `Date`s; plain JSON would give strings). */
function encode(value: Entry): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, field: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : field;
  });
}

function decode(text: string): Entry | undefined {
  try {
    return JSON.parse(text, (_key, value: unknown) => {
      if (typeof value === 'object' && value !== null && DATE_TAG in value) {
        const iso = value[DATE_TAG];
        if (typeof iso === 'string') return new Date(iso);
      }
      return value;
    }) as Entry;
  } catch {
    return undefined;
  }
}

const DEFAULT_VARIANT = '';

/** The cache that holds nothing (`ENTITY_CACHE_TTL_MS=0`): every method returns at once. */
export const NO_ENTITY_CACHE: EntityCache = Object.freeze({
  enabled: false,
  getMany: <T>(_entity: CachedEntity, ids: readonly string[]): Promise<(T | undefined)[]> => Promise.resolve(ids.map(() => undefined)),
  setMany: () => Promise.resolve(),
  drop: () => Promise.resolve(),
  now: () => 0,
});

export interface EntityCacheOptions {
  /** `ENTITY_CACHE_TTL_MS`; 0 turns the cache off. */
  readonly ttlMs: number;
  readonly store: KeyValueStore;
  readonly logger: Logger;
  /** Millisecond clock of the drop tombstones (tests move it by hand). Default `Date.now`. */
  readonly now?: () => number;
}

/** The entity cache over `store`, or one that does nothing when `ttlMs` is 0. */
export function createEntityCache(options: EntityCacheOptions): EntityCache {
  if (options.ttlMs <= 0) return NO_ENTITY_CACHE;
  return new StoreEntityCache(options.store, options.ttlMs, options.logger, options.now ?? Date.now);
}

const keyOf = (entity: CachedEntity, id: string): string => `entity:${entity}:${id}`;

class StoreEntityCache implements EntityCache {
  readonly enabled = true;

  constructor(
    private readonly store: KeyValueStore,
    private readonly ttlMs: number,
    private readonly logger: Logger,
    readonly now: () => number,
  ) {}

  async getMany<T>(entity: CachedEntity, ids: readonly string[], variant = DEFAULT_VARIANT): Promise<(T | undefined)[]> {
    return Promise.all(ids.map(async (id) => (await this.read(entity, id))?.records?.[variant] as T | undefined));
  }

  async setMany(
    entity: CachedEntity,
    records: readonly (readonly [id: string, record: unknown])[],
    readStartedAt: number,
    variant = DEFAULT_VARIANT,
  ): Promise<void> {
    await Promise.all(
      records.map(async ([id, record]) => {
        const current = await this.read(entity, id);
        if (current?.droppedAt !== undefined && current.droppedAt >= readStartedAt) return;
        const entry: Entry = { records: { ...current?.records, [variant]: record } };
        await this.write(entity, id, entry);
      }),
    );
  }

  async drop(entity: CachedEntity, id: string): Promise<void> {
    await this.write(entity, id, { droppedAt: this.now() });
  }

  private async read(entity: CachedEntity, id: string): Promise<Entry | undefined> {
    try {
      const text = await this.store.get(keyOf(entity, id));
      // Stryker disable next-line ConditionalExpression: equivalent: decoding an absent entry fails its parse and reads as a miss too
      return text === undefined ? undefined : decode(text);
    } catch (error: unknown) {
      this.logger.warn({ err: error, entity }, 'entity cache read failed; reading from the vendor');
      return undefined;
    }
  }

  private async write(entity: CachedEntity, id: string, entry: Entry): Promise<void> {
    try {
      await this.store.set(keyOf(entity, id), encode(entry), this.ttlMs);
    } catch (error: unknown) {
      this.logger.warn({ err: error, entity }, 'entity cache write failed');
    }
  }
}

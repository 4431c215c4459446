import type { CachedEntity, EntityCache } from '../../src/cache/entity-cache';

/**
 * A DataLoader batch through the entity cache: ids the cache holds are answered from it, the others by
 * `read` (one vendor read for all of them, its contract unchanged: same length and order, `null` for
 * not found, an `Error` in a failed slot). Only found records are cached; `null`s and errors never are.
 * With the cache off this is `read(ids)`.
 */
export async function readThroughCache<T>(
  cache: EntityCache,
  entity: CachedEntity,
  ids: readonly string[],
  read: (ids: readonly string[]) => Promise<readonly (T | null | Error)[]>,
  variant?: string,
): Promise<(T | null | Error)[]> {
  if (!cache.enabled) return [...(await read(ids))];
  const cached = await cache.getMany<T>(entity, ids, variant);
  const missing = ids.filter((_id, index) => cached[index] === undefined);
  if (missing.length === 0) return cached as T[];
  const readStartedAt = cache.now();
  const fresh = await read(missing);
  const found: [string, T][] = [];
  const byId = new Map<string, T | null | Error>();
  missing.forEach((id, index) => {
    const value = fresh[index] ?? null;
    byId.set(id, value);
    if (value !== null && !(value instanceof Error)) found.push([id, value]);
  });
  await cache.setMany(entity, found, readStartedAt, variant);
  return ids.map((id, index) => cached[index] ?? byId.get(id) ?? null);
}

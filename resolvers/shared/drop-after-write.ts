import type { CachedEntity, EntityCache } from '../../src/cache/entity-cache';

/**
 * Runs a vendor write, then drops the entities it wrote from the entity cache, whatever the outcome (a
 * write that timed out may still have been applied). The drop is awaited, so a read that follows the
 * mutation's answer never sees the record from before it. With the cache off this is `write()`.
 */
export async function droppingAfter<T>(
  cache: EntityCache,
  entity: CachedEntity,
  ids: readonly string[],
  write: () => Promise<T>,
): Promise<T> {
  if (!cache.enabled) return write();
  try {
    return await write();
  } finally {
    await Promise.all(ids.map((id) => cache.drop(entity, id)));
  }
}

import type { GraphQLResolveInfo } from 'graphql';
import type { VendorError } from '../../src/errors/vendor-error';
import { selectsOnlyEntityKey } from './entity-selection';

/** An entity known only by its key: enough to render `id` and `__typename`. */
export interface EntityKey {
  readonly id: string;
}

/**
 * The object behind a field that points at an entity a write just named (DESIGN.md: "a write the vendor
 * applied is never reported as failed"). When the selection asks only for `id` / `__typename`, no vendor
 * read happens; otherwise the entity is read through the request's DataLoader, so N such fields still
 * cost one batched call. The field is nullable: a failed read, or `missing()` when the vendor does not
 * (yet) return the entity, nulls this object alone with an error at its path.
 */
export async function entityOrKey<T>(
  info: GraphQLResolveInfo,
  id: string,
  load: (id: string) => Promise<T | null>,
  missing: () => VendorError,
): Promise<T | EntityKey> {
  if (selectsOnlyEntityKey(info)) return { id };
  const found = await load(id);
  if (found === null) throw missing();
  return found;
}

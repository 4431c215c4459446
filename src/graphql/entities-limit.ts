import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { isJsonObject } from '../json/json-object';
import { VendorError } from '../errors/vendor-error';
import { asError } from '../errors/as-error';

/** Whether `representation` names an object or interface type of `schema` in its `__typename`. */
function isEntityOf(schema: GraphQLSchema, representation: unknown): boolean {
  if (!isJsonObject(representation) || typeof representation.__typename !== 'string') return false;
  const type = schema.getType(representation.__typename);
  return isObjectType(type) || isInterfaceType(type);
}

/** Most representations one `_entities` call takes (DESIGN.md "Reliability contract"). */
export const MAX_ENTITY_REPRESENTATIONS = 1_000;

/**
 * Wraps the subgraph's `_entities` resolver so that more than `max` representations are refused as a
 * whole, before any reference resolver (and so any vendor call) runs: one top-level `INVALID_INPUT`
 * naming `representations`, as `flows(ids:)` refuses too many ids; so is a representation whose
 * `__typename` is not a type of this subgraph. Its answer is one promise of the list (`settleEach`).
 * Returns the same schema.
 */
export function limitEntityRepresentations(schema: GraphQLSchema, max = MAX_ENTITY_REPRESENTATIONS): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) throw new Error('The subgraph schema has no _entities resolver to limit.');
  field.resolve = (source, args: Record<string, unknown>, context, info) => {
    const { representations } = args;
    if (Array.isArray(representations) && representations.length > max) {
      throw VendorError.invalidInput(
        'representations',
        `_entities takes at most ${max} representations, got ${representations.length}; split the request.`,
      );
    }
    // A typename this subgraph does not have is a client (router) mistake: a typed INVALID_INPUT, not the
    // plain Error @apollo/subgraph would throw (masked as INTERNAL and logged at error).
    const representationList: readonly unknown[] = Array.isArray(representations) ? representations : [];
    if (representationList.some((representation) => !isEntityOf(schema, representation))) {
      throw VendorError.invalidInput('representations', 'Every representation needs the __typename of an entity this subgraph resolves.');
    }
    const entities: unknown = resolve(source, args, context, info);
    return Array.isArray(entities) ? settleEach(entities) : entities;
  };
  return schema;
}

/**
 * `@apollo/subgraph` answers `_entities` with a promise per representation. This settles them into one
 * promise of the list, each failed slot holding its Error, which both executors report at that slot's
 * index as for a rejection. graphql-jit (`CompiledOperations`) mis-sizes a list whose item promises reject
 * after its first pass (it appends a null), so no list field of this schema answers with item promises.
 */
function settleEach(items: readonly unknown[]): Promise<unknown[]> {
  return Promise.all(items.map((item) => (item instanceof Promise ? item.then(undefined, asError) : item)));
}

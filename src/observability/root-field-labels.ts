import { Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** The label of a request that selects no root field this schema knows (it did not parse or validate). */
export const OTHER_ROOT_FIELD = 'other';

/** GraphQL's own root fields (`{ __typename }` is a common health check). */
const META_ROOT_FIELDS: readonly string[] = ['__typename', '__schema', '__type'];

/** The root field names `schema` defines on Query, Mutation and Subscription, plus GraphQL's meta fields. */
export function knownRootFields(schema: GraphQLSchema): ReadonlySet<string> {
  const rootTypes = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  return new Set([...META_ROOT_FIELDS, ...rootTypes.flatMap((type) => (type ? Object.keys(type.getFields()) : []))]);
}

/**
 * The metric labels of one request: the distinct root fields its operation selects (aliases, inline
 * fragments and fragment spreads resolved), each one of `known`; `[OTHER_ROOT_FIELD]` when there are
 * none (no operation: the request did not parse or validate). The client's operation name is never used.
 */
export function rootFieldLabels(
  operation: OperationDefinitionNode | undefined,
  document: DocumentNode | undefined,
  known: ReadonlySet<string>,
): readonly string[] {
  if (!operation) return [OTHER_ROOT_FIELD];
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document?.definitions ?? []) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
  }
  const labels = new Set<string>();
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        labels.add(known.has(selection.name.value) ? selection.name.value : OTHER_ROOT_FIELD);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const spread = fragments.get(selection.name.value);
        if (spread) collect(spread);
      }
    }
  };
  collect(operation.selectionSet);
  return labels.size > 0 ? [...labels] : [OTHER_ROOT_FIELD];
}

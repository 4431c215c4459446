import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { AppMetrics } from '../observability/metrics';
import { knownRootFields, rootFieldLabels } from '../observability/root-field-labels';

/**
 * Counts GraphQL requests by the root fields they select and whether the response carried errors. The
 * labels come from the schema's own root fields (anything else is `other`), so a client choosing
 * operation names or field aliases cannot grow the number of series.
 */
export function metricsPlugin<TContext extends object>(metrics: AppMetrics): ApolloServerPlugin<TContext> {
  // Computed once per schema (one per server), not per request.
  const knownBySchema = new WeakMap<GraphQLSchema, ReadonlySet<string>>();
  const knownFor = (schema: GraphQLSchema): ReadonlySet<string> => {
    const cached = knownBySchema.get(schema);
    if (cached) return cached;
    const known = knownRootFields(schema);
    knownBySchema.set(schema, known);
    return known;
  };
  // Apollo hands every request of one query text the same parsed document from its document store, so the
  // labels are worked out once per operation rather than by walking the document on every request.
  const labelsByOperation = new WeakMap<OperationDefinitionNode, readonly string[]>();
  const labelsOf = (
    schema: GraphQLSchema,
    operation: OperationDefinitionNode | undefined,
    document: DocumentNode | undefined,
  ): readonly string[] => {
    if (!operation) return rootFieldLabels(operation, document, knownFor(schema));
    let labels = labelsByOperation.get(operation);
    if (!labels) {
      labels = rootFieldLabels(operation, document, knownFor(schema));
      labelsByOperation.set(operation, labels);
    }
    return labels;
  };
  return {
    // Apollo awaits these hooks; nothing here waits, so they hand back settled promises.
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ schema, operation, document, errors }) {
          const outcome = errors && errors.length > 0 ? 'errors' : 'ok';
          for (const field of labelsOf(schema, operation, document)) metrics.countGraphQLRequest(field, outcome);
          return Promise.resolve();
        },
      });
    },
  };
}

import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { AppMetrics } from '../observability/metrics';
import { knownRootFields, rootFieldLabels } from '../observability/root-field-labels';

/**
 * Counts GraphQL requests by the root fields they select and whether the response carried errors. The
 * labels come from the schema's own root fields (anything else is `other`), so a client choosing
 * operation names or field aliases cannot grow the number of series. Used by both ways a request is
 * served: Apollo's pipeline (`metricsPlugin`) and the direct path (`DirectExecution`).
 */
export class GraphQLRequestCounter {
  // Computed once per schema (one per server), not per request.
  private readonly knownBySchema = new WeakMap<GraphQLSchema, ReadonlySet<string>>();
  // Every request of one query text gets the same parsed document from a document cache, so the labels
  // are worked out once per operation rather than by walking the document on every request.
  private readonly labelsByOperation = new WeakMap<OperationDefinitionNode, readonly string[]>();

  constructor(private readonly metrics: AppMetrics) {}

  /** Counts one answered request; `operation` is undefined when none was resolved (a refused document). */
  count(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode | undefined,
    document: DocumentNode | undefined,
    hadErrors: boolean,
  ): void {
    const outcome = hadErrors ? 'errors' : 'ok';
    for (const field of this.labelsOf(schema, operation, document)) this.metrics.countGraphQLRequest(field, outcome);
  }

  private knownFor(schema: GraphQLSchema): ReadonlySet<string> {
    const cached = this.knownBySchema.get(schema);
    if (cached) return cached;
    const known = knownRootFields(schema);
    this.knownBySchema.set(schema, known);
    return known;
  }

  private labelsOf(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode | undefined,
    document: DocumentNode | undefined,
  ): readonly string[] {
    if (!operation) return rootFieldLabels(operation, document, this.knownFor(schema));
    let labels = this.labelsByOperation.get(operation);
    if (!labels) {
      labels = rootFieldLabels(operation, document, this.knownFor(schema));
      this.labelsByOperation.set(operation, labels);
    }
    return labels;
  }
}

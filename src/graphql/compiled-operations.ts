import type { DocumentNode, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * graphql-jit's compiled form of each valid operation the direct path runs (queries and mutations; a
 * mutation's root fields run one after another, as the spec asks), made on first use and kept as long as
 * the document is (`PreparedDocuments` bounds those). A compiled operation skips what graphql-js redoes
 * for every field of every object: an argument map and a resolve-info object per field, variable
 * coercion through the generic path, and a promise per object with async fields. It runs the same
 * resolvers with the same context; graphql-js stays the executor of any document graphql-jit declines to
 * compile.
 *
 * One divergence is known, and designed around: graphql-jit 0.8 appends a null to a list whose item
 * promises reject after its first pass. No list field here answers with item promises: `flows` resolves
 * one list with an Error in each failed slot, and `_entities` is settled the same way
 * (`limitEntityRepresentations`). test/integration/partial-failure/reads.test.ts fails otherwise.
 */
export class CompiledOperations {
  /** Per document, per operation name (`''` for none): the compiled operation, or null where compiling failed. */
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** The compiled form of `document`'s operation `operationName`, or undefined when graphql-jit cannot compile it. */
  of(document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined {
    let byName = this.compiled.get(document);
    if (!byName) {
      byName = new Map();
      this.compiled.set(document, byName);
    }
    const key = operationName ?? '';
    let query = byName.get(key);
    if (query === undefined) {
      query = this.compile(document, operationName);
      byName.set(key, query);
    }
    return query ?? undefined;
  }

  private compile(document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    try {
      const result = compileQuery(this.schema, document, operationName);
      return isCompiledQuery(result) ? result : null;
    } catch {
      return null;
    }
  }
}

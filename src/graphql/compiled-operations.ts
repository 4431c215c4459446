import type { DocumentNode, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** What is known of one operation of a document: how often it ran uncompiled, or its compilation (null: graphql-jit declined). */
type Entry = { readonly uncompiledRuns: number } | { readonly compiled: CompiledQuery | null };

/**
 * graphql-jit's compiled form of each valid operation the direct path runs (queries and mutations; a
 * mutation's root fields run one after another, as the spec asks), kept as long as the document is
 * (`PreparedDocuments` bounds those). A compiled operation skips what graphql-js redoes for every field of
 * every object: an argument map and a resolve-info object per field, variable coercion through the
 * generic path, and a promise per object with async fields. It runs the same resolvers with the same
 * context; graphql-js runs what graphql-jit declines to compile.
 *
 * An operation is compiled on its second run, not its first. Compiling costs one to three times what
 * validating the document did (about 0.5–1.3 ms for this schema's operations, 10 ms for the introspection
 * query), so a stream of documents each sent once, which is what an abusive client sends, costs no more
 * than before; the few documents real clients repeat are compiled almost at once.
 *
 * graphql-jit is patched (patches/graphql-jit+0.8.9.patch, applied by `npm ci`'s postinstall): a compiled
 * mutation makes the promise of its result in graphql-jit's runtime, as a compiled query does. With that
 * promise made by an arrow function inside the generated code, 4.7 % of what a `cancelDocument` allocated
 * survived into the old generation (1.3 % patched; measured with `--trace-gc-nvp`, the V8 mechanism not
 * established), which is what grew the old generation, and the peak RSS, under a mutation load
 * (test/unit/graphql/graphql-jit-patch.test.ts).
 *
 * One divergence is known, and designed around: graphql-jit 0.8 appends a null to a list whose item
 * promises reject after its first pass. No list field here answers with item promises: `flows` resolves
 * one list with an Error in each failed slot, and `_entities` is settled the same way
 * (`limitEntityRepresentations`). The `_entities` case of test/integration/server/direct-execution.test.ts
 * fails otherwise.
 */
export class CompiledOperations {
  /** Per document, per operation name (`''` for none). */
  private readonly entries = new WeakMap<DocumentNode, Map<string, Entry>>();

  /** @param runsBeforeCompiling - uncompiled runs of an operation before it is compiled. Default 1. */
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly runsBeforeCompiling = 1,
  ) {}

  /**
   * The compiled form of `document`'s operation `operationName`, or undefined when this run is to take
   * graphql-js: the operation has not run often enough yet, or graphql-jit cannot compile it.
   */
  of(document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined {
    let byName = this.entries.get(document);
    if (!byName) {
      byName = new Map();
      this.entries.set(document, byName);
    }
    const key = operationName ?? '';
    const entry = byName.get(key) ?? { uncompiledRuns: 0 };
    if ('compiled' in entry) return entry.compiled ?? undefined;
    if (entry.uncompiledRuns < this.runsBeforeCompiling) {
      byName.set(key, { uncompiledRuns: entry.uncompiledRuns + 1 });
      return undefined;
    }
    const compiled = this.compile(document, operationName);
    byName.set(key, { compiled });
    return compiled ?? undefined;
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

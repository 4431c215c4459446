import { LRUCache } from 'lru-cache';
import {
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';

export interface PreparedDocumentsOptions {
  readonly schema: GraphQLSchema;
  /** The parser options Apollo Server is given (`QueryLimits.parseOptions`). */
  readonly parseOptions: ParseOptions;
  /** The validation rules Apollo Server is given, on top of graphql-js's `specifiedRules`. */
  readonly validationRules: readonly ValidationRule[];
  /** `INTROSPECTION`: when off, documents selecting `__schema` or `__type` are refused, as Apollo refuses them. */
  readonly introspection: boolean;
  /** Most query texts remembered. Default 1,000. */
  readonly maxDocuments?: number;
  /** Most characters of query text remembered in all. Default 8 Mi (a body is at most 1 MiB). */
  readonly maxCharacters?: number;
}

/** What a query text came to: a document that parsed and passed every rule, or one Apollo must refuse. */
type Preparation = { readonly kind: 'valid'; readonly document: DocumentNode } | { readonly kind: 'refused' };

const REFUSED: Preparation = Object.freeze({ kind: 'refused' });

/**
 * Parses and validates each distinct query text once, with the same parser options and rules as Apollo
 * Server (graphql-js's `specifiedRules`, introspection refused when it is off, the query limits), and
 * remembers the verdict in a bounded LRU. A client, a router or a gateway sends the same few texts over and
 * over, so after the first request of a text neither parsing nor validation (depth, cost, token and alias
 * limits included) is paid again.
 *
 * A text that fails is only remembered as refused: its errors are Apollo's to word (codes, status,
 * `hideSchemaDetailsFromClientErrors`), so the caller hands such a request to Apollo's pipeline.
 */
export class PreparedDocuments {
  private readonly cache: LRUCache<string, Preparation>;
  private readonly rules: readonly ValidationRule[];

  constructor(private readonly options: PreparedDocumentsOptions) {
    this.cache = new LRUCache<string, Preparation>({
      max: options.maxDocuments ?? 1_000,
      maxSize: options.maxCharacters ?? 8 * 1024 * 1024,
      sizeCalculation: (_value, query) => Math.max(1, query.length),
    });
    this.rules = [...specifiedRules, ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]), ...options.validationRules];
  }

  /** The valid document of `query`, or undefined when it does not parse or fails a rule. */
  documentOf(query: string): DocumentNode | undefined {
    let preparation = this.cache.get(query);
    if (!preparation) {
      preparation = this.prepare(query);
      this.cache.set(query, preparation);
    }
    return preparation.kind === 'valid' ? preparation.document : undefined;
  }

  private prepare(query: string): Preparation {
    let document: DocumentNode;
    try {
      document = parse(query, this.options.parseOptions);
    } catch {
      return REFUSED;
    }
    return validate(this.options.schema, document, this.rules).length === 0 ? { kind: 'valid', document } : REFUSED;
  }
}

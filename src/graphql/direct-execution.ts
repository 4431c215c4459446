import type { FastifyReply, FastifyRequest } from 'fastify';
import { execute, getOperationAST, OperationTypeNode, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { CompiledOperations } from './compiled-operations';
import { isJsonObject, type JsonObject } from '../json/json-object';
import { formatExecutionErrors, type FormatError } from './execution-errors';
import type { GraphQLRequestCounter } from './graphql-request-counter';
import type { PreparedDocuments } from './prepared-documents';
import type { ResponseMediaTypes } from './response-media-type';

export interface DirectExecutionOptions<TContext> {
  readonly schema: GraphQLSchema;
  readonly documents: PreparedDocuments;
  /** Operations run compiled by graphql-jit; one it cannot compile runs on graphql-js. */
  readonly compiledOperations: CompiledOperations;
  readonly mediaTypes: ResponseMediaTypes;
  readonly formatError: FormatError;
  readonly counter: GraphQLRequestCounter;
  /** The context Apollo's handler would build for `request`; a rejection (a refused token) leaves the request to Apollo. */
  readonly createContext: (request: FastifyRequest) => Promise<TContext>;
  /** `APOLLO_INLINE_TRACES`: when on, a request asking for a federated trace (`ftv1`) is left to Apollo's trace plugin. */
  readonly inlineTraces: boolean;
}

/** The parts of a POST body the direct path reads, once it has checked their types as Apollo does. */
interface DirectRequest {
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: JsonObject | undefined;
}

/**
 * Serves the common GraphQL request without Apollo Server's request pipeline, answering exactly as that
 * pipeline would; everything else is left to Apollo (`serve` resolves undefined, having sent nothing and
 * run no resolver). Apollo's pipeline costs most of a request's CPU for a one-call mutation: per-request
 * plugin dispatch, a SHA-256 of the query text for its document store, content negotiation, and dozens of
 * promises, each also paying the async-context hooks. The direct path keeps what the answer depends on:
 *
 * - the same parser limits and validation rules, applied once per query text (`PreparedDocuments`);
 * - the same context factory and resolvers, run by the operation's graphql-jit compilation
 *   (`CompiledOperations`, which answers as graphql-js's `execute` does; `execute` itself for what it
 *   cannot compile), and the same `formatError` behind Apollo's error normalisation
 *   (`formatExecutionErrors`);
 * - the same media type (`ResponseMediaTypes`), `cache-control: no-store`, and field order
 *   (`errors`, `data`, `extensions`) with Apollo's trailing newline;
 * - the same request metric (`GraphQLRequestCounter`).
 *
 * Left to Apollo: anything but a JSON POST with a string `query` (GET, batches, persisted queries, bodies
 * Apollo refuses), documents that fail to parse or validate, an operation that cannot be picked, a
 * subscription, an `Accept` header that wants neither JSON type, a context that cannot be built (401),
 * variables that do not coerce (graphql-js then runs no resolver), and, with inline traces on, requests
 * that ask for a trace. The errors of those requests are worded by Apollo alone. graphql-armor's
 * production plugin, which hides "Did you mean" suggestions, needs no counterpart here: graphql-js words
 * suggestions only in validation and variable-coercion errors, which both go to Apollo.
 */
export class DirectExecution<TContext> {
  constructor(private readonly options: DirectExecutionOptions<TContext>) {}

  /** Answers `request` on `reply` and resolves with the body to send, or resolves undefined for Apollo to answer it. */
  async serve(request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
    const { schema, documents, mediaTypes, formatError, counter } = this.options;
    if (request.method !== 'POST') return undefined;
    if (this.options.inlineTraces && request.headers['apollo-federation-include-trace'] !== undefined) return undefined;
    const graphQLRequest = directRequestOf(request.body);
    if (!graphQLRequest) return undefined;
    const mediaType = mediaTypes.for(request.headers.accept);
    if (mediaType === undefined) return undefined;
    const document = documents.documentOf(graphQLRequest.query);
    if (!document) return undefined;
    const operation = getOperationAST(document, graphQLRequest.operationName);
    if (!operation || operation.operation === OperationTypeNode.SUBSCRIPTION) return undefined;
    let contextValue: TContext;
    try {
      contextValue = await this.options.createContext(request);
    } catch {
      return undefined;
    }
    const result = await this.run(document, graphQLRequest, contextValue);
    // No `data` at all: the operation never started (its variables did not coerce). Apollo words that refusal.
    if (result.data === undefined) return undefined;
    const formatted = result.errors && result.errors.length > 0 ? formatExecutionErrors(result.errors, formatError) : undefined;
    counter.count(schema, operation, document, formatted !== undefined);
    reply.code(formatted?.status ?? 200);
    for (const [name, value] of formatted?.headers ?? []) void reply.header(name, value);
    void reply.header('content-type', mediaType);
    void reply.header('cache-control', 'no-store');
    return `${JSON.stringify({ errors: formatted?.errors, data: result.data, extensions: result.extensions })}\n`;
  }

  private async run(document: DocumentNode, request: DirectRequest, contextValue: TContext): Promise<ExecutionResult> {
    const compiled = this.options.compiledOperations.of(document, request.operationName);
    if (compiled) return compiled.query(undefined, contextValue, request.variables ?? {});
    return execute({
      schema: this.options.schema,
      document,
      operationName: request.operationName,
      variableValues: request.variables,
      contextValue,
    });
  }
}

/**
 * The request when its body has the shape the direct path serves: a non-empty JSON object whose `query` is
 * a non-empty string, `operationName` a string or null, `variables` an object or null, and `extensions`
 * absent, null or an object without `persistedQuery`. Any other shape, valid or not, is Apollo's to answer.
 */
function directRequestOf(body: unknown): DirectRequest | undefined {
  if (!isJsonObject(body) || Buffer.isBuffer(body)) return undefined;
  const { query, operationName, variables, extensions } = body;
  if (typeof query !== 'string' || query.length === 0) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  if (variables !== undefined && variables !== null && !isJsonObject(variables)) return undefined;
  if (extensions !== undefined && extensions !== null && (!isJsonObject(extensions) || 'persistedQuery' in extensions)) return undefined;
  return {
    query,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables: isJsonObject(variables) ? variables : undefined,
  };
}

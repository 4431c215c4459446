import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, Server } from 'node:http';
import {
  GraphQLError,
  OperationTypeNode,
  getOperationAST,
  createSourceEventStream,
  execute,
  parse,
  specifiedRules,
  subscribe,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Principal } from '../auth/principal';
import type { RequestScope } from '../http/request-scope';
import { createRequestContext, type RequestContext, type Services } from './context';

/** The WebSocket subprotocol Apollo Router and Hive Gateway speak to subgraphs (the `graphql-ws` package). */
const GRAPHQL_TRANSPORT_WS = 'graphql-transport-ws';
/** Largest message a client may send; subscriptions are small documents. */
const MAX_MESSAGE_BYTES = 64 * 1024;

export interface SubscriptionServerOptions {
  /** The HTTP server `/graphql` is served on; the WebSocket upgrade is taken on the same path. */
  readonly server: Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  readonly services: Services;
  readonly logger: Logger;
  /** The same rules HTTP operations are validated with (depth, aliases, cost, tokens). */
  readonly validationRules: readonly ValidationRule[];
  /** The same parser limits as HTTP operations. */
  readonly parseOptions: ParseOptions;
  /** Verifies the caller from headers (`authorization`), as for HTTP; rejects for a bad token. */
  authenticate(headers: IncomingHttpHeaders): Promise<Principal>;
  /** Renders an error exactly as HTTP responses do (codes and extensions; nothing internal leaks). */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /**
   * A fresh request scope: each event a subscription renders is one operation, with its own vendor-call
   * budget and the subscriber as the caller of the rate share.
   */
  createScope(): RequestScope;
}

/** What a connection learns at `connection_init`; graphql-ws keeps it in the connection's `extra`. */
// A type alias (not an interface) so it meets graphql-ws's `Record<PropertyKey, unknown>` constraint.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- see above
type ConnectionState = {
  principal?: Principal;
  connectionId?: string;
};

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * `source`, each of whose events is turned into a response by `render` (graphql-js's own `subscribe` maps
 * events the same way, with one context for all of them); `return` and `throw` reach the source.
 */
function eachEventThrough<T, R>(source: AsyncIterable<T>, render: (event: T) => Promise<R>): AsyncGenerator<R> {
  const inner = source[Symbol.asyncIterator]();
  const steps: AsyncGenerator<R> = {
    next: async () => {
      const step = await inner.next();
      return step.done === true ? { done: true, value: undefined } : { done: false, value: await render(step.value) };
    },
    return: async (value?: unknown) => {
      await inner.return?.(value);
      return { done: true, value: undefined };
    },
    throw: async (error?: unknown) => {
      if (inner.throw) await inner.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]: () => steps,
  };
  return steps;
}

/** A refusal of the request itself, with the code Apollo gives the same refusal over HTTP. */
function requestError(message: string, code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'BAD_REQUEST'): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** The bearer token from `connection_init`'s payload (`authorization` or `Authorization`), else the upgrade request's. */
function headersOf(
  requestHeaders: IncomingHttpHeaders,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
): IncomingHttpHeaders {
  const fromParams = connectionParams?.authorization ?? connectionParams?.Authorization;
  return typeof fromParams === 'string' ? { ...requestHeaders, authorization: fromParams } : requestHeaders;
}

/**
 * Subscriptions over `graphql-transport-ws` on the HTTP server's `/graphql` (DESIGN.md "Events"). The
 * caller is authenticated once per connection, from `connection_init` or the upgrade request, exactly as
 * HTTP requests are: a bad token closes the connection (4403), a missing one (with `AUTH_MODE=jwt`)
 * connects but every subscription needing a scope is refused. Only subscriptions run here; queries and
 * mutations go over HTTP, where the call budget and the caller's rate share apply.
 */
export class SubscriptionServer {
  private constructor(
    private readonly sockets: WebSocketServer,
    private readonly dispose: () => Promise<void>,
  ) {}

  static start(options: SubscriptionServerOptions): SubscriptionServer {
    const { logger } = options;
    const sockets = new WebSocketServer({
      server: options.server,
      path: options.path,
      maxPayload: MAX_MESSAGE_BYTES,
      handleProtocols: (protocols) => (protocols.has(GRAPHQL_TRANSPORT_WS) ? GRAPHQL_TRANSPORT_WS : false),
    });
    const rules = [...specifiedRules, ...options.validationRules];
    // The connection behind each subscription's context, for the fresh context each event is rendered with.
    const subscribers = new WeakMap<object, { readonly principal: Principal; readonly requestId: string }>();
    // Each context has a scope of its own: the subscription's (its subscribe resolver) and each event's.
    const contextFor = (principal: Principal, requestId: string): RequestContext =>
      createRequestContext({
        requestId,
        logger: () => logger.child({ reqId: requestId, sub: principal.subject }),
        principal,
        services: options.services,
        scope: options.createScope(),
      });
    const disposable = useServer<Record<string, unknown> | undefined, ConnectionState>(
      {
        schema: options.schema,
        onConnect: async (ctx) => {
          try {
            ctx.extra.principal = await options.authenticate(headersOf(ctx.extra.request.headers, ctx.connectionParams));
            ctx.extra.connectionId = randomUUID();
            return true;
          } catch (error: unknown) {
            logger.info({ err: error }, 'subscription connection refused: bad token');
            return false;
          }
        },
        // Parsed and validated here (not by graphql-ws) so the HTTP limits apply and only subscriptions pass.
        onSubscribe: (_ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
          let document: DocumentNode;
          try {
            document = parse(payload.query, options.parseOptions);
          } catch (error: unknown) {
            const message = error instanceof GraphQLError ? error.message : 'The subscription could not be parsed.';
            return [requestError(message, 'GRAPHQL_PARSE_FAILED')];
          }
          const invalid = validate(options.schema, document, rules);
          if (invalid.length > 0) return invalid.map((error) => requestError(error.message, 'GRAPHQL_VALIDATION_FAILED'));
          if (getOperationAST(document, payload.operationName)?.operation !== OperationTypeNode.SUBSCRIPTION) {
            return [requestError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP.', 'BAD_REQUEST')];
          }
          return { schema: options.schema, document, operationName: payload.operationName, variableValues: payload.variables };
        },
        context: (ctx): RequestContext => {
          const principal = ctx.extra.principal;
          if (principal === undefined) throw new Error('A subscription ran on a connection that was never acknowledged.');
          const requestId = ctx.extra.connectionId ?? randomUUID();
          const context = contextFor(principal, requestId);
          subscribers.set(context, { principal, requestId });
          return context;
        },
        // graphql-js's `subscribe`, except that each event is rendered with a context of its own: fresh
        // loaders and a fresh request scope, so the event's vendor reads have their own call budget and
        // count against the subscriber's rate share.
        subscribe: async (args) => {
          const subscriber =
            typeof args.contextValue === 'object' && args.contextValue !== null ? subscribers.get(args.contextValue) : undefined;
          if (subscriber === undefined) return subscribe(args);
          const source = await createSourceEventStream(args);
          if (!isAsyncIterable(source)) return source;
          return eachEventThrough(source, async (event) =>
            execute({
              ...args,
              rootValue: event,
              contextValue: contextFor(subscriber.principal, subscriber.requestId),
            }),
          );
        },
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors ? { ...result, errors: result.errors.map((error) => options.formatError(error.toJSON(), error)) } : undefined,
        onError: (_ctx, _id, _payload, errors) => errors.map((error) => options.formatError(error.toJSON(), error)),
      },
      sockets,
    );
    return new SubscriptionServer(sockets, async () => {
      await disposable.dispose();
    });
  }

  /** Open WebSocket connections. */
  get connectionCount(): number {
    return this.sockets.clients.size;
  }

  /** Completes every subscription, closes every socket (1001 Going away) and stops taking upgrades. */
  async close(): Promise<void> {
    await this.dispose();
  }
}

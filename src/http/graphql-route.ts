import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type {
  ContextConfigDefault,
  FastifyInstance,
  FastifyRequest,
  FastifySchema,
  FastifyTypeProviderDefault,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { CompiledOperations } from '../graphql/compiled-operations';
import { DirectExecution } from '../graphql/direct-execution';
import type { FormatError } from '../graphql/execution-errors';
import type { GraphQLRequestCounter } from '../graphql/graphql-request-counter';
import { PreparedDocuments } from '../graphql/prepared-documents';
import type { QueryLimits } from '../graphql/query-limits';
import { ResponseMediaTypes } from '../graphql/response-media-type';

type Server = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, Logger>;

export interface GraphQLRouteOptions<TContext extends object> {
  readonly apollo: ApolloServer<TContext>;
  readonly schema: GraphQLSchema;
  readonly limits: QueryLimits;
  /** `INTROSPECTION` as Apollo was given it. */
  readonly introspection: boolean;
  /** `APOLLO_INLINE_TRACES` as Apollo was given it. */
  readonly inlineTraces: boolean;
  readonly formatError: FormatError;
  readonly counter: GraphQLRequestCounter;
  /** Builds a request's context for either path; a rejection is Apollo's to answer (a refused token: 401). */
  readonly createContext: (request: FastifyRequest) => Promise<TContext>;
  /** Serve common requests on the direct path. Default true. */
  readonly directExecution?: boolean;
}

/**
 * `GET|POST /graphql`. Each request's context holds a fresh request scope (`createContext`): the vendor
 * calls made for it, DataLoader batches included, carry its caller (rate share) and its call budget
 * (VENDOR_CALLS_PER_OPERATION). The direct path (`DirectExecution`) answers the common requests;
 * whatever it leaves (it has then sent nothing and run no resolver) goes to Apollo Server's handler.
 */
export function registerGraphQLRoute<TContext extends object>(server: Server, options: GraphQLRouteOptions<TContext>): void {
  const apolloHandler = fastifyApolloHandler<
    TContext,
    RawServerDefault,
    RawRequestDefaultExpression,
    RawReplyDefaultExpression,
    ContextConfigDefault,
    FastifySchema,
    FastifyTypeProviderDefault,
    Logger
  >(options.apollo, { context: options.createContext });
  const direct =
    options.directExecution === false
      ? undefined
      : new DirectExecution<TContext>({
          schema: options.schema,
          documents: new PreparedDocuments({
            schema: options.schema,
            parseOptions: options.limits.parseOptions,
            validationRules: options.limits.validationRules,
            introspection: options.introspection,
          }),
          compiledOperations: new CompiledOperations(options.schema),
          mediaTypes: new ResponseMediaTypes(),
          formatError: options.formatError,
          counter: options.counter,
          createContext: options.createContext,
          inlineTraces: options.inlineTraces,
        });
  server.route({
    url: '/graphql',
    method: ['GET', 'POST'],
    handler: async function (this: Server, request: Parameters<typeof apolloHandler>[0], reply: Parameters<typeof apolloHandler>[1]) {
      const answered = await direct?.serve(request, reply);
      return answered ?? apolloHandler.call(this, request, reply);
    },
  });
}

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import fastifyCors from '@fastify/cors';
import Fastify, {
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { Logger } from 'pino';
import { ActionRateLimiter } from '../datasources/http/action-rate-limiter';
import { VendorHttpClient, type BreakerOptions, type RetryOptions } from '../datasources/http/vendor-http-client';
import type { AppConfig } from './config/config';
import { Authenticator } from './auth/authenticator';
import { unauthenticatedResponse } from './auth/unauthenticated-response';
import { createFormatError } from './graphql/format-error';
import { buildAgreementsSchema } from './graphql/build-schema';
import { createRequestContext, type RequestContext, type Services } from './graphql/context';
import { metricsPlugin } from './graphql/metrics-plugin';
import { queryLimits } from './graphql/query-limits';
import { Readiness } from './http/readiness';
import { requestIdFor } from './http/request-id';
import { IdempotencyService } from './idempotency/idempotency-service';
import { AppMetrics } from './observability/metrics';
import { SharedState } from './stores/shared-state';
import { createVendorClients, type VendorSettings } from './vendors/registry';

/** The fastify instance with our pino logger type. */
export type AppServer = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, Logger>;

/** Resilience knobs; production uses the defaults, tests tighten them. */
export interface ResilienceOverrides {
  readonly retry?: Partial<RetryOptions>;
  readonly breaker?: Partial<BreakerOptions>;
  /** Requests per second per vendor action. Default 20 (Tencent's documented limit). */
  readonly rateLimitPerSecond?: number;
  /** How long a caller waits for a rate-limit slot. Default 1 s. */
  readonly rateLimitMaxWaitMs?: number;
  /** How long a refused vendor login is replayed before logging in again. Default 30 s. */
  readonly loginRefusalCooldownMs?: number;
}

export interface AppOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  /** Endpoints and credentials of the vendors that are on (live or sandbox). */
  readonly vendors: VendorSettings;
  readonly resilience?: ResilienceOverrides;
}

/**
 * The composition root: builds every long-lived collaborator once (pools, stores, clients, schema),
 * wires the HTTP routes, and tears everything down in order on `close()`.
 */
export class AgreementsApp {
  private constructor(
    readonly server: AppServer,
    readonly readiness: Readiness,
    readonly metrics: AppMetrics,
    private readonly apollo: ApolloServer<RequestContext>,
    private readonly pools: readonly VendorHttpClient[],
    private readonly shared: SharedState,
    private readonly logger: Logger,
  ) {}

  static async create(options: AppOptions): Promise<AgreementsApp> {
    const { config, logger } = options;
    const metrics = new AppMetrics();
    const shared = await SharedState.open(config.redisUrl, config.redisKeyPrefix, logger);
    const pools: VendorHttpClient[] = [];
    const clients = createVendorClients(options.vendors, (module, endpoint) => {
      const vendorLogger = logger.child({ vendor: module.vendor });
      const transport = new VendorHttpClient({
        vendor: module.vendor,
        endpoint,
        timeoutMs: config.vendorTimeoutMs,
        logger: vendorLogger,
        metrics,
        retry: options.resilience?.retry,
        breaker: options.resilience?.breaker,
        rateLimiter: new ActionRateLimiter(
          shared.rateLimiter(module.key, { pointsPerSecond: options.resilience?.rateLimitPerSecond ?? 20 }),
          module.vendor,
          options.resilience?.rateLimitMaxWaitMs ?? 1_000,
        ),
      });
      pools.push(transport);
      return { transport, store: shared.store, logger: vendorLogger, loginRefusalCooldownMs: options.resilience?.loginRefusalCooldownMs };
    });
    const services: Services = { ...clients, idempotency: new IdempotencyService(shared.store) };

    const server = Fastify({
      loggerInstance: logger,
      genReqId: requestIdFor,
      requestIdHeader: false,
      bodyLimit: 1024 * 1024,
    });
    const readiness = new Readiness();
    const limits = queryLimits(config.production);
    const apollo = new ApolloServer<RequestContext>({
      schema: await buildAgreementsSchema({ federationAuthDirectives: config.federationAuthDirectives }),
      formatError: createFormatError(logger),
      includeStacktraceInErrorResponses: false,
      introspection: config.introspection,
      allowBatchedHttpRequests: false,
      // Shutdown is ours (`close()`, called on SIGTERM by main): drain first, then stop Apollo, then pools.
      // Apollo's own signal handler would race it and leave our stop waiting forever.
      stopOnTerminationSignals: false,
      hideSchemaDetailsFromClientErrors: config.production,
      parseOptions: limits.parseOptions,
      validationRules: limits.validationRules,
      plugins: [
        ...(limits.plugins as ApolloServerPlugin<RequestContext>[]),
        fastifyApolloDrainPlugin(server),
        config.inlineTraces ? ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }) : ApolloServerPluginInlineTraceDisabled(),
        config.introspection
          ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
          : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
        metricsPlugin<RequestContext>(metrics),
      ],
    });
    await apollo.start();

    // CORS for browsers on CORS_ORIGINS (e.g. the hosted Studio Explorer). Preflights are answered in
    // @fastify/cors's onRequest hook, before the GraphQL handler; Apollo's CSRF prevention still refuses
    // simple (non-preflighted) requests without a JSON content type or `apollo-require-preflight`.
    await server.register(fastifyCors, {
      origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false,
      methods: ['GET', 'POST'],
      allowedHeaders: [
        'content-type',
        'authorization',
        'apollo-require-preflight',
        'x-apollo-operation-name',
        'apollographql-client-name',
        'apollographql-client-version',
      ],
      maxAge: 600,
    });
    const authenticator = new Authenticator(config.auth);
    server.route({
      url: '/graphql',
      method: ['GET', 'POST'],
      handler: fastifyApolloHandler(apollo, {
        context: async (request) => {
          const requestLogger = logger.child({ reqId: request.id });
          const principal = await authenticator.authenticate(request.headers).catch((error: unknown) => {
            throw unauthenticatedResponse(error);
          });
          return createRequestContext({
            requestId: request.id,
            logger: requestLogger.child({ sub: principal.subject }),
            principal,
            services,
          });
        },
      }),
    });
    // While draining, every response closes its connection, so keep-alive clients cannot hold the
    // shutdown open once their in-flight request has been answered.
    server.addHook('onSend', async (_request, reply, payload) => {
      if (readiness.current === 'draining') reply.header('connection', 'close');
      // RFC 6750: a 401 names the scheme the client must use.
      if (reply.statusCode === 401) reply.header('www-authenticate', 'Bearer');
      return payload;
    });
    server.get('/health', () => Promise.resolve({ status: 'ok' }));
    server.get('/ready', async (_request, reply) => {
      if (!readiness.isReady) return reply.code(503).send({ status: readiness.current });
      return { status: 'ready' };
    });
    server.get('/metrics', async (_request, reply) => {
      reply.header('content-type', metrics.registry.contentType);
      return metrics.registry.metrics();
    });
    return new AgreementsApp(server, readiness, metrics, apollo, pools, shared, logger);
  }

  /** Listens and marks the replica ready; resolves with the base URL. */
  async listen(port: number, host: string): Promise<string> {
    const address = await this.server.listen({ port, host });
    this.readiness.markReady();
    return address;
  }

  /**
   * Graceful shutdown: `/ready` turns 503 at once, in-flight requests finish (Apollo's drain plugin and
   * fastify's close), then vendor pools and shared state close.
   */
  async close(): Promise<void> {
    this.readiness.markDraining();
    await this.server.close();
    await this.apollo.stop();
    await Promise.all(this.pools.map((pool) => pool.close()));
    await this.shared.close();
    this.logger.info('stopped');
  }
}

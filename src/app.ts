import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import fastifyCors from '@fastify/cors';
import Fastify, {
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { ActionRateLimiter } from '../datasources/http/action-rate-limiter';
import { BudgetedTransport } from '../datasources/http/budgeted-transport';
import { VendorHttpClient, type BreakerOptions, type RetryOptions } from '../datasources/http/vendor-http-client';
import { rateLimitFor, type AppConfig } from './config/config';
import { Authenticator } from './auth/authenticator';
import { unauthenticatedResponse } from './auth/unauthenticated-response';
import { createFormatError } from './graphql/format-error';
import { buildAgreementsSchema } from './graphql/build-schema';
import { limitEntityRepresentations } from './graphql/entities-limit';
import { createRequestContext, type RequestContext, type Services } from './graphql/context';
import { metricsPlugin } from './graphql/metrics-plugin';
import { GraphQLRequestCounter } from './graphql/graphql-request-counter';
import { registerGraphQLRoute } from './http/graphql-route';
import { noStorePlugin } from './graphql/no-store-plugin';
import { queryLimits } from './graphql/query-limits';
import { Readiness } from './http/readiness';
import { AccessLogController } from './logging/access-log-controller';
import { unredactedSibling } from './logging/logger';
import { lazyChildLogger } from './logging/lazy-child-logger';
import { requestIdFor } from './http/request-id';
import { RequestScope } from './http/request-scope';
import { EventBus } from './events/event-bus';
import { entityIdOf, entityTypeOf } from './events/event-codec';
import { IdempotencyService } from './idempotency/idempotency-service';
import type { EventPoller } from './events/event-poller';
import { registerCallbackRoutes } from './http/callback-routes';
import { SubscriptionServer } from './graphql/subscription-server';
import { createEntityCache } from './cache/entity-cache';
import { AppMetrics } from './observability/metrics';
import { SharedState } from './stores/shared-state';
import { createEventSources, createVendorClients, VENDOR_KEYS, type VendorSettings } from './vendors/registry';

/** The fastify instance with our pino logger type. */
export type AppServer = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, Logger>;

/** Resilience knobs; production uses the defaults, tests tighten them. */
export interface ResilienceOverrides {
  readonly retry?: Partial<RetryOptions>;
  readonly breaker?: Partial<BreakerOptions>;
  /** Longest one vendor call (its retries included) waits for rate-limit slots before RATE_LIMITED. Default 1 s. */
  readonly rateLimitMaxWaitMs?: number;
  /**
   * How long a rate-limit slot stays taken: one second plus a guard for the way to the vendor. Default
   * 1100 ms; tests lengthen it so that counts do not depend on how fast the machine is.
   */
  readonly rateLimitWindowMs?: number;
  /** How long a refused vendor login is replayed before logging in again. Default 30 s. */
  readonly loginRefusalCooldownMs?: number;
}

export interface AppOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  /** Endpoints and credentials of the vendors that are on (live or sandbox). */
  readonly vendors: VendorSettings;
  readonly resilience?: ResilienceOverrides;
  /**
   * Serve common requests on the direct path (`DirectExecution`) rather than through Apollo Server's
   * pipeline. Default true; the test that compares both paths' answers turns it off for one app.
   */
  readonly directExecution?: boolean;
}

/** How `AgreementsApp.close` spends its time. */
export interface ShutdownOptions {
  /** How long `/ready` answers 503 while the replica keeps serving, before the listener closes. Default 0. */
  readonly delayMs?: number;
  /** How long in-flight requests may run once the listener is closed. Default: the request timeout. */
  readonly drainTimeoutMs?: number;
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
    private readonly subscriptions: SubscriptionServer,
    private readonly events: EventBus,
    private readonly pollers: readonly EventPoller[],
  ) {}

  static async create(options: AppOptions): Promise<AgreementsApp> {
    const { config, logger } = options;
    const metrics = new AppMetrics();
    const shared = await SharedState.open(config.redisUrl, config.redisKeyPrefix, logger);
    const pools: VendorHttpClient[] = [];
    const rateLimitWindows = shared.rateLimitWindows(logger);
    const clients = createVendorClients(options.vendors, (module, endpoint) => {
      const vendorLogger = logger.child({ vendor: module.vendor });
      const vendorKey = VENDOR_KEYS.find((key) => key === module.key);
      if (vendorKey === undefined) throw new Error(`The vendor ${module.key} is not in the registry.`);
      const pool = new VendorHttpClient({
        vendor: module.vendor,
        endpoint,
        timeoutMs: config.vendorTimeoutMs,
        logger: vendorLogger,
        metrics,
        retry: options.resilience?.retry,
        breaker: options.resilience?.breaker,
        rateLimiter: new ActionRateLimiter({
          vendor: module.vendor,
          vendorKey: module.key,
          windows: rateLimitWindows,
          rateFor: (action) => rateLimitFor(config.vendorRateLimits, vendorKey, action),
          callerShare: config.callerRateShare,
          maxWaitMs: options.resilience?.rateLimitMaxWaitMs ?? 1_000,
          windowMs: options.resilience?.rateLimitWindowMs,
          metrics,
        }),
      });
      pools.push(pool);
      // Each call carries its operation's scope (caller and call budget), passed down from the context.
      const transport = new BudgetedTransport(pool, module.vendor);
      return {
        transport,
        store: shared.cacheStore,
        logger: vendorLogger,
        loginRefusalCooldownMs: options.resilience?.loginRefusalCooldownMs,
      };
    });
    const entityCache = createEntityCache({ ttlMs: config.entityCacheTtlMs, store: shared.entityCacheStore, logger });
    const eventLogger = logger.child({ component: 'events' });
    // Event ids are recorded in the store that refuses while Redis is down: a callback is then refused
    // (the vendor redelivers) rather than emitted twice or lost. An emitted event first drops its entity
    // from the shared cache, so a subscriber that reads it sees the change.
    const events = new EventBus({
      store: shared.store,
      fanout: await shared.eventFanout(eventLogger),
      metrics,
      logger: eventLogger,
      dropCached: (event) => entityCache.drop(entityTypeOf(event), entityIdOf(event)),
    });
    const services: Services = {
      ...clients,
      idempotency: new IdempotencyService(shared.store, { vendorTimeoutMs: config.vendorTimeoutMs, logger }),
      events,
      entityCache,
    };
    const eventSources = createEventSources(options.vendors, clients, { sink: events.publish, store: shared.store, logger: eventLogger });

    const server = Fastify({
      loggerInstance: logger,
      logController: new AccessLogController(unredactedSibling(logger)),
      genReqId: requestIdFor,
      childLoggerFactory: lazyChildLogger,
      requestIdHeader: false,
      bodyLimit: 1024 * 1024,
      // Slow clients: headers and the whole body must arrive within REQUEST_TIMEOUT_MS, else Node cuts the
      // socket and fastify answers 408. Fastify copies `requestTimeout` onto the server (its default 0 would
      // switch Node's off); `http` reaches Node's constructor, which checks headersTimeout <= requestTimeout.
      // Node enforces both on a sweep every `connectionsCheckingInterval` (default 30 s, far too coarse),
      // so the cut-off lands within REQUEST_TIMEOUT_MS + min(1 s, 10 %).
      // `connectionTimeout` (socket inactivity) stays 0: while resolvers wait on vendors no byte flows, so
      // it would cut healthy requests without an answer. Idle keep-alive sockets end after fastify's
      // `keepAliveTimeout` (72 s) and at once when shutdown closes the listener.
      requestTimeout: config.requestTimeoutMs,
      http: {
        headersTimeout: config.requestTimeoutMs,
        requestTimeout: config.requestTimeoutMs,
        connectionsCheckingInterval: Math.min(1_000, Math.ceil(config.requestTimeoutMs / 10)),
      },
    });
    const readiness = new Readiness();
    const limits = queryLimits(config.production);
    const schema = limitEntityRepresentations(await buildAgreementsSchema({ federationAuthDirectives: config.federationAuthDirectives }));
    const formatError = createFormatError(logger);
    const requestCounter = new GraphQLRequestCounter(metrics);
    const apollo = new ApolloServer<RequestContext>({
      schema,
      formatError,
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
        ...limits.plugins,
        fastifyApolloDrainPlugin(server),
        config.inlineTraces ? ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }) : ApolloServerPluginInlineTraceDisabled(),
        config.introspection
          ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
          : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
        metricsPlugin<RequestContext>(requestCounter),
        ApolloServerPluginCacheControlDisabled(),
        noStorePlugin<RequestContext>(),
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
    // One scope per operation (an HTTP request, a subscription, each event it renders): its call budget and caller.
    const newScope = (): RequestScope => RequestScope.withBudget(config.vendorCallsPerOperation);
    const authenticator = new Authenticator(config.auth);
    // Subscriptions: the WebSocket upgrade on the same path, authenticated like HTTP (DESIGN.md "Events").
    const subscriptions = SubscriptionServer.start({
      server: server.server,
      path: '/graphql',
      schema,
      services,
      logger,
      validationRules: limits.validationRules,
      parseOptions: limits.parseOptions,
      authenticate: (headers) => authenticator.authenticate(headers),
      formatError,
      createScope: newScope,
    });
    await registerCallbackRoutes(server, { receivers: eventSources.receivers, sink: events.publish, metrics, logger: eventLogger });
    const createContext = async (request: FastifyRequest): Promise<RequestContext> => {
      const principal = await authenticator.authenticate(request.headers).catch((error: unknown) => {
        throw unauthenticatedResponse(error);
      });
      return createRequestContext({
        requestId: request.id,
        logger: () => logger.child({ reqId: request.id, sub: principal.subject }),
        principal,
        services,
        scope: newScope(),
      });
    };
    registerGraphQLRoute(server, {
      apollo,
      schema,
      limits,
      introspection: config.introspection,
      inlineTraces: config.inlineTraces,
      formatError,
      counter: requestCounter,
      createContext,
      directExecution: options.directExecution,
    });
    // While draining, every response closes its connection, so keep-alive clients cannot hold the
    // shutdown open once their in-flight request has been answered.
    // A callback hook, not an async one: it runs on every response, and fastify then needs no promise for it.
    server.addHook('onSend', (_request, reply, payload, done) => {
      if (readiness.current === 'draining') reply.header('connection', 'close');
      // RFC 6750: a 401 names the scheme the client must use.
      if (reply.statusCode === 401) reply.header('www-authenticate', 'Bearer');
      done(null, payload);
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
    return new AgreementsApp(server, readiness, metrics, apollo, pools, shared, logger, subscriptions, events, eventSources.pollers);
  }

  /** Listens, marks the replica ready and starts the vendor pollers; resolves with the base URL. */
  async listen(port: number, host: string): Promise<string> {
    const address = await this.server.listen({ port, host });
    this.readiness.markReady();
    for (const poller of this.pollers) poller.start();
    return address;
  }

  /**
   * Graceful shutdown, each phase logged with its `phase`: `/ready` turns 503 at once while the replica
   * keeps serving for `delayMs` (`delay`, skipped at 0); then the listener stops accepting and in-flight
   * requests finish (`drain`), their connections cut at `drainTimeoutMs`; then Apollo, the vendor pools
   * and shared state close (`close`, `stopped`). Every response sent from the first step on carries
   * `connection: close`, so keep-alive clients move to another replica.
   */
  async close(options: ShutdownOptions = {}): Promise<void> {
    const delayMs = options.delayMs ?? 0;
    this.readiness.markDraining();
    // Another replica takes the poll lease over once this one's lapses.
    await Promise.all(this.pollers.map((poller) => poller.stop()));
    if (delayMs > 0) {
      this.logger.info({ phase: 'delay', delayMs }, 'shutdown: /ready answers 503, still serving');
      await sleep(delayMs);
    }
    await this.drain(options.drainTimeoutMs ?? this.server.server.requestTimeout);
    this.logger.info({ phase: 'close' }, 'shutdown: closing vendor pools and shared state');
    await this.apollo.stop();
    await Promise.all(this.pools.map((pool) => pool.close()));
    await this.events.close();
    await this.shared.close();
    this.logger.info({ phase: 'stopped' }, 'stopped');
  }

  /** Stops accepting, waits for in-flight requests, and cuts the connections still open at the deadline. */
  private async drain(timeoutMs: number): Promise<void> {
    this.logger.info({ phase: 'drain', drainTimeoutMs: timeoutMs }, 'shutdown: listener closing, finishing in-flight requests');
    // Subscribers are told the replica is going away (1001) and reconnect elsewhere; their sockets would
    // otherwise hold the drain open until its deadline.
    await this.subscriptions.close();
    // fastify's close stops the listener, ends idle keep-alive sockets, answers 503 to requests that still
    // arrive on open ones, and resolves once every connection has ended.
    const closed = this.server.close();
    const cutOpenConnections = (): void => {
      this.logger.warn({ phase: 'drain-deadline', drainTimeoutMs: timeoutMs }, 'shutdown: drain deadline passed, cutting connections');
      this.server.server.closeAllConnections();
    };
    const deadline = timeoutMs > 0 ? setTimeout(cutOpenConnections, timeoutMs) : undefined;
    try {
      await closed;
    } finally {
      clearTimeout(deadline);
    }
  }
}

import type { Logger } from 'pino';
import type { AppServer } from '../app';
import type { EventSink } from '../events/agreement-event';
import { CALLBACK_BODY_LIMIT_BYTES, type CallbackOutcome, type CallbackReceiver } from '../events/callback-receiver';
import type { EventMetrics } from '../events/event-metrics';

export interface CallbackRoutesOptions {
  readonly receivers: readonly CallbackReceiver[];
  readonly sink: EventSink;
  readonly metrics: EventMetrics;
  readonly logger: Logger;
}

const UNAVAILABLE_MESSAGE = 'The event could not be recorded; deliver it again later.';

/**
 * `POST <path>` for every vendor callback receiver (DESIGN.md "Events"). These routes are not behind the
 * GraphQL authentication: each receiver authenticates its vendor itself (signature, bearer token) and
 * never accepts an unauthenticated event. Bodies reach the receiver as raw bytes (signatures cover them),
 * whatever their content type, up to `CALLBACK_BODY_LIMIT_BYTES` (413 past it). The vendor gets a 2xx only
 * once every event of the callback is recorded; when the shared store cannot record them, a 503 makes it
 * deliver again, and deduplication by eventId keeps that from emitting anything twice.
 */
export async function registerCallbackRoutes(server: AppServer, options: CallbackRoutesOptions): Promise<void> {
  const { receivers, sink, metrics, logger } = options;
  if (receivers.length === 0) return;
  await server.register((scope, _opts, done) => {
    // Encapsulated: the raw-body parsers apply to these routes only, never to /graphql.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: CALLBACK_BODY_LIMIT_BYTES }, (_request, body, parsed) => {
      parsed(null, body);
    });
    scope.setErrorHandler(async (error: { readonly statusCode?: number }, request, reply) => {
      const tooLarge = error.statusCode === 413;
      metrics.countEventRefused(request.routeOptions.url ?? 'unknown', tooLarge ? 'too_large' : 'malformed');
      logger.info({ err: error, route: request.routeOptions.url }, 'vendor callback refused before its receiver');
      return reply
        .code(error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 400)
        .send({ error: tooLarge ? 'body too large' : 'bad request' });
    });
    for (const receiver of receivers) {
      scope.post(receiver.path, async (request, reply) => {
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const outcome = await accept(receiver, rawBody, request.headers, sink, logger);
        if (outcome.refusal !== undefined) metrics.countEventRefused(receiver.path, outcome.refusal);
        return reply.code(outcome.status).send(outcome.body);
      });
    }
    done();
  });
}

/** The receiver's verdict, then every event handed to the sink; a failure anywhere is a 503, never a crash. */
async function accept(
  receiver: CallbackReceiver,
  rawBody: Buffer,
  headers: Parameters<CallbackReceiver['receive']>[0]['headers'],
  sink: EventSink,
  logger: Logger,
): Promise<CallbackOutcome> {
  const unavailable: CallbackOutcome = {
    status: 503,
    body: receiver.unavailableBody?.(UNAVAILABLE_MESSAGE) ?? { error: UNAVAILABLE_MESSAGE },
    events: [],
    refusal: 'unavailable',
  };
  let outcome: CallbackOutcome;
  try {
    outcome = await receiver.receive({ rawBody, headers });
  } catch (error: unknown) {
    logger.error({ err: error, receiver: receiver.path }, 'vendor callback receiver failed');
    return unavailable;
  }
  if (outcome.status < 200 || outcome.status > 299) return outcome;
  try {
    for (const event of outcome.events) await sink(event);
  } catch (error: unknown) {
    logger.warn(
      { err: error, receiver: receiver.path },
      'vendor callback accepted but its events could not be recorded; refused for redelivery',
    );
    return unavailable;
  }
  return outcome;
}

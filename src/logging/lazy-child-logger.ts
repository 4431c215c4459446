import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions } from 'pino';

/** The methods fastify checks a request logger for; they are answered without making the child. */
const LOG_METHODS: ReadonlySet<PropertyKey> = new Set(['info', 'error', 'debug', 'fatal', 'warn', 'trace', 'child', 'silent']);

/**
 * fastify's `childLoggerFactory`: each request's child logger (its `reqId` binding) is made on first use,
 * not for every request. Making one costs about 7 us, most of it pino running the binding through the
 * redaction of every redacted path, and a request that succeeds never logs through it (its access line is
 * written by `AccessLogController`). The stand-in forwards everything to the child, made when first needed;
 * the log methods fastify checks for on every request are answered with forwarders, so that check makes nothing.
 */
export function lazyChildLogger(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  let child: FastifyBaseLogger | undefined;
  const made = (): FastifyBaseLogger => {
    child ??= logger.child(bindings, options);
    return child;
  };
  const forwarder =
    (method: PropertyKey) =>
    (...args: unknown[]): unknown => {
      const target = made();
      const implementation: unknown = Reflect.get(target, method);
      return typeof implementation === 'function' ? Reflect.apply(implementation, target, args) : undefined;
    };
  return new Proxy(logger, {
    get: (_parent, property): unknown =>
      child === undefined && LOG_METHODS.has(property) ? forwarder(property) : Reflect.get(made(), property),
    set: (_parent, property, value) => Reflect.set(made(), property, value),
    has: (_parent, property) => Reflect.has(made(), property),
  });
}

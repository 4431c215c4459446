import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/config';
import { REDACTED, redactQueryString } from './redact-url';

/**
 * Paths pino blanks out wherever they appear in a log record: credentials, tokens, signatures,
 * Authorization headers, personal data (names, mobile numbers, e-mail) from vendor payloads, and the
 * vendors' own error texts, which quote what they refused (an approver's name, a mobile number).
 */
const REDACTED_PATHS: readonly string[] = [
  'password',
  '*.password',
  'secretKey',
  '*.secretKey',
  'secretAccessKey',
  '*.secretAccessKey',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'Authorization',
  '*.Authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'signature',
  '*.signature',
  'mobile',
  '*.mobile',
  'Mobile',
  '*.Mobile',
  'phone',
  '*.phone',
  'email',
  '*.email',
  'approverName',
  '*.approverName',
  'Name',
  '*.Name',
  'ApproveName',
  '*.ApproveName',
  'vendorMessage',
  '*.vendorMessage',
  '*.*.vendorMessage',
];

/** Request targets: the path is kept, the query string's values are not (`redactQueryString`). */
const URL_PATHS: readonly string[] = ['url', '*.url'];

/** Redacted paths' replacement: the query-redacted target for a URL, `REDACTED` for anything else. */
function censor(value: unknown, path: readonly string[]): unknown {
  return path.at(-1) === 'url' ? redactQueryString(value) : REDACTED;
}

const BASE = Object.freeze({ service: 'agreements-subgraph' });

/**
 * Creates the process logger: JSON lines, redacted, with the service name on every record. Fastify logs
 * each request's `req.url` through it, so a GraphQL GET's query string is redacted too.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: BASE,
    redact: { paths: [...REDACTED_PATHS, ...URL_PATHS], censor },
    timestamp: pino.stdTimeFunctions.isoTime,
    // `err` keeps its type and message, and stacks stay in our logs only (never in responses).
    serializers: { err: pino.stdSerializers.err },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * A logger for lines whose every field this service builds itself from values it has already made safe
 * (the per-request access line): `logger`'s destination, level, base fields and timestamp, without the
 * redaction pass, which walks every redacted path for every line (about 15 us a line). Never hand it a
 * field from a payload, a header or an error.
 */
export function unredactedSibling(logger: Logger): Logger {
  // pino exposes a logger's destination through this documented symbol only; its typings do not declare it on Logger.
  const stream: unknown = Reflect.get(logger, pino.symbols.streamSym);
  const destination = isDestinationStream(stream) ? stream : undefined;
  const options = { level: logger.level, base: BASE, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

function isDestinationStream(value: unknown): value is DestinationStream {
  return typeof value === 'object' && value !== null && 'write' in value && typeof value.write === 'function';
}

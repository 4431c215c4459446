import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/config';

/**
 * Paths pino blanks out wherever they appear in a log record: credentials, tokens, signatures,
 * Authorization headers, and personal data (names, mobile numbers, e-mail) from vendor payloads.
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
];

/** Creates the process logger: JSON lines, redacted, with the service name on every record. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'agreements-subgraph' },
    redact: { paths: [...REDACTED_PATHS], censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // `err` keeps its type and message, and stacks stay in our logs only (never in responses).
    serializers: { err: pino.stdSerializers.err },
  };
  return destination ? pino(options, destination) : pino(options);
}

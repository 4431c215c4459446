import { ErrorCode } from '../../src/errors/error-code';
import { headerValue, type ResponseHeaders } from './headers';

/** The wait reported when a rate-limited answer carries no usable `Retry-After`. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** The shortest wait ever reported: `Retry-After: 0` or a date already past still means "not at once". */
const MIN_RETRY_AFTER_SECONDS = 1;

const DELTA_SECONDS = /^\d+$/;
/** IMF-fixdate and RFC 850 dates start with the day name, and so does asctime (RFC 9110 §5.6.7). */
const HTTP_DATE_START = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)/;

/**
 * Reads a `Retry-After` value (RFC 9110 §10.2.3): delta-seconds or an HTTP date, measured from `now`.
 * The answer is whole seconds, at least `MIN_RETRY_AFTER_SECONDS`; an absent or unreadable value gives
 * `DEFAULT_RETRY_AFTER_SECONDS`. Never throws.
 */
export function parseRetryAfter(value: string | undefined, now: Date = new Date()): number {
  const text = value?.trim();
  // Stryker disable next-line ConditionalExpression: equivalent: an empty or absent value fails both patterns below and gets the default too
  if (!text) return DEFAULT_RETRY_AFTER_SECONDS;
  if (DELTA_SECONDS.test(text)) return Math.max(MIN_RETRY_AFTER_SECONDS, Number(text));
  if (!HTTP_DATE_START.test(text)) return DEFAULT_RETRY_AFTER_SECONDS;
  // asctime carries no zone but is GMT by definition; Date.parse would read it as local time.
  // Stryker disable next-line MethodExpression: equivalent in V8: Date.parse reads a doubled ' GMT GMT' as GMT
  const at = Date.parse(text.endsWith('GMT') ? text : `${text} GMT`);
  if (Number.isNaN(at)) return DEFAULT_RETRY_AFTER_SECONDS;
  return Math.max(MIN_RETRY_AFTER_SECONDS, Math.ceil((at - now.getTime()) / 1000));
}

/** `retryAfterSeconds` for an error of `code`: read from `headers` when it is `RATE_LIMITED`, else none. */
export function retryAfterSecondsFor(code: ErrorCode, headers: ResponseHeaders | undefined, now?: Date): number | undefined {
  if (code !== ErrorCode.RATE_LIMITED) return undefined;
  return parseRetryAfter(headers === undefined ? undefined : headerValue(headers, 'retry-after'), now);
}

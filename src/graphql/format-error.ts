import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors/error-code';
import { VendorError } from '../errors/vendor-error';
import { isJsonObject } from '../json/json-object';
import { vendorErrorExtensions } from './vendor-error-extensions';

/** GraphQL's own request errors that Apollo reports with these codes; we keep them but add ours. */
const INPUT_CODES: ReadonlySet<unknown> = new Set(['BAD_USER_INPUT']);
const APOLLO_REQUEST_CODES: ReadonlySet<unknown> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Our codes that a deliberately built GraphQLError (a plugin's or a router-facing refusal) may carry to the client. */
const DOMAIN_CODES: ReadonlySet<unknown> = new Set(Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL));

/**
 * `Variable "$input" got invalid value "X" at "input.remindTypes[0]"; …` → `input.remindTypes[0]`.
 * The path is the quoted text after ` at ` that ends the clause; the client's value comes earlier and
 * may itself contain `at "` (e.g. the value `"meet at "`), so a bare `at "` match is not enough.
 */
function fieldFromCoercionMessage(message: string): string | undefined {
  const at = / at "([^"]+)"(?:; |:|$)/.exec(message);
  if (at?.[1]) return at[1];
  const variable = /Variable "\$([^"]+)"/.exec(message);
  return variable?.[1];
}

/**
 * Apollo `formatError`: domain errors get our `extensions`; input coercion failures (unknown enum
 * values, wrong types) become `INVALID_INPUT` naming the field; anything unexpected is masked as
 * `INTERNAL` with a correlation id that is logged with the real error. Stack traces never leave.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = innermostError(error);
    if (original instanceof VendorError && original.code !== ErrorCode.INTERNAL) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...vendorErrorExtensions(original) },
      };
    }
    const apolloCode = formatted.extensions?.code;
    if (original instanceof GraphQLError && DOMAIN_CODES.has(apolloCode)) {
      // Built on purpose with one of our codes (nothing non-GraphQL underneath): already client-safe.
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    if (INPUT_CODES.has(apolloCode)) {
      const field = fieldFromCoercionMessage(formatted.message);
      return {
        ...formatted,
        extensions: { code: ErrorCode.INVALID_INPUT, retryable: false, ...(field ? { field } : {}) },
      };
    }
    if (APOLLO_REQUEST_CODES.has(apolloCode)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (clientErrorStatus(original) !== undefined) {
      // Apollo's own refusals of a bad request (e.g. a persisted-query hash that does not match the
      // query) carry a 4xx status and no code: a client mistake, logged below error.
      logger.info({ message: formatted.message }, 'request refused as a client error');
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_REQUEST', retryable: false },
      };
    }
    const correlationId = randomUUID();
    logger.error({ err: original, correlationId, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: 'Internal server error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL, retryable: false, correlationId },
    };
  };
}

/** The 4xx HTTP status a GraphQLError asks for (`extensions.http.status`), if any. */
function clientErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const http: unknown = error.extensions.http;
  const status = isJsonObject(http) ? http.status : undefined;
  return typeof status === 'number' && status >= 400 && status <= 499 ? status : undefined;
}

/**
 * The error under all GraphQL wrapping. Apollo's `unwrapResolverError` only unwraps errors that carry a
 * `path`, but a VendorError thrown while the context is built (auth) arrives as a GraphQLError with an
 * `originalError` and no path, and `locatedError` wraps a thrown GraphQLError once more.
 */
function innermostError(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 8 && current instanceof GraphQLError && current.originalError; depth += 1) {
    current = current.originalError;
  }
  return current;
}

import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from './error-code';
import { vendorErrorExtensions } from './to-graphql-error';
import { VendorError } from './vendor-error';

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

/** `Variable "$input" got invalid value "X" at "input.remindTypes[0]"; …` → `input.remindTypes[0]`. */
function fieldFromCoercionMessage(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message);
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
    const original = unwrapResolverError(error);
    if (original instanceof VendorError && original.code !== ErrorCode.INTERNAL) {
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { ...vendorErrorExtensions(original) } };
    }
    const apolloCode = formatted.extensions?.code;
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

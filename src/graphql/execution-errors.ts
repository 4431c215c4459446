import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { isJsonObject } from '../json/json-object';

/** The app's `formatError` (src/graphql/format-error.ts), as Apollo Server calls it. */
export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** What the errors of one executed operation become on the wire, and the HTTP head any of them asks for. */
export interface FormattedExecutionErrors {
  readonly errors: readonly GraphQLFormattedError[];
  /** `extensions.http.status` of the last error that carried one; undefined: the answer stays 200. */
  readonly status: number | undefined;
  /** `extensions.http.headers` of those errors, in order. */
  readonly headers: readonly (readonly [string, string])[];
}

const INTERNAL_SERVER_ERROR: GraphQLFormattedError = Object.freeze({
  message: 'Internal server error',
  extensions: Object.freeze({ code: 'INTERNAL_SERVER_ERROR' }),
});

/**
 * The errors of an executed operation as Apollo Server 5 formats them with
 * `includeStacktraceInErrorResponses: false`, for the direct path (`DirectExecution`), which must answer
 * byte for byte as Apollo's pipeline does: each error becomes a GraphQLError (a plain value is wrapped), gets
 * `extensions.code` `INTERNAL_SERVER_ERROR` unless it has a code, gives up an `extensions.http` status to the
 * HTTP answer, and is then handed to `formatError` with the original error; a `formatError` that throws
 * yields Apollo's bare internal error. The direct-path test compares both paths' answers.
 */
export function formatExecutionErrors(errors: readonly GraphQLError[], formatError: FormatError): FormattedExecutionErrors {
  let status: number | undefined;
  const headers: (readonly [string, string])[] = [];
  const formatted = errors.map((error) => {
    try {
      const { message, locations, path, extensions: own } = error.toJSON();
      const extensions: Record<string, unknown> = { ...own, code: own?.code ?? 'INTERNAL_SERVER_ERROR' };
      const head = httpHeadOf(extensions.http);
      if (head) {
        if (head.status !== undefined) status = head.status;
        headers.push(...head.headers);
        delete extensions.http;
      }
      const enriched: GraphQLFormattedError = { message, ...(locations ? { locations } : {}), ...(path ? { path } : {}), extensions };
      return formatError(enriched, error);
    } catch {
      return INTERNAL_SERVER_ERROR;
    }
  });
  return { errors: formatted, status, headers };
}

/** Apollo's partial HTTP head in `extensions.http`: an object whose `status` is a number and `headers` a Map, each optional. */
function httpHeadOf(
  http: unknown,
): { readonly status: number | undefined; readonly headers: readonly (readonly [string, string])[] } | undefined {
  if (!isJsonObject(http)) return undefined;
  const { status, headers } = http;
  if (status !== undefined && typeof status !== 'number') return undefined;
  if (headers !== undefined && !(headers instanceof Map)) return undefined;
  const entries: (readonly [string, string])[] = [];
  if (headers instanceof Map) {
    for (const [name, value] of headers) if (typeof name === 'string' && typeof value === 'string') entries.push([name, value]);
  }
  return { status, headers: entries };
}

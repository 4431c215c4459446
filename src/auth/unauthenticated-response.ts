import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/error-code';
import { VendorError } from '../errors/vendor-error';

/**
 * What a request with an invalid bearer token gets: HTTP 401 and one top-level `UNAUTHENTICATED`
 * error. Apollo answers 500 for any other error thrown while the context is built. The
 * `WWW-Authenticate: Bearer` challenge of every 401 is added by the HTTP server (app.ts).
 */
export function unauthenticatedResponse(error: unknown): GraphQLError {
  const message = error instanceof VendorError ? error.message : 'The bearer token could not be verified.';
  return new GraphQLError(message, {
    originalError: error instanceof Error ? error : undefined,
    extensions: {
      code: ErrorCode.UNAUTHENTICATED,
      retryable: false,
      http: { status: 401 },
    },
  });
}

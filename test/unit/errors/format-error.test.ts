import { Writable } from 'node:stream';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError, locatedError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError, type VendorErrorInit } from '../../../src/errors/vendor-error';
import { createFormatError } from '../../../src/graphql/format-error';
import { createLogger } from '../../../src/logging/logger';

/** Keeps every log line so tests can check what reached the logs (and what did not reach clients). */
class CapturedLines extends Writable {
  private readonly chunks: string[] = [];

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk.toString());
    callback();
  }

  get text(): string {
    return this.chunks.join('');
  }
}

const NOT_FOUND_INIT: VendorErrorInit = {
  code: ErrorCode.NOT_FOUND,
  message: 'The flow does not exist.',
  vendor: Vendor.TENCENT_ESS,
  vendorCode: 'ResourceNotFound.Flow',
  vendorMessage: '流程不存在',
  vendorRequestId: 'req-404',
};

const NOT_FOUND = (): VendorError => new VendorError(NOT_FOUND_INIT);

const NOT_FOUND_EXTENSIONS = {
  code: ErrorCode.NOT_FOUND,
  vendor: Vendor.TENCENT_ESS,
  vendorCode: 'ResourceNotFound.Flow',
  vendorRequestId: 'req-404',
  retryable: false,
};

/** What Apollo hands `formatError` for `error` (its `enrichError`), with a stack trace as if enabled. */
function formattedByApollo(error: GraphQLError): GraphQLFormattedError {
  return {
    ...error.toJSON(),
    extensions: { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR', stacktrace: error.stack?.split('\n') },
  };
}

describe('createFormatError', () => {
  let lines: CapturedLines;
  let formatError: ReturnType<typeof createFormatError>;

  beforeEach(() => {
    lines = new CapturedLines();
    formatError = createFormatError(createLogger('info', lines));
  });

  afterEach(() => {
    lines.destroy();
  });

  describe('called directly', () => {
    it('renders a VendorError located by graphql-js with our extensions and no stack trace', () => {
      const error = locatedError(NOT_FOUND(), undefined, ['flow']);

      const result = formatError(formattedByApollo(error), error);

      expect(result).toEqual({ message: 'The flow does not exist.', path: ['flow'], extensions: NOT_FOUND_EXTENSIONS });
    });

    it('renders a VendorError wrapped without a path (as for a failed context) with our extensions', () => {
      const vendorError = new VendorError({ code: ErrorCode.UNAUTHENTICATED, message: 'A valid bearer token is required.' });
      const error = new GraphQLError(`Context creation failed: ${vendorError.message}`, { originalError: vendorError });

      const result = formatError(formattedByApollo(error), error);

      expect(result.message).toBe('A valid bearer token is required.');
      expect(result.extensions).toEqual({
        code: ErrorCode.UNAUTHENTICATED,
        vendor: null,
        vendorCode: null,
        vendorRequestId: null,
        retryable: false,
      });
    });

    it('keeps the extensions of a GraphQLError built with one of our codes when a resolver throws it', () => {
      const error = locatedError(new GraphQLError('The flow does not exist.', { extensions: NOT_FOUND_EXTENSIONS }), undefined, ['flow']);

      const result = formatError(formattedByApollo(error), error);

      expect(result.message).toBe('The flow does not exist.');
      expect(result.extensions).toEqual(NOT_FOUND_EXTENSIONS);
    });

    it('adds retryAfterSeconds and field when the VendorError carries them', () => {
      const error = locatedError(
        new VendorError({ code: ErrorCode.RATE_LIMITED, message: 'slow down', vendor: Vendor.VOLCENGINE_BILLING, retryAfterSeconds: 3 }),
        undefined,
        ['invitations'],
      );

      expect(formatError(formattedByApollo(error), error).extensions).toEqual({
        code: ErrorCode.RATE_LIMITED,
        vendor: Vendor.VOLCENGINE_BILLING,
        vendorCode: null,
        vendorRequestId: null,
        retryable: true,
        retryAfterSeconds: 3,
      });
    });

    it('never shows the vendor message, the cause or the stack of a VendorError', () => {
      const error = locatedError(new VendorError({ ...NOT_FOUND_INIT, cause: new Error('socket 10.0.0.1 said no') }), undefined, ['flow']);

      const text = JSON.stringify(formatError(formattedByApollo(error), error));

      expect(text).not.toContain('流程不存在');
      expect(text).not.toContain('10.0.0.1');
      expect(text).not.toContain('stacktrace');
    });

    it('masks a VendorError with code INTERNAL like any other bug', () => {
      const error = locatedError(new VendorError({ code: ErrorCode.INTERNAL, message: 'parse blew up on field X' }), undefined, ['flow']);

      const result = formatError(formattedByApollo(error), error);

      expect(result.message).toBe('Internal server error.');
      expect(JSON.stringify(result)).not.toContain('field X');
    });

    it('masks a plain Error as INTERNAL with a correlation id that is logged with the real message', () => {
      const error = locatedError(new Error('db password is hunter2'), undefined, ['flows', 0]);

      const result = formatError(formattedByApollo(error), error);

      expect(result.message).toBe('Internal server error.');
      expect(result.path).toEqual(['flows', 0]);
      expect(result.extensions).toEqual({ code: ErrorCode.INTERNAL, retryable: false, correlationId: expect.any(String) as unknown });
      expect(JSON.stringify(result)).not.toContain('hunter2');
      const correlationId = String(result.extensions?.correlationId);
      expect(correlationId.length).toBeGreaterThan(0);
      expect(lines.text).toContain(correlationId);
      expect(lines.text).toContain('db password is hunter2');
    });

    it('gives each masked error its own correlation id', () => {
      const first = locatedError(new Error('a'), undefined, ['a']);
      const second = locatedError(new Error('b'), undefined, ['b']);

      const ids = [formatError(formattedByApollo(first), first), formatError(formattedByApollo(second), second)].map(
        (result) => result.extensions?.correlationId,
      );

      expect(ids[0]).not.toEqual(ids[1]);
    });

    it.each([
      [
        'Variable "$input" got invalid value "FAX" at "input.remindTypes[0]"; Value "FAX" does not exist in "RemindType" enum.',
        'input.remindTypes[0]',
      ],
      [
        'Variable "$input" got invalid value "meet at " at "input.remindTypes[1]"; Value "meet at " does not exist in "RemindType" enum.',
        'input.remindTypes[1]',
      ],
      ['Variable "$id" of required type "ID!" was not provided.', 'id'],
    ])('turns BAD_USER_INPUT %p into INVALID_INPUT with field %p', (message, field) => {
      const error = new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

      const result = formatError(formattedByApollo(error), error);

      expect(result.message).toBe(message);
      expect(result.extensions).toEqual({ code: ErrorCode.INVALID_INPUT, retryable: false, field });
    });

    it('keeps GRAPHQL_VALIDATION_FAILED and drops its stack trace', () => {
      const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });

      const result = formatError(formattedByApollo(error), error);

      expect(result.message).toBe('Cannot query field "nope" on type "Query".');
      expect(result.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    });
  });

  describe('inside Apollo Server', () => {
    const typeDefs = `#graphql
      enum RemindType { SMS EMAIL }
      input RemindInput { flowIds: [ID!]!, remindTypes: [RemindType!] }
      type Query {
        ok: String
        flow: String
        bug: String
        remind(input: RemindInput!): String
      }
    `;
    let server: ApolloServer;

    beforeEach(async () => {
      server = new ApolloServer({
        typeDefs,
        resolvers: {
          Query: {
            ok: () => 'fine',
            flow: () => {
              throw NOT_FOUND();
            },
            bug: () => {
              throw new TypeError("Cannot read properties of undefined (reading 'FlowId')");
            },
            remind: () => 'reminded',
          },
        },
        formatError,
        // On, so the tests prove formatError itself keeps stack traces out of responses.
        includeStacktraceInErrorResponses: true,
      });
      await server.start();
    });

    afterEach(async () => {
      await server.stop();
    });

    async function errorsOf(
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<{ data: unknown; errors: readonly GraphQLFormattedError[] }> {
      const response = await server.executeOperation({ query, variables });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return { data: response.body.singleResult.data, errors: response.body.singleResult.errors ?? [] };
    }

    it('renders a resolver VendorError with our extensions and keeps the rest of the data', async () => {
      const { data, errors } = await errorsOf('{ ok flow }');

      expect(data).toEqual({ ok: 'fine', flow: null });
      expect(errors).toEqual([
        { message: 'The flow does not exist.', locations: [{ line: 1, column: 6 }], path: ['flow'], extensions: NOT_FOUND_EXTENSIONS },
      ]);
    });

    it('masks a resolver bug as INTERNAL without its message', async () => {
      const { errors } = await errorsOf('{ bug }');

      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toBe('Internal server error.');
      expect(errors[0]?.extensions).toEqual({ code: ErrorCode.INTERNAL, retryable: false, correlationId: expect.any(String) as unknown });
      expect(JSON.stringify(errors)).not.toContain('FlowId');
    });

    it('turns an unknown enum value in variables into INVALID_INPUT naming the field', async () => {
      const { errors } = await errorsOf('query ($input: RemindInput!) { remind(input: $input) }', {
        input: { flowIds: ['f1'], remindTypes: ['FAX'] },
      });

      expect(errors).toHaveLength(1);
      expect(errors[0]?.extensions).toEqual({ code: ErrorCode.INVALID_INPUT, retryable: false, field: 'input.remindTypes[0]' });
      expect(errors[0]?.message).toContain('"FAX"');
    });

    it('keeps GRAPHQL_VALIDATION_FAILED without a stack trace when a field does not exist', async () => {
      const { errors } = await errorsOf('{ nope }');

      expect(errors).toHaveLength(1);
      expect(errors[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    });

    it('renders a VendorError thrown while the context is built with our code and no stack trace', async () => {
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'POST',
          headers: new HeaderMap([['content-type', 'application/json']]),
          search: '',
          body: { query: '{ ok }' },
        },
        context: () => Promise.reject(new VendorError({ code: ErrorCode.UNAUTHENTICATED, message: 'A valid bearer token is required.' })),
      });
      if (response.body.kind !== 'complete') throw new Error('expected a complete body');
      const body = JSON.parse(response.body.string) as { errors: GraphQLFormattedError[] };

      expect(body.errors).toEqual([
        {
          message: 'A valid bearer token is required.',
          extensions: { code: ErrorCode.UNAUTHENTICATED, vendor: null, vendorCode: null, vendorRequestId: null, retryable: false },
        },
      ]);
    });
  });
});

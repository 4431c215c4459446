import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatExecutionErrors } from '../../../src/graphql/execution-errors';

/**
 * Apollo Server 5's error normalisation (its "Error handling" documentation): an error without a code is
 * sent with `INTERNAL_SERVER_ERROR`; `extensions.http` sets the response status and headers and is not
 * sent; a `formatError` that throws yields `{ message: 'Internal server error', extensions: { code:
 * 'INTERNAL_SERVER_ERROR' } }`.
 */
const identity = (formatted: GraphQLFormattedError): GraphQLFormattedError => formatted;

describe('formatExecutionErrors', () => {
  it('gives an error without a code INTERNAL_SERVER_ERROR and keeps its location and path', () => {
    const error = new GraphQLError('boom', { path: ['flow', 0], extensions: { retryable: false } });

    expect(formatExecutionErrors([error], identity)).toEqual({
      errors: [{ message: 'boom', path: ['flow', 0], extensions: { retryable: false, code: 'INTERNAL_SERVER_ERROR' } }],
      status: undefined,
      headers: [],
    });
  });

  it('keeps a code the error has', () => {
    const error = new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });

    expect(formatExecutionErrors([error], identity).errors).toEqual([{ message: 'no', extensions: { code: 'FORBIDDEN' } }]);
  });

  it('moves extensions.http into the answer: the status and headers are taken, the field is not sent', () => {
    // Apollo's HTTP head holds its headers in a Map (a HeaderMap); typed loosely here, as another library's
    // declaration of `extensions.http` says otherwise.
    const extensions: Record<string, unknown> = {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: new Map([['x-reason', 'token']]) },
    };
    const error = new GraphQLError('who?', { extensions });

    expect(formatExecutionErrors([error], identity)).toEqual({
      errors: [{ message: 'who?', extensions: { code: 'UNAUTHENTICATED' } }],
      status: 401,
      headers: [['x-reason', 'token']],
    });
  });

  it('keeps the status an earlier error asked for when a later one brings headers only', () => {
    const first: Record<string, unknown> = { code: 'A', http: { status: 429 } };
    const second: Record<string, unknown> = { code: 'B', http: { headers: new Map([['retry-after', '3']]) } };

    expect(
      formatExecutionErrors([new GraphQLError('a', { extensions: first }), new GraphQLError('b', { extensions: second })], identity),
    ).toEqual({
      errors: [
        { message: 'a', extensions: { code: 'A' } },
        { message: 'b', extensions: { code: 'B' } },
      ],
      status: 429,
      headers: [['retry-after', '3']],
    });
  });

  it('takes only string header entries', () => {
    const extensions: Record<string, unknown> = {
      code: 'C',
      http: {
        headers: new Map<unknown, unknown>([
          ['x-ok', 'yes'],
          ['x-number', 1],
          [2, 'two'],
        ]),
      },
    };

    expect(formatExecutionErrors([new GraphQLError('c', { extensions })], identity).headers).toEqual([['x-ok', 'yes']]);
  });

  it('leaves an extensions.http whose headers are not a Map in the error', () => {
    const extensions: Record<string, unknown> = { code: 'D', http: { status: 401, headers: { 'x-a': 'b' } } };

    expect(formatExecutionErrors([new GraphQLError('d', { extensions })], identity)).toEqual({
      errors: [{ message: 'd', extensions: { code: 'D', http: { status: 401, headers: { 'x-a': 'b' } } } }],
      status: undefined,
      headers: [],
    });
  });

  it('leaves an extensions.http that is not an HTTP head in the error', () => {
    const extensions: Record<string, unknown> = { code: 'X', http: { status: 'teapot' } };
    const error = new GraphQLError('odd', { extensions });

    expect(formatExecutionErrors([error], identity)).toEqual({
      errors: [{ message: 'odd', extensions: { code: 'X', http: { status: 'teapot' } } }],
      status: undefined,
      headers: [],
    });
  });

  it('hands formatError the original error and answers the bare internal error when it throws', () => {
    const seen: unknown[] = [];
    const error = new GraphQLError('first');
    const throwing = (_formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError => {
      seen.push(original);
      throw new Error('formatter broke');
    };

    expect(formatExecutionErrors([error], throwing).errors).toEqual([
      { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(seen).toEqual([error]);
  });
});

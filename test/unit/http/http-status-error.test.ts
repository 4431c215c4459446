import {
  HTTP_STATUS_TABLE,
  httpStatusError,
  httpStatusRule,
  unreadableAnswerError,
  withStatusOverrides,
} from '../../../datasources/http/http-status-error';
import { ErrorCode } from '../../../src/errors/error-code';
import { rule } from '../../../src/errors/vendor-code-table';
import { Vendor } from '../../../src/errors/vendor';

/** DESIGN.md "Error model" and the issue: one meaning per HTTP status for every vendor. */
const SHARED_MEANING: readonly (readonly [number, ErrorCode])[] = [
  [400, ErrorCode.INVALID_INPUT],
  [401, ErrorCode.VENDOR_AUTH_FAILED],
  [403, ErrorCode.VENDOR_AUTH_FAILED],
  [404, ErrorCode.NOT_FOUND],
  [429, ErrorCode.RATE_LIMITED],
  [402, ErrorCode.VENDOR_ERROR],
  [405, ErrorCode.VENDOR_ERROR],
  [409, ErrorCode.VENDOR_ERROR],
  [418, ErrorCode.VENDOR_ERROR],
  [499, ErrorCode.VENDOR_ERROR],
  [500, ErrorCode.VENDOR_UNAVAILABLE],
  [502, ErrorCode.VENDOR_UNAVAILABLE],
  [503, ErrorCode.VENDOR_UNAVAILABLE],
  [504, ErrorCode.VENDOR_UNAVAILABLE],
  [599, ErrorCode.VENDOR_UNAVAILABLE],
  [301, ErrorCode.VENDOR_UNAVAILABLE],
  [304, ErrorCode.VENDOR_UNAVAILABLE],
  [101, ErrorCode.VENDOR_UNAVAILABLE],
];

describe('HTTP_STATUS_TABLE', () => {
  it.each(SHARED_MEANING)('maps HTTP %i to %s', (status, expected) => {
    expect(httpStatusRule(HTTP_STATUS_TABLE, status).code).toBe(expected);
  });

  it('reads an unreadable success body as VENDOR_UNAVAILABLE', () => {
    expect(HTTP_STATUS_TABLE.unreadable.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
  });

  it('gives every row an English sentence', () => {
    const rows = [...Object.values(HTTP_STATUS_TABLE.statuses), HTTP_STATUS_TABLE.otherClientError, HTTP_STATUS_TABLE.serverError];
    for (const row of [...rows, HTTP_STATUS_TABLE.unreadable]) expect(row.message).toMatch(/^[A-Z][\x20-\x7e]+\.$/);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(HTTP_STATUS_TABLE)).toBe(true);
    expect(Object.isFrozen(HTTP_STATUS_TABLE.statuses)).toBe(true);
  });
});

describe('withStatusOverrides', () => {
  const denied = rule(ErrorCode.PERMISSION_DENIED, 'Denied.');
  const transport = rule(ErrorCode.VENDOR_UNAVAILABLE, 'Transport.');
  const table = withStatusOverrides({ statuses: { 403: denied, 409: denied }, otherClientError: transport });

  it('replaces and adds single statuses and keeps the shared rows it does not name', () => {
    expect(httpStatusRule(table, 403)).toBe(denied);
    expect(httpStatusRule(table, 409)).toBe(denied);
    expect(httpStatusRule(table, 401)).toBe(HTTP_STATUS_TABLE.statuses[401]);
    expect(httpStatusRule(table, 429)).toBe(HTTP_STATUS_TABLE.statuses[429]);
  });

  it('replaces a class row and keeps the others', () => {
    expect(httpStatusRule(table, 418)).toBe(transport);
    expect(httpStatusRule(table, 503)).toBe(HTTP_STATUS_TABLE.serverError);
    expect(table.unreadable).toBe(HTTP_STATUS_TABLE.unreadable);
  });

  it('reads the whole 4xx class, its edges included, as a client error when no row names the status', () => {
    const classesOnly = { ...HTTP_STATUS_TABLE, statuses: {}, otherClientError: transport };

    expect([399, 400, 499, 500].map((status) => httpStatusRule(classesOnly, status))).toEqual([
      HTTP_STATUS_TABLE.serverError,
      transport,
      transport,
      HTTP_STATUS_TABLE.serverError,
    ]);
  });

  it('leaves the shared table as it was', () => {
    expect(httpStatusRule(HTTP_STATUS_TABLE, 403).code).toBe(ErrorCode.VENDOR_AUTH_FAILED);
  });
});

describe('httpStatusError', () => {
  it('waits as Retry-After says when given a 429 with Retry-After: 7', () => {
    const error = httpStatusError(HTTP_STATUS_TABLE, Vendor.VOLCENGINE_BILLING, { status: 429, headers: { 'Retry-After': '7' } });
    expect(error).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryable: true, retryAfterSeconds: 7, vendor: Vendor.VOLCENGINE_BILLING });
  });

  it('measures an HTTP-date Retry-After from now', () => {
    const error = httpStatusError(HTTP_STATUS_TABLE, Vendor.TENCENT_ESS, {
      status: 429,
      headers: { 'retry-after': 'Fri, 31 Dec 1999 23:59:59 GMT' },
      now: new Date('1999-12-31T23:59:00Z'),
    });
    expect(error.retryAfterSeconds).toBe(59);
  });

  it('sets no wait on errors that are not rate limiting, even with a Retry-After', () => {
    const error = httpStatusError(HTTP_STATUS_TABLE, Vendor.TENCENT_ESS, { status: 503, headers: { 'retry-after': '7' } });
    expect(error).toMatchObject({ code: ErrorCode.VENDOR_UNAVAILABLE, retryable: true, retryAfterSeconds: undefined });
  });

  it('keeps the details it is given and takes its message from the table', () => {
    const error = httpStatusError(HTTP_STATUS_TABLE, Vendor.VNPT_ECONTRACT, {
      status: 404,
      headers: {},
      vendorCode: 'HTTP_404',
      vendorMessage: 'Không tìm thấy',
      vendorRequestId: 'req-1',
    });
    expect(error).toMatchObject({
      code: ErrorCode.NOT_FOUND,
      message: HTTP_STATUS_TABLE.statuses[404].message,
      vendor: Vendor.VNPT_ECONTRACT,
      vendorCode: 'HTTP_404',
      vendorMessage: 'Không tìm thấy',
      vendorRequestId: 'req-1',
      retryable: false,
    });
  });
});

describe('unreadableAnswerError', () => {
  it('is a retryable VENDOR_UNAVAILABLE carrying the RequestId', () => {
    expect(unreadableAnswerError(HTTP_STATUS_TABLE, Vendor.TENCENT_ESS, { vendorRequestId: 'req-2' })).toMatchObject({
      code: ErrorCode.VENDOR_UNAVAILABLE,
      retryable: true,
      vendor: Vendor.TENCENT_ESS,
      vendorRequestId: 'req-2',
      vendorCode: undefined,
    });
  });
});

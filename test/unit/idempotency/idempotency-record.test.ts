import {
  fromStoredError,
  isRunningRecord,
  parseRecord,
  serializeRecord,
  toStoredError,
  type IdempotencyRecord,
} from '../../../src/idempotency/idempotency-record';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';

const FINGERPRINT = 'sha256:0f1e2d';

/** A typed failure with every field the error model has (DESIGN.md "Error model"). */
const REFUSED = new VendorError({
  code: ErrorCode.RATE_LIMITED,
  message: 'Too many requests to the vendor; try again shortly.',
  vendor: Vendor.TENCENT_ESS,
  vendorCode: 'RequestLimitExceeded',
  vendorMessage: '请求频率超限',
  vendorRequestId: 'req-1',
  retryable: true,
  retryAfterSeconds: 3,
  field: 'input.flowId',
});

describe('idempotency records', () => {
  it.each<readonly [string, IdempotencyRecord]>([
    ['a claim', { state: 'running', fingerprint: FINGERPRINT }],
    ['a stored value', { state: 'done', fingerprint: FINGERPRINT, ok: true, value: { documentId: 'd-1' } }],
    ['a stored failure', { state: 'done', fingerprint: FINGERPRINT, ok: false, error: toStoredError(REFUSED) }],
  ])('reads back %s as it was written', (_label, record) => {
    expect(parseRecord(serializeRecord(record))).toEqual(record);
  });

  it.each<readonly [string, string]>([
    ['text that is not JSON', '{"state":"running",'],
    ['JSON null', 'null'],
    ['a JSON string', '"running"'],
    ['no fingerprint', JSON.stringify({ state: 'running' })],
    ['a numeric fingerprint', JSON.stringify({ state: 'running', fingerprint: 7 })],
    ['an unknown state', JSON.stringify({ state: 'pending', fingerprint: FINGERPRINT })],
    ['no state', JSON.stringify({ fingerprint: FINGERPRINT, ok: true, value: 1 })],
    ['an outcome without ok', JSON.stringify({ state: 'done', fingerprint: FINGERPRINT, value: 1 })],
    ['an ok that is no boolean', JSON.stringify({ state: 'done', fingerprint: FINGERPRINT, ok: 'yes', value: 1 })],
    [
      'an ok that is no boolean, with an error',
      JSON.stringify({ state: 'done', fingerprint: FINGERPRINT, ok: 'no', error: { code: 'X' } }),
    ],
    ['an unknown state with an outcome', JSON.stringify({ state: 'pending', fingerprint: FINGERPRINT, ok: true, value: 1 })],
    ['a failure without its error', JSON.stringify({ state: 'done', fingerprint: FINGERPRINT, ok: false })],
    ['a failure whose error is text', JSON.stringify({ state: 'done', fingerprint: FINGERPRINT, ok: false, error: 'boom' })],
    ['a failure whose error is null', JSON.stringify({ state: 'done', fingerprint: FINGERPRINT, ok: false, error: null })],
    ['a failure whose error has no code', JSON.stringify({ state: 'done', fingerprint: FINGERPRINT, ok: false, error: { message: 'm' } })],
    ['a failure whose code is a number', JSON.stringify({ state: 'done', fingerprint: FINGERPRINT, ok: false, error: { code: 429 } })],
  ])('reads %s as no record (written by something else, or truncated)', (_label, raw) => {
    expect(parseRecord(raw)).toBeUndefined();
  });

  it('tells a running claim from an outcome and from what is no record', () => {
    expect(isRunningRecord(serializeRecord({ state: 'running', fingerprint: FINGERPRINT }))).toBe(true);
    expect(isRunningRecord(serializeRecord({ state: 'done', fingerprint: FINGERPRINT, ok: true, value: null }))).toBe(false);
    expect(isRunningRecord('{"state":"running"}')).toBe(false);
    expect(isRunningRecord('running')).toBe(false);
  });

  it('replays a stored failure as a fresh VendorError with every field of the first', () => {
    const stored = parseRecord(serializeRecord({ state: 'done', fingerprint: FINGERPRINT, ok: false, error: toStoredError(REFUSED) }));
    if (stored?.state !== 'done' || stored.ok) throw new Error('expected a stored failure');

    const replayed = fromStoredError(stored.error);

    expect(replayed).toBeInstanceOf(VendorError);
    expect(replayed).not.toBe(REFUSED);
    expect(replayed).toMatchObject({
      code: ErrorCode.RATE_LIMITED,
      message: 'Too many requests to the vendor; try again shortly.',
      vendor: Vendor.TENCENT_ESS,
      vendorCode: 'RequestLimitExceeded',
      vendorMessage: '请求频率超限',
      vendorRequestId: 'req-1',
      retryable: true,
      retryAfterSeconds: 3,
      field: 'input.flowId',
    });
  });
});

import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import {
  firstReleasedKey,
  firstStillRunning,
  keyLengthInvalid,
  keyUsedWithOtherInput,
  recordStoreUnavailable,
} from '../../../src/idempotency/idempotency-errors';

/** DESIGN.md "Error model": IDEMPOTENCY_CONFLICT blames the key; the wording tells the client what to do. */
describe('idempotency errors', () => {
  it('refuses for good a key reused with other input', () => {
    expect(keyUsedWithOtherInput()).toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
      field: 'idempotencyKey',
      retryable: false,
      message: 'This idempotency key was already used with different input.',
    });
  });

  it('asks to send again when the first request is still running or released the key', () => {
    expect(firstStillRunning()).toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
      field: 'idempotencyKey',
      retryable: true,
      message: 'A request with this idempotency key is still running; send it again to get its outcome.',
    });
    expect(firstReleasedKey()).toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
      field: 'idempotencyKey',
      retryable: true,
      message: 'The request with this idempotency key failed with a retryable error; send it again.',
    });
  });

  it('reports a failing record store as a retryable VENDOR_UNAVAILABLE that says the write was not sent', () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    const error = recordStoreUnavailable(cause);

    expect(error).toMatchObject({
      code: ErrorCode.VENDOR_UNAVAILABLE,
      retryable: true,
      message: 'The idempotency record store is unavailable; the write was not sent. Try again.',
      cause,
    });
    expect(error.message).not.toContain('6379');
  });

  it('passes a typed store failure through as it is', () => {
    const typed = new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'Redis is unavailable.', vendor: Vendor.TENCENT_ESS });
    expect(recordStoreUnavailable(typed)).toBe(typed);
  });

  it('names the allowed length of a key', () => {
    expect(keyLengthInvalid(255)).toMatchObject({
      code: ErrorCode.INVALID_INPUT,
      field: 'idempotencyKey',
      message: 'The idempotency key must be 1 to 255 characters.',
    });
  });
});

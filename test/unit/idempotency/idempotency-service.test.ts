import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import { IdempotencyService } from '../../../src/idempotency/idempotency-service';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';

const SCOPE = 'cancelDocument';
const RETENTION_MS = 60_000;

async function rejection(promise: Promise<unknown>): Promise<VendorError> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error('expected a VendorError');
}

/** An operation that counts its runs and answers what the test scripts. */
function countedOperation<T>(answer: () => Promise<T>): { run: () => Promise<T>; calls: () => number } {
  let calls = 0;
  return {
    run: () => {
      calls += 1;
      return answer();
    },
    calls: () => calls,
  };
}

describe('IdempotencyService', () => {
  let clockMs: number;
  let store: InMemoryKeyValueStore;
  let service: IdempotencyService;

  beforeEach(() => {
    clockMs = 1_700_000_000_000;
    store = new InMemoryKeyValueStore(() => clockMs);
    service = new IdempotencyService(store, { retentionMs: RETENTION_MS });
  });

  afterEach(async () => {
    await store.close();
  });

  it('runs the operation every time when there is no key', async () => {
    const operation = countedOperation(() => Promise.resolve('done'));

    await service.run(SCOPE, undefined, { documentId: 'd1' }, operation.run);
    await service.run(SCOPE, null, { documentId: 'd1' }, operation.run);

    expect(operation.calls()).toBe(2);
  });

  it('runs once and replays the stored value when the same key comes with the same input', async () => {
    let n = 0;
    const operation = countedOperation(() => Promise.resolve({ documentId: 'd1', status: 'CANCELED', n: (n += 1) }));

    const first = await service.run(SCOPE, 'key-1', { documentId: 'd1', reason: 'dup' }, operation.run);
    const second = await service.run(SCOPE, 'key-1', { documentId: 'd1', reason: 'dup' }, operation.run);

    expect(operation.calls()).toBe(1);
    expect(second).toEqual(first);
    expect(second).toEqual({ documentId: 'd1', status: 'CANCELED', n: 1 });
  });

  it('treats inputs as the same when only their key order differs', async () => {
    const operation = countedOperation(() => Promise.resolve('ok'));

    await service.run(SCOPE, 'key-1', { documentId: 'd1', reason: 'dup', nested: { a: 1, b: 2 } }, operation.run);
    const replay = await service.run(SCOPE, 'key-1', { nested: { b: 2, a: 1 }, reason: 'dup', documentId: 'd1' }, operation.run);

    expect(replay).toBe('ok');
    expect(operation.calls()).toBe(1);
  });

  it('answers IDEMPOTENCY_CONFLICT without running when the same key comes with different input', async () => {
    const operation = countedOperation(() => Promise.resolve('ok'));
    await service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run);

    const error = await rejection(service.run(SCOPE, 'key-1', { documentId: 'd2' }, operation.run));

    expect(error.code).toBe(ErrorCode.IDEMPOTENCY_CONFLICT);
    expect(error.retryable).toBe(false);
    expect(error.field).toBe('idempotencyKey');
    expect(operation.calls()).toBe(1);
  });

  it('keeps keys of different scopes apart when the same key is used for two mutations', async () => {
    const operation = countedOperation(() => Promise.resolve('ok'));

    await service.run('cancelDocument', 'key-1', { id: 'x' }, operation.run);
    await service.run('respondToInvitation', 'key-1', { id: 'x' }, operation.run);

    expect(operation.calls()).toBe(2);
  });

  it('runs the operation once and answers IDEMPOTENCY_CONFLICT to the duplicate when both start together', async () => {
    const finishers: ((value: string) => void)[] = [];
    const operation = countedOperation(() => new Promise<string>((resolve) => finishers.push(resolve)));

    const first = service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run);
    const second = service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run);
    const outcomes = Promise.allSettled([first, second]);
    // Let both get as far as they can while the first operation is still running.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const finish of finishers) finish('ok');
    const [firstOutcome, secondOutcome] = await outcomes;

    expect(operation.calls()).toBe(1);
    expect(firstOutcome).toEqual({ status: 'fulfilled', value: 'ok' });
    expect(secondOutcome.status).toBe('rejected');
    const reason: unknown = secondOutcome.status === 'rejected' ? secondOutcome.reason : undefined;
    expect(reason).toBeInstanceOf(VendorError);
    expect(reason instanceof VendorError ? reason.code : undefined).toBe(ErrorCode.IDEMPOTENCY_CONFLICT);
  });

  it('stores a final vendor error and replays it with the same code, vendorCode and vendorRequestId', async () => {
    const operation = countedOperation(() =>
      Promise.reject<string>(
        new VendorError({
          code: ErrorCode.FAILED_PRECONDITION,
          message: 'The document is already canceled.',
          vendor: Vendor.VNPT_ECONTRACT,
          vendorCode: 'DOCUMENT_CANCELED',
          vendorMessage: 'Tài liệu đã bị hủy',
          vendorRequestId: 'req-123',
        }),
      ),
    );

    const first = await rejection(service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run));
    const replayed = await rejection(service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run));

    expect(operation.calls()).toBe(1);
    expect(replayed).not.toBe(first);
    expect({
      code: replayed.code,
      message: replayed.message,
      vendor: replayed.vendor,
      vendorCode: replayed.vendorCode,
      vendorMessage: replayed.vendorMessage,
      vendorRequestId: replayed.vendorRequestId,
      retryable: replayed.retryable,
    }).toEqual({
      code: ErrorCode.FAILED_PRECONDITION,
      message: 'The document is already canceled.',
      vendor: Vendor.VNPT_ECONTRACT,
      vendorCode: 'DOCUMENT_CANCELED',
      vendorMessage: 'Tài liệu đã bị hủy',
      vendorRequestId: 'req-123',
      retryable: false,
    });
  });

  it('releases the key when the operation fails with a retryable error', async () => {
    let attempt = 0;
    const operation = countedOperation(() => {
      attempt += 1;
      if (attempt === 1) {
        return Promise.reject<string>(
          new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'down', vendor: Vendor.VNPT_ECONTRACT }),
        );
      }
      return Promise.resolve('ok');
    });

    const error = await rejection(service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run));
    const retried = await service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run);

    expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
    expect(retried).toBe('ok');
    expect(operation.calls()).toBe(2);
  });

  it('releases the key when the operation fails with something that is not a VendorError', async () => {
    let attempt = 0;
    const operation = countedOperation(() => {
      attempt += 1;
      if (attempt === 1) return Promise.reject<string>(new TypeError('bug'));
      return Promise.resolve('ok');
    });

    await expect(service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run)).rejects.toThrow(TypeError);
    await expect(service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run)).resolves.toBe('ok');
  });

  it.each([
    ['empty', ''],
    ['256 characters long', 'k'.repeat(256)],
  ])('answers INVALID_INPUT naming idempotencyKey when the key is %s', async (_label, key) => {
    const operation = countedOperation(() => Promise.resolve('ok'));

    const error = await rejection(service.run(SCOPE, key, { documentId: 'd1' }, operation.run));

    expect(error.code).toBe(ErrorCode.INVALID_INPUT);
    expect(error.field).toBe('idempotencyKey');
    expect(operation.calls()).toBe(0);
  });

  it('accepts a key of 255 characters', async () => {
    await expect(service.run(SCOPE, 'k'.repeat(255), {}, () => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('runs the operation again when the stored outcome is older than retentionMs', async () => {
    const operation = countedOperation(() => Promise.resolve('ok'));
    await service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run);

    clockMs += RETENTION_MS - 1;
    await service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run);
    expect(operation.calls()).toBe(1);

    clockMs += 1;
    await service.run(SCOPE, 'key-1', { documentId: 'd2' }, operation.run);
    expect(operation.calls()).toBe(2);
  });
});

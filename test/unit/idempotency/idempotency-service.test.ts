import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import type { IdempotencyScope } from '../../../src/idempotency/idempotency-key';
import { IdempotencyService } from '../../../src/idempotency/idempotency-service';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';
import type { KeyValueStore } from '../../../src/stores/key-value-store';
import { failingStore } from '../../support/failing-store';

const SCOPE: IdempotencyScope = ['cancelDocument', 'alice'];
const RETENTION_MS = 60_000;
/** Waiters never read on a timer in tests that use it: only a wake-up from this process ends a wait. */
const NO_TIMED_POLLS = { initialDelayMs: 3_600_000, maxDelayMs: 3_600_000 };
/** Replicas without a shared wake-up find the outcome by reading quickly. */
const FAST_POLLS = { initialDelayMs: 1, maxDelayMs: 4 };

async function rejection(promise: Promise<unknown>): Promise<VendorError> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error('expected a VendorError');
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
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

/** Lets every started request get as far as it can (claim, read, start waiting) before the test acts. */
async function settleTicks(): Promise<void> {
  for (let tick = 0; tick < 5; tick += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A store that counts reads, to see how often waiting duplicates read the record. */
function countingReads(inner: KeyValueStore): { store: KeyValueStore; reads: () => number } {
  let reads = 0;
  return {
    store: {
      get: (key) => {
        reads += 1;
        return inner.get(key);
      },
      set: (key, value, ttl) => inner.set(key, value, ttl),
      setIfAbsent: (key, value, ttl) => inner.setIfAbsent(key, value, ttl),
      delete: (key) => inner.delete(key),
      close: () => inner.close(),
    },
    reads: () => reads,
  };
}

const finalVendorError = (): VendorError =>
  new VendorError({
    code: ErrorCode.FAILED_PRECONDITION,
    message: 'The document is already canceled.',
    vendor: Vendor.VNPT_ECONTRACT,
    vendorCode: 'DOCUMENT_CANCELED',
    vendorMessage: 'Tài liệu đã bị hủy',
    vendorRequestId: 'req-123',
  });

const fieldsOf = (error: VendorError) => ({
  code: error.code,
  message: error.message,
  vendor: error.vendor,
  vendorCode: error.vendorCode,
  vendorMessage: error.vendorMessage,
  vendorRequestId: error.vendorRequestId,
  retryable: error.retryable,
});

describe('IdempotencyService', () => {
  let clockMs: number;
  let store: InMemoryKeyValueStore;
  let service: IdempotencyService;

  beforeEach(() => {
    clockMs = 1_700_000_000_000;
    store = new InMemoryKeyValueStore({ now: () => clockMs });
    service = new IdempotencyService(store, { retentionMs: RETENTION_MS });
  });

  afterEach(async () => {
    await store.close();
  });

  describe('one request at a time', () => {
    it('keeps an outcome 24 h (DESIGN.md) and a claim 2 min by default', async () => {
      const ttls: { readonly call: string; readonly ttlMs: number | undefined }[] = [];
      const recording: KeyValueStore = {
        get: (key) => store.get(key),
        set: (key, value, ttlMs) => {
          ttls.push({ call: 'set', ttlMs });
          return store.set(key, value, ttlMs);
        },
        setIfAbsent: (key, value, ttlMs) => {
          ttls.push({ call: 'setIfAbsent', ttlMs });
          return store.setIfAbsent(key, value, ttlMs);
        },
        delete: (key) => store.delete(key),
        close: () => store.close(),
      };

      await new IdempotencyService(recording).run(SCOPE, 'key-ttl', { documentId: 'd1' }, () => Promise.resolve('done'));

      expect(ttls).toEqual([
        { call: 'setIfAbsent', ttlMs: 2 * 60 * 1000 },
        { call: 'set', ttlMs: 24 * 60 * 60 * 1000 },
      ]);
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
      expect(second).toEqual({ documentId: 'd1', status: 'CANCELED', n: 1 });
      expect(second).toEqual(first);
    });

    it('treats inputs as the same when only their key order differs', async () => {
      const operation = countedOperation(() => Promise.resolve('ok'));

      await service.run(SCOPE, 'key-1', { documentId: 'd1', reason: 'dup', nested: { a: 1, b: 2 } }, operation.run);
      const replay = await service.run(SCOPE, 'key-1', { nested: { b: 2, a: 1 }, reason: 'dup', documentId: 'd1' }, operation.run);

      expect(replay).toBe('ok');
      expect(operation.calls()).toBe(1);
    });

    it('answers a non-retryable IDEMPOTENCY_CONFLICT without running when the same key comes with different input', async () => {
      const operation = countedOperation(() => Promise.resolve('ok'));
      await service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run);

      const error = await rejection(service.run(SCOPE, 'key-1', { documentId: 'd2' }, operation.run));

      expect(error.code).toBe(ErrorCode.IDEMPOTENCY_CONFLICT);
      expect(error.retryable).toBe(false);
      expect(error.field).toBe('idempotencyKey');
      expect(operation.calls()).toBe(1);
    });

    it('stores a final vendor error and replays it as a new error with the same code, vendorCode and vendorRequestId', async () => {
      const operation = countedOperation(() => Promise.reject<string>(finalVendorError()));

      const first = await rejection(service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run));
      const replayed = await rejection(service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run));

      expect(operation.calls()).toBe(1);
      expect(replayed).not.toBe(first);
      expect(fieldsOf(replayed)).toEqual({
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

    it('runs the operation again once the stored outcome is retentionMs old', async () => {
      const operation = countedOperation(() => Promise.resolve('ok'));
      await service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run);

      clockMs += RETENTION_MS - 1;
      await service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run);
      expect(operation.calls()).toBe(1);

      clockMs += 1;
      await service.run(SCOPE, 'key-1', { documentId: 'd2' }, operation.run);
      expect(operation.calls()).toBe(2);
    });

    it('refuses the write with a retryable VENDOR_UNAVAILABLE, without running it, when the record store fails', async () => {
      const broken = failingStore(() => new Error('ECONNREFUSED'));
      const operation = countedOperation(() => Promise.resolve('ok'));

      const error = await rejection(new IdempotencyService(broken).run(SCOPE, 'key-1', {}, operation.run));

      expect({ code: error.code, retryable: error.retryable }).toEqual({ code: ErrorCode.VENDOR_UNAVAILABLE, retryable: true });
      expect(operation.calls()).toBe(0);
    });

    it('still answers the success when the outcome cannot be recorded after the operation ran, and warns', async () => {
      const warnings: string[] = [];
      const failingWrites: KeyValueStore = {
        get: (key) => store.get(key),
        set: () => Promise.reject(new Error('READONLY')),
        setIfAbsent: (key, value, ttl) => store.setIfAbsent(key, value, ttl),
        delete: (key) => store.delete(key),
        close: () => store.close(),
      };
      const logger = {
        warn: (_fields: unknown, message?: string) => {
          warnings.push(message ?? '');
        },
      };
      const keyed = new IdempotencyService(failingWrites, { logger });

      await expect(keyed.run(SCOPE, 'key-1', {}, () => Promise.resolve('applied'))).resolves.toBe('applied');
      expect(warnings).toHaveLength(1);
    });
  });

  describe('namespaces', () => {
    it('keeps keys of different mutations apart', async () => {
      const operation = countedOperation(() => Promise.resolve('ok'));

      await service.run(['cancelDocument', 'alice'], 'key-1', { id: 'x' }, operation.run);
      await service.run(['respondToInvitation', 'alice'], 'key-1', { id: 'x' }, operation.run);

      expect(operation.calls()).toBe(2);
    });

    it.each([
      ['subject "alice:op" with operator "x" and subject "alice" with operator "op:x"', ['alice:op', 'x'], ['alice', 'op:x']],
      ['a subject that contains the JSON of a boundary', ['alice","op', 'x'], ['alice', 'op","x']],
      ['parts that only differ in where the scope ends and the key begins', ['alice', 'op'], ['alice', 'op', 'key-1']],
    ])('keeps %s apart', async (_label, firstParts, secondParts) => {
      const operation = countedOperation(() => Promise.resolve('ok'));

      await service.run(['createReleaseFlow', ...firstParts], 'key-1', { flowId: 'f1' }, operation.run);
      await service.run(['createReleaseFlow', ...secondParts], 'key-1', { flowId: 'f1' }, operation.run);

      expect(operation.calls()).toBe(2);
    });
  });

  describe('concurrent duplicates', () => {
    it('runs the operation once and gives all 50 duplicates that start together the first success', async () => {
      const gate = deferred<{ releaseFlowId: string }>();
      const operation = countedOperation(() => gate.promise);

      const outcomes = Promise.allSettled(
        Array.from({ length: 50 }, () => service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run)),
      );
      await settleTicks();
      gate.resolve({ releaseFlowId: 'release-1' });

      const settled = await outcomes;
      expect(operation.calls()).toBe(1);
      expect(settled).toEqual(Array.from({ length: 50 }, () => ({ status: 'fulfilled', value: { releaseFlowId: 'release-1' } })));
    });

    it("replays the first request's final typed error to the duplicates that waited for it", async () => {
      const gate = deferred<string>();
      const operation = countedOperation(() => gate.promise);

      const running = Array.from({ length: 5 }, () => rejection(service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run)));
      await settleTicks();
      gate.reject(finalVendorError());

      const errors = await Promise.all(running);
      expect(operation.calls()).toBe(1);
      expect(errors.map(fieldsOf)).toEqual(Array.from({ length: 5 }, () => fieldsOf(finalVendorError())));
    });

    it('answers a non-retryable IDEMPOTENCY_CONFLICT at once to a duplicate with other input while the first runs', async () => {
      const gate = deferred<string>();
      const operation = countedOperation(() => gate.promise);
      const first = service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run);
      await settleTicks();

      const error = await rejection(service.run(SCOPE, 'key-1', { documentId: 'd2' }, operation.run));
      gate.resolve('ok');

      expect({ code: error.code, retryable: error.retryable }).toEqual({ code: ErrorCode.IDEMPOTENCY_CONFLICT, retryable: false });
      await expect(first).resolves.toBe('ok');
      expect(operation.calls()).toBe(1);
    });

    it('answers a retryable IDEMPOTENCY_CONFLICT when the wait for the first runs past the vendor deadline, then replays', async () => {
      const impatient = new IdempotencyService(store, { vendorTimeoutMs: 20, pollBackoff: FAST_POLLS });
      const gate = deferred<string>();
      const operation = countedOperation(() => gate.promise);
      const first = impatient.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run);
      await settleTicks();

      const error = await rejection(impatient.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run));
      gate.resolve('ok');
      await first;

      expect({ code: error.code, retryable: error.retryable, field: error.field }).toEqual({
        code: ErrorCode.IDEMPOTENCY_CONFLICT,
        retryable: true,
        field: 'idempotencyKey',
      });
      await expect(impatient.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run)).resolves.toBe('ok');
      expect(operation.calls()).toBe(1);
    });

    it('tells waiting duplicates, retryably, when the first failed retryably and released the key; the next send runs', async () => {
      const gate = deferred<string>();
      let attempt = 0;
      const operation = countedOperation(() => {
        attempt += 1;
        return attempt === 1 ? gate.promise : Promise.resolve('ok');
      });
      const first = rejection(service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run));
      const waiting = Array.from({ length: 3 }, () => rejection(service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run)));
      await settleTicks();
      gate.reject(new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'down', vendor: Vendor.VNPT_ECONTRACT }));

      expect((await first).code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
      const errors = await Promise.all(waiting);
      expect(errors.map((error) => ({ code: error.code, retryable: error.retryable }))).toEqual(
        Array.from({ length: 3 }, () => ({ code: ErrorCode.IDEMPOTENCY_CONFLICT, retryable: true })),
      );
      expect(operation.calls()).toBe(1);
      await expect(service.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run)).resolves.toBe('ok');
      expect(operation.calls()).toBe(2);
    });

    it('shares one read among the waiters of one key and wakes them when this process records the outcome', async () => {
      const counted = countingReads(store);
      const quiet = new IdempotencyService(counted.store, { pollBackoff: NO_TIMED_POLLS });
      const gate = deferred<string>();
      const operation = countedOperation(() => gate.promise);

      const outcomes = Promise.all(Array.from({ length: 20 }, () => quiet.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run)));
      await settleTicks();
      // Each of the 19 duplicates read the record once, saw it running, and joined one watch.
      expect(counted.reads()).toBe(19);
      gate.resolve('ok');

      expect(await outcomes).toEqual(Array.from({ length: 20 }, () => 'ok'));
      expect(counted.reads()).toBe(20);
    });

    it('lets a duplicate on another replica (another service on the shared store) wait for and replay the outcome', async () => {
      const replicaA = new IdempotencyService(store, { pollBackoff: FAST_POLLS });
      const replicaB = new IdempotencyService(store, { pollBackoff: FAST_POLLS });
      const gate = deferred<{ documentId: string }>();
      const operation = countedOperation(() => gate.promise);

      const onA = replicaA.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run);
      await settleTicks();
      const onB = Promise.all(Array.from({ length: 10 }, () => replicaB.run(SCOPE, 'key-1', { documentId: 'd1' }, operation.run)));
      await settleTicks();
      gate.resolve({ documentId: 'd1' });

      expect(await onA).toEqual({ documentId: 'd1' });
      expect(await onB).toEqual(Array.from({ length: 10 }, () => ({ documentId: 'd1' })));
      expect(operation.calls()).toBe(1);
    });
  });
});

import Redis from 'ioredis';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import { IdempotencyService } from '../../../src/idempotency/idempotency-service';
import { RedisKeyValueStore } from '../../../src/stores/redis-key-value-store';
import { deleteRedisKeys, uniqueRedisPrefix } from './redis-prefix';

/** Runs when REDIS_URL is set (`.ci/run` sets it and fails if Redis is unreachable). */
const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('idempotency records in Redis', () => {
  const prefix = uniqueRedisPrefix('idempotency');
  /** Two connections, as two replicas would have. */
  let redisA: Redis;
  let redisB: Redis;
  let storeA: RedisKeyValueStore;
  let storeB: RedisKeyValueStore;

  beforeAll(async () => {
    redisA = new Redis(redisUrl ?? '');
    redisB = new Redis(redisUrl ?? '');
    await Promise.all([redisA.ping(), redisB.ping()]);
    storeA = new RedisKeyValueStore(redisA, prefix);
    storeB = new RedisKeyValueStore(redisB, prefix);
  });
  afterAll(async () => {
    await deleteRedisKeys(redisUrl ?? '', prefix);
    await Promise.all([redisA.quit(), redisB.quit()]);
  });

  describe('RedisKeyValueStore', () => {
    it('writes under its prefix with the time to live asked for', async () => {
      await storeA.set('k1', 'v1', 60_000);

      await expect(storeB.get('k1')).resolves.toBe('v1');
      await expect(redisA.get(`${prefix}k1`)).resolves.toBe('v1');
      const ttl = await redisA.pttl(`${prefix}k1`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    });

    it('lets exactly one of 50 concurrent claims over two connections win', async () => {
      const claims = await Promise.all(
        Array.from({ length: 50 }, (_, index) => (index % 2 === 0 ? storeA : storeB).setIfAbsent('claim', `c${index}`, 60_000)),
      );

      expect(claims.filter(Boolean)).toHaveLength(1);
      await expect(storeA.get('claim')).resolves.toBe(`c${claims.indexOf(true)}`);
    });

    it('forgets a deleted key, and answers undefined for a key never set', async () => {
      await storeA.set('k2', 'v2', 60_000);
      await storeB.delete('k2');

      await expect(storeA.get('k2')).resolves.toBeUndefined();
      await expect(storeA.get('never-set')).resolves.toBeUndefined();
    });
  });

  describe('IdempotencyService on two replicas', () => {
    const fastPolls = { initialDelayMs: 2, maxDelayMs: 20 };
    let replicaA: IdempotencyService;
    let replicaB: IdempotencyService;

    beforeAll(() => {
      replicaA = new IdempotencyService(storeA, { pollBackoff: fastPolls });
      replicaB = new IdempotencyService(storeB, { pollBackoff: fastPolls });
    });

    /** An operation the test settles by hand (`succeed` / `fail`), counting its runs. */
    function heldOperation<T>(): { run: () => Promise<T>; calls: () => number; succeed: (value: T) => void; fail: (error: Error) => void } {
      let calls = 0;
      let succeed: (value: T) => void = () => undefined;
      let fail: (error: Error) => void = () => undefined;
      const gate = new Promise<T>((resolve, reject) => {
        succeed = resolve;
        fail = reject;
      });
      return {
        run: () => {
          calls += 1;
          return gate;
        },
        calls: () => calls,
        succeed: (value) => {
          succeed(value);
        },
        fail: (error) => {
          fail(error);
        },
      };
    }

    /** Resolves once the first run has claimed the key (its operation started). */
    async function started(operation: { calls: () => number }): Promise<void> {
      while (operation.calls() === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }

    it('runs once for 50 concurrent duplicates split over both replicas and gives every one the same success', async () => {
      const operation = heldOperation<{ releaseFlowId: string }>();
      const scope = ['createReleaseFlow', 'alice', 'operator-1'] as const;

      const all = Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          (index % 2 === 0 ? replicaA : replicaB).run(scope, 'key-50', { flowId: 'f1' }, operation.run),
        ),
      );
      await started(operation);
      operation.succeed({ releaseFlowId: 'release-1' });

      expect(await all).toEqual(Array.from({ length: 50 }, () => ({ releaseFlowId: 'release-1' })));
      expect(operation.calls()).toBe(1);
    });

    it("replays the first request's final typed error on the other replica", async () => {
      const operation = heldOperation<string>();
      const scope = ['cancelDocument', 'alice'] as const;
      const capture = (promise: Promise<unknown>) =>
        promise.then(
          () => undefined,
          (error: unknown) => error,
        );

      const onA = capture(replicaA.run(scope, 'key-error', { documentId: 'd1' }, operation.run));
      await started(operation);
      const onB = capture(replicaB.run(scope, 'key-error', { documentId: 'd1' }, operation.run));
      operation.fail(
        new VendorError({
          code: ErrorCode.PERMISSION_DENIED,
          message: 'not the creator',
          vendor: Vendor.VNPT_ECONTRACT,
          vendorCode: '0',
        }),
      );

      const [errorA, errorB] = await Promise.all([onA, onB]);
      expect(errorB).toBeInstanceOf(VendorError);
      expect(errorB).not.toBe(errorA);
      expect(errorB).toMatchObject({ code: ErrorCode.PERMISSION_DENIED, vendorCode: '0', retryable: false });
      expect(operation.calls()).toBe(1);
    });

    it('answers a non-retryable conflict on the other replica for the same key with other input', async () => {
      const operation = heldOperation<string>();
      const scope = ['cancelDocument', 'alice'] as const;

      const onA = replicaA.run(scope, 'key-other', { documentId: 'd1' }, operation.run);
      await started(operation);
      const conflict = await replicaB.run(scope, 'key-other', { documentId: 'd2' }, operation.run).catch((error: unknown) => error);
      operation.succeed('ok');

      await expect(onA).resolves.toBe('ok');
      expect(conflict).toMatchObject({ code: ErrorCode.IDEMPOTENCY_CONFLICT, retryable: false });
    });
  });
});

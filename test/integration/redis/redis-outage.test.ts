import { randomUUID } from 'node:crypto';
import { CancelDocumentIdDocument, DocumentStatusByIdDocument, FlowByIdDocument, RemindFlowsIdsDocument } from '../../generated/graphql';
import { startTestRedis, type TestRedis } from '../../support/redis-server';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * DESIGN.md "Reliability contract", Redis unreachable: answers stay typed (VENDOR_UNAVAILABLE, retryable,
 * within the deadline; never INTERNAL); keyed writes are refused rather than run without their record;
 * reads, the VNPT token and the rate limit fall back to the process; recovery is automatic. The Redis
 * here is the test's own `redis-server`, killed by its PID.
 */
describe('a Redis outage mid-run', () => {
  let redis: TestRedis;
  let t: TestApp;

  beforeAll(async () => {
    redis = await startTestRedis();
    t = await startTestApp({ env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `outage-${randomUUID()}:` } });
  });
  afterAll(async () => {
    await t.close();
    await redis.kill();
  });

  const codesOf = (errors: readonly { readonly extensions?: Readonly<Record<string, unknown>> }[] | undefined): unknown[] =>
    (errors ?? []).map((error) => error.extensions?.code);

  it('keeps serving typed answers while Redis is dead, refuses keyed writes, and recovers when it returns', async () => {
    const documentId = t.vnpt.seeded.byStatus.READY;
    // Before the outage: the VNPT token and the rate-limit logs live in Redis.
    expect((await t.graphql(DocumentStatusByIdDocument, { id: documentId })).data?.document?.status).toBe('READY');

    await redis.kill();

    // Reads: the token falls back to the process (a fresh login), the rate limit too.
    const read = await t.graphql(DocumentStatusByIdDocument, { id: documentId });
    expect(codesOf(read.errors)).toEqual([]);
    expect(read.data?.document?.status).toBe('READY');
    const flow = await t.graphql(FlowByIdDocument, { id: t.ess.seeded.signed.at(0) ?? '' });
    expect(codesOf(flow.errors)).toEqual([]);
    expect(flow.data?.flow?.id).toBe(t.ess.seeded.signed.at(0));

    // A write without a key needs no record: it runs.
    const reminded = await t.graphql(RemindFlowsIdsDocument, { input: { flowIds: [t.ess.seeded.pending.at(0) ?? ''] } });
    expect(reminded.data?.remindFlows.__typename).toBe('RemindFlowsSuccess');

    // A keyed write cannot record its key: refused, typed and retryable, and the vendor never saw it.
    const cancelsBefore = t.vnpt.requests().filter((request) => request.url.endsWith('/api/documents/cancel')).length;
    const input = { documentId, reason: 'Sai thông tin', idempotencyKey: `outage-${randomUUID()}` };
    const refused = await t.graphql(CancelDocumentIdDocument, { input });
    expect(refused.data?.cancelDocument).toMatchObject({
      __typename: 'VendorUnavailableError',
      code: 'VENDOR_UNAVAILABLE',
      retryable: true,
    });
    expect(t.vnpt.requests().filter((request) => request.url.endsWith('/api/documents/cancel'))).toHaveLength(cancelsBefore);
    expect(t.logs().filter((line) => line.level === 50 && String(line.msg).includes('unexpected error'))).toEqual([]);

    // Redis returns (empty): the same keyed write goes through without a restart, once ioredis reconnects.
    await redis.start();
    let outcome: string | undefined;
    for (let attempt = 0; attempt < 100 && outcome !== 'CancelDocumentSuccess'; attempt += 1) {
      outcome = (await t.graphql(CancelDocumentIdDocument, { input })).data?.cancelDocument.__typename;
      if (outcome !== 'CancelDocumentSuccess') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(outcome).toBe('CancelDocumentSuccess');
    expect(t.vnpt.requests().filter((request) => request.url.endsWith('/api/documents/cancel'))).toHaveLength(cancelsBefore + 1);
  });
});

import { randomUUID } from 'node:crypto';
import { makeFlows } from '../../../src/sandbox/tencent-ess/simulator';
import { CreateReleaseFlowDocument, type CreateReleaseFlowInput, type CreateReleaseFlowMutation } from '../../generated/graphql';
import type { GraphQLResponse } from '../../support/graphql-client';
import { startTestApp, type TestApp } from '../../support/test-app';
import { deleteRedisKeys, uniqueRedisPrefix } from './redis-prefix';

/**
 * DESIGN.md "Reliability contract": a duplicate that arrives while the first request with its key is
 * running waits for that outcome and replays it, so concurrent duplicates reach the vendor once.
 * The vendor is slowed down so that the duplicates really do arrive while the first is running.
 */
const DUPLICATES = 50;
const VENDOR_DELAY_MS = 300;

const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

type CreateReleaseFlowResponse = GraphQLResponse<CreateReleaseFlowMutation>;

/** Every response is the same success: same release flow, same data, no errors. */
function expectIdenticalSuccesses(results: readonly CreateReleaseFlowResponse[]): void {
  expect(results).toHaveLength(DUPLICATES);
  const first = results[0];
  expect(first.errors).toBeUndefined();
  expect(first.data?.createReleaseFlow).toMatchObject({
    __typename: 'CreateReleaseFlowSuccess',
    releaseFlowId: expect.any(String) as unknown,
  });
  for (const result of results) {
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual(first.data);
  }
}

/** The tests both runs share: `replicas` take the requests in turn. */
function concurrentDuplicateCases(replicas: () => readonly TestApp[], label: string): void {
  const flows = makeFlows(3, `concurrent-${label}`);
  const vendorOf = (): TestApp => replicas()[0];
  const sendAll = (input: CreateReleaseFlowInput, count = DUPLICATES): Promise<CreateReleaseFlowResponse[]> => {
    const apps = replicas();
    return Promise.all(
      Array.from({ length: count }, (_, index) => apps[index % apps.length].graphql(CreateReleaseFlowDocument, { input })),
    );
  };

  beforeAll(() => {
    for (const flow of flows) vendorOf().ess.putFlow(flow);
  });
  beforeEach(() => {
    vendorOf().ess.clearRecords();
    vendorOf().ess.faults.clear();
  });

  it(`sends ${DUPLICATES} concurrent writes with one key to the vendor once and answers all with the same success`, async () => {
    vendorOf().ess.faults.inject('CreateReleaseFlow', { kind: 'delay', ms: VENDOR_DELAY_MS });
    const input = { flowId: flows[0]?.FlowId ?? '', reason: '并发', idempotencyKey: `key-${randomUUID()}` };

    const results = await sendAll(input);

    expectIdenticalSuccesses(results);
    expect(vendorOf().ess.accepted('CreateReleaseFlow')).toHaveLength(1);
  });

  it("replays the first request's final typed error to every concurrent duplicate", async () => {
    vendorOf().ess.faults.inject('CreateReleaseFlow', { kind: 'error', code: 'FailedOperation.FlowHasDocument' });
    const input = { flowId: flows[1]?.FlowId ?? '', reason: '并发', idempotencyKey: `key-${randomUUID()}` };

    const results = await sendAll(input, 10);

    expect(results[0].data?.createReleaseFlow).toMatchObject({
      __typename: 'FailedPreconditionError',
      vendorCode: 'FailedOperation.FlowHasDocument',
      vendorRequestId: expect.any(String) as unknown,
    });
    for (const result of results) expect(result.data).toEqual(results[0].data);
    expect(vendorOf().ess.accepted('CreateReleaseFlow')).toHaveLength(1);
  });

  it('answers a concurrent write with the same key and other input IDEMPOTENCY_CONFLICT, not retryable, at once', async () => {
    vendorOf().ess.faults.inject('CreateReleaseFlow', { kind: 'delay', ms: VENDOR_DELAY_MS });
    const key = `key-${randomUUID()}`;
    const apps = replicas();
    const firstApp = apps[0];
    const otherApp = apps[apps.length - 1];

    const first = firstApp.graphql(CreateReleaseFlowDocument, {
      input: { flowId: flows[2]?.FlowId ?? '', reason: 'first', idempotencyKey: key },
    });
    // Wait until the first has reached the vendor (and so holds the key), then send other input.
    while (vendorOf().ess.accepted('CreateReleaseFlow').length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const other = await otherApp.graphql(CreateReleaseFlowDocument, {
      input: { flowId: flows[2]?.FlowId ?? '', reason: 'other', idempotencyKey: key },
    });

    expect(other.data?.createReleaseFlow).toMatchObject({
      __typename: 'IdempotencyConflictError',
      code: 'IDEMPOTENCY_CONFLICT',
      retryable: false,
    });
    expect((await first).data?.createReleaseFlow.__typename).toBe('CreateReleaseFlowSuccess');
    expect(vendorOf().ess.accepted('CreateReleaseFlow')).toHaveLength(1);
  });
}

describe('concurrent duplicates in one process without Redis', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  concurrentDuplicateCases(() => [t], 'in-process');
});

describeWithRedis('concurrent duplicates over two app instances sharing Redis', () => {
  const prefix = uniqueRedisPrefix('concurrent-duplicates');
  /** The apps that did start, so a failed start-up still closes the first one. */
  const started: TestApp[] = [];

  beforeAll(async () => {
    const env = { REDIS_URL: redisUrl ?? '', REDIS_KEY_PREFIX: prefix };
    started.push(await startTestApp({ env }));
    started.push(await startTestApp({ env, shareSimulatorsOf: started[0] }));
  });
  afterAll(async () => {
    // The second replica shares the first one's simulators, so it closes first.
    for (const app of [...started].reverse()) await app.close();
    await deleteRedisKeys(redisUrl ?? '', prefix);
  });

  concurrentDuplicateCases(() => started, 'two-replicas');
});

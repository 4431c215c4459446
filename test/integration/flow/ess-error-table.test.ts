import { ErrorCode } from '../../../src/errors/error-code';
import { CreateReleaseFlowDocument, FlowByIdDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ERROR_TYPENAME_BY_CODE } from '../../support/error-typenames';
import { onePerFamily } from '../../fixtures/expected-error';
import { TENCENT_ESS_COMMON_EXPECTED_ERRORS, TENCENT_ESS_SEED_EXPECTED_ERRORS } from '../../fixtures/tencent-ess-expected-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('ESS error table through GraphQL', () => {
  let t: TestApp;
  let signedFlowId: string;

  beforeAll(async () => {
    t = await startTestApp();
    signedFlowId = t.ess.seeded.signed[0] ?? '';
  });
  afterEach(() => {
    t.ess.faults.clear();
  });
  afterAll(() => t.close());

  // One sample per ErrorCode family (the table itself is checked code by code in test/unit/tencent-ess/error-table.test.ts).
  const samples = onePerFamily([...TENCENT_ESS_SEED_EXPECTED_ERRORS, ...TENCENT_ESS_COMMON_EXPECTED_ERRORS]);

  it('has one sample for each of the ten families a vendor code can land in', () => {
    expect(samples.map((sample) => sample.code).sort()).toEqual([
      'ALREADY_EXISTS',
      'FAILED_PRECONDITION',
      'INVALID_INPUT',
      'NOT_FOUND',
      'PERMISSION_DENIED',
      'QUOTA_EXCEEDED',
      'RATE_LIMITED',
      'VENDOR_AUTH_FAILED',
      'VENDOR_ERROR',
      'VENDOR_UNAVAILABLE',
    ]);
  });

  it.each(samples)('renders $vendorCode as $code in createReleaseFlow', async ({ vendorCode, code, retryable }) => {
    // Enough copies that even the retries a rate-limited write is allowed all meet the same answer.
    t.ess.faults.inject('CreateReleaseFlow', { kind: 'error', code: vendorCode, message: `供应商消息 ${vendorCode}` }, 5);
    t.ess.clearRecords();
    const result = await t.graphql(CreateReleaseFlowDocument, { input: { flowId: signedFlowId, reason: '业务调整' } });
    expect(result.errors).toBeUndefined();
    const outcome = result.data?.createReleaseFlow;
    expect(outcome).toMatchObject({
      __typename: ERROR_TYPENAME_BY_CODE[code],
      code,
      vendor: 'TENCENT_ESS',
      vendorCode,
      vendorMessage: `供应商消息 ${vendorCode}`,
      retryable,
    });
    expect(outcome && 'message' in outcome ? outcome.message : '').toMatch(/^[A-Z][\x20-\x7e]+\.$/);
    expect(outcome && 'vendorRequestId' in outcome ? outcome.vendorRequestId : undefined).toMatch(UUID);
    // Only a rate-limited write is tried again (the vendor refused it before acting), and it says when to retry.
    expect(t.ess.accepted('CreateReleaseFlow')).toHaveLength(code === ErrorCode.RATE_LIMITED ? 3 : 1);
    if (code === ErrorCode.RATE_LIMITED) expect(outcome).toMatchObject({ retryAfterSeconds: 1 });
  });

  it('passes the vendor RequestId through verbatim and never the raw body', async () => {
    t.ess.faults.inject('CreateReleaseFlow', {
      kind: 'raw',
      status: 200,
      body: JSON.stringify({
        Response: { Error: { Code: 'FailedOperation.FlowHasDocument', Message: 'secret-ish detail' }, RequestId: 'req-exact-1' },
      }),
    });
    const result = await t.graphql(CreateReleaseFlowDocument, { input: { flowId: signedFlowId, reason: 'x' } });
    expect(result.data?.createReleaseFlow).toMatchObject({
      __typename: 'FailedPreconditionError',
      vendorCode: 'FailedOperation.FlowHasDocument',
      vendorRequestId: 'req-exact-1',
    });
    expect(JSON.stringify(result)).not.toContain('"Response"');
  });

  it('falls back by prefix, then to VendorError for a code nobody knows', async () => {
    t.ess.faults.inject('CreateReleaseFlow', { kind: 'error', code: 'ResourceNotFound.SomethingNew' });
    const byPrefix = await t.graphql(CreateReleaseFlowDocument, { input: { flowId: signedFlowId, reason: 'x' } });
    expect(byPrefix.data?.createReleaseFlow).toMatchObject({ __typename: 'NotFoundError', vendorCode: 'ResourceNotFound.SomethingNew' });

    t.ess.faults.inject('CreateReleaseFlow', { kind: 'error', code: 'BrandNewFamily.Thing' });
    const unknown = await t.graphql(CreateReleaseFlowDocument, { input: { flowId: signedFlowId, reason: 'x' } });
    expect(unknown.data?.createReleaseFlow).toMatchObject({
      __typename: 'VendorError',
      code: 'VENDOR_ERROR',
      vendorCode: 'BrandNewFamily.Thing',
    });
  });

  it('renders a vendor error on a query as a top-level error with extensions and a null field', async () => {
    t.ess.faults.inject('DescribeFlowInfo', { kind: 'error', code: 'UnauthorizedOperation.NoPermissionFeature' });
    const result = await t.graphql(FlowByIdDocument, { id: signedFlowId });
    expect(result.data?.flow).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.path).toEqual(['flow']);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'PERMISSION_DENIED',
      vendor: 'TENCENT_ESS',
      vendorCode: 'UnauthorizedOperation.NoPermissionFeature',
      retryable: false,
    });
    expect(result.errors?.[0]?.extensions?.vendorRequestId).toMatch(UUID);
    expect(result.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
  });
});

import { onePerFamily } from '../../fixtures/expected-error';
import { VOLC_BILLING_COMMON_EXPECTED_ERRORS, VOLC_BILLING_SEED_EXPECTED_ERRORS } from '../../fixtures/volcengine-billing-expected-errors';
import { ErrorCode } from '../../../src/errors/error-code';
import { SANDBOX_SUB_ACCOUNT } from '../../../src/sandbox/volcengine-billing/seed-invitations';
import { InvitationsDocument, RespondToInvitationWithoutRefreshDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';
import { relationInput, VOLC_REQUEST_ID } from './volc-wire';
import { ERROR_TYPENAME_BY_CODE } from '../../support/error-typenames';

describe('Volcengine Billing error table through GraphQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterEach(() => {
    t.volc.faults.clear();
    t.volc.clearRecords();
  });
  afterAll(() => t.close());

  const input = () => relationInput(t.volc.seeded.pendingRelation, 'ACCEPT');
  // One sample per ErrorCode family (the table itself is checked code by code in test/unit/volcengine-billing/error-table.test.ts).
  const samples = onePerFamily([...VOLC_BILLING_SEED_EXPECTED_ERRORS, ...VOLC_BILLING_COMMON_EXPECTED_ERRORS]);

  it('has one sample for each family the documented codes land in', () => {
    expect(samples.map((sample) => sample.code).sort()).toEqual([
      'ALREADY_EXISTS',
      'FAILED_PRECONDITION',
      'INVALID_INPUT',
      'NOT_FOUND',
      'PERMISSION_DENIED',
      'RATE_LIMITED',
      'VENDOR_AUTH_FAILED',
      'VENDOR_ERROR',
      'VENDOR_UNAVAILABLE',
    ]);
  });

  it.each(samples)('renders $vendorCode as $code in respondToInvitation', async ({ vendorCode, code, retryable }) => {
    // Enough copies that even the retries a rate-limited write is allowed all meet the same answer.
    t.volc.faults.inject('HandleInvitation', { kind: 'error', code: vendorCode, message: `供应商消息 ${vendorCode}` }, 5);
    const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input: input() });
    expect(result.errors).toBeUndefined();
    const outcome = result.data?.respondToInvitation;
    expect(outcome).toMatchObject({
      __typename: ERROR_TYPENAME_BY_CODE[code],
      code,
      vendor: 'VOLCENGINE_BILLING',
      vendorCode,
      vendorMessage: `供应商消息 ${vendorCode}`,
      retryable,
    });
    expect(outcome && 'message' in outcome ? outcome.message : '').toMatch(/^[A-Z][\x20-\x7e]+\.$/);
    expect(outcome && 'vendorRequestId' in outcome ? outcome.vendorRequestId : undefined).toMatch(VOLC_REQUEST_ID);
    if (code === ErrorCode.INVALID_INPUT) expect(outcome).toMatchObject({ field: null });
    if (code === ErrorCode.RATE_LIMITED) expect(outcome).toMatchObject({ retryAfterSeconds: 1 });
    // A write is never repeated after the vendor answered with a business error; only throttling is retried.
    expect(t.volc.requests()).toHaveLength(code === ErrorCode.RATE_LIMITED ? 3 : 1);
  });

  it("passes the vendor's own filled-in message through as vendorMessage", async () => {
    t.volc.faults.inject('HandleInvitation', { kind: 'error', code: 'OperationDenied.DebtInvoice' });
    const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input: input() });
    expect(result.data?.respondToInvitation).toMatchObject({
      __typename: 'FailedPreconditionError',
      message: 'The account owes invoices and cannot be placed in financial custody.',
      vendorMessage: `Account ${SANDBOX_SUB_ACCOUNT.id} owes invoice and cannot be linked with trusteeship!`,
    });
  });

  it('passes the RequestId through verbatim and never the raw body', async () => {
    t.volc.faults.inject('HandleInvitation', {
      kind: 'raw',
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        ResponseMetadata: { RequestId: 'req-exact-volc-1', Error: { Code: 'OperationDenied.OrderExist', Message: 'secret-ish detail' } },
      }),
    });
    const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input: input() });
    expect(result.data?.respondToInvitation).toMatchObject({
      __typename: 'FailedPreconditionError',
      vendorCode: 'OperationDenied.OrderExist',
      vendorRequestId: 'req-exact-volc-1',
    });
    expect(JSON.stringify(result)).not.toContain('ResponseMetadata');
  });

  it('falls back by prefix, then to VendorError for a code nobody knows', async () => {
    t.volc.faults.inject('HandleInvitation', { kind: 'error', code: 'OperationDenied.SomethingNew' });
    const byPrefix = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input: input() });
    expect(byPrefix.data?.respondToInvitation).toMatchObject({
      __typename: 'PermissionDeniedError',
      vendorCode: 'OperationDenied.SomethingNew',
    });

    t.volc.faults.inject('HandleInvitation', { kind: 'error', code: 'BrandNewFamily.Thing' });
    const unknown = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input: input() });
    expect(unknown.data?.respondToInvitation).toMatchObject({
      __typename: 'VendorError',
      code: 'VENDOR_ERROR',
      vendorCode: 'BrandNewFamily.Thing',
    });
  });

  it('renders an unreadable answer as VendorUnavailableError, not a crash', async () => {
    t.volc.faults.inject('HandleInvitation', { kind: 'raw', status: 502, body: '<html>Bad Gateway</html>' });
    const result = await t.graphql(RespondToInvitationWithoutRefreshDocument, { input: input() });
    expect(result.data?.respondToInvitation).toMatchObject({ __typename: 'VendorUnavailableError', retryable: true });
  });

  it('renders a vendor error on the invitations query as a top-level error with extensions', async () => {
    t.volc.faults.inject('ListInvitation', { kind: 'error', code: 'AccessDenied' });
    const result = await t.graphql(InvitationsDocument);
    // `invitations` is nullable (DESIGN.md: a root field's failure nulls that field alone).
    expect(result.data).toEqual({ invitations: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.path).toEqual(['invitations']);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'PERMISSION_DENIED',
      vendor: 'VOLCENGINE_BILLING',
      vendorCode: 'AccessDenied',
      retryable: false,
    });
    expect(result.errors?.[0]?.extensions?.vendorRequestId).toMatch(VOLC_REQUEST_ID);
    expect(result.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
  });
});

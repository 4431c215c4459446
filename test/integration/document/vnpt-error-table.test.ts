import type { InjectedFault } from '../../../src/sandbox/fault-plan';
import type { VnptSimulatorAction } from '../../../src/sandbox/vnpt-econtract/simulator';
import { ErrorCode } from '../../../src/errors/error-code';
import { CancelDocumentDocument, DocumentByIdDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ERROR_TYPENAME_BY_CODE } from '../../support/error-typenames';

/**
 * How the simulator is made to produce one failure, and what the client must see. Expected families come
 * from DESIGN.md / VENDORS.md (see test/fixtures/vnpt-econtract-expected-errors.ts, where the table is
 * checked case by case); refusal wording from the documents, not from the simulator. One case per
 * family, plus the cases with special handling: a rejected token (one re-login, then VENDOR_AUTH_FAILED)
 * and refused login credentials.
 */
interface Case {
  readonly name: string;
  readonly action: VnptSimulatorAction;
  readonly fault: InjectedFault;
  /** How many requests meet the fault: enough for a re-login's second attempt and the HTTP layer's retries. */
  readonly times: number;
  /** Make the cached token stale first, so the call has to log in again (and meets a login fault). */
  readonly expireTokens?: boolean;
  /** The case is only reached after one re-login (the client's answer to a rejected token). */
  readonly relogin?: boolean;
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly vendorCode: string;
  readonly vendorMessage: string | null;
}

const httpFault = (status: number, message: string): InjectedFault => ({
  kind: 'error',
  code: String(status),
  httpStatus: status,
  message,
});
/** VNPT's business refusals: HTTP 200, `success: false`, its generic code 0 and only a message. */
const refusal = (message: string): InjectedFault => ({ kind: 'error', code: '0', httpStatus: 200, message });

const CASES: readonly Case[] = [
  {
    name: 'HTTP 400',
    action: 'cancel-document',
    fault: httpFault(400, 'Bad request'),
    times: 1,
    code: ErrorCode.INVALID_INPUT,
    retryable: false,
    vendorCode: 'HTTP_400',
    vendorMessage: 'Bad request',
  },
  {
    name: 'HTTP 401 on every attempt (re-login once)',
    action: 'cancel-document',
    fault: httpFault(401, 'Unauthorized'),
    times: 2,
    relogin: true,
    code: ErrorCode.VENDOR_AUTH_FAILED,
    retryable: false,
    vendorCode: 'HTTP_401',
    vendorMessage: 'Unauthorized',
  },
  {
    name: 'envelope code 401 on every attempt (re-login once)',
    action: 'cancel-document',
    fault: { kind: 'error', code: '401', httpStatus: 200, message: 'Not authenticated' },
    times: 2,
    relogin: true,
    code: ErrorCode.VENDOR_AUTH_FAILED,
    retryable: false,
    vendorCode: '401',
    vendorMessage: 'Not authenticated',
  },
  {
    name: 'refused login credentials',
    action: 'password-login',
    fault: refusal('Invalid username or password'),
    times: 1,
    expireTokens: true,
    relogin: true,
    code: ErrorCode.VENDOR_AUTH_FAILED,
    retryable: false,
    vendorCode: '0',
    vendorMessage: 'Invalid username or password',
  },
  {
    name: 'a refusal worded as the seed states the creator rule',
    action: 'cancel-document',
    fault: refusal('Chứng từ chỉ bị hủy bởi người tạo.'),
    times: 1,
    code: ErrorCode.PERMISSION_DENIED,
    retryable: false,
    vendorCode: '0',
    vendorMessage: 'Chứng từ chỉ bị hủy bởi người tạo.',
  },
  {
    name: 'a refusal saying the document does not exist',
    action: 'cancel-document',
    fault: refusal('Document does not exist'),
    times: 1,
    code: ErrorCode.NOT_FOUND,
    retryable: false,
    vendorCode: '0',
    vendorMessage: 'Document does not exist',
  },
  {
    name: 'a refusal saying the document is already canceled',
    action: 'cancel-document',
    fault: refusal('Chứng từ đã hủy'),
    times: 1,
    code: ErrorCode.FAILED_PRECONDITION,
    retryable: false,
    vendorCode: '0',
    vendorMessage: 'Chứng từ đã hủy',
  },
  {
    name: 'HTTP 429',
    action: 'cancel-document',
    fault: httpFault(429, 'Too many requests'),
    times: 5,
    code: ErrorCode.RATE_LIMITED,
    retryable: true,
    vendorCode: 'HTTP_429',
    vendorMessage: 'Too many requests',
  },
  {
    name: 'HTTP 502 (timeout)',
    action: 'cancel-document',
    fault: httpFault(502, 'Bad gateway'),
    times: 5,
    code: ErrorCode.VENDOR_UNAVAILABLE,
    retryable: true,
    vendorCode: 'HTTP_502',
    vendorMessage: 'Bad gateway',
  },
  {
    name: 'a body that is not the envelope',
    action: 'cancel-document',
    fault: { kind: 'raw', status: 200, body: '<html><body>Service temporarily unavailable</body></html>' },
    times: 5,
    code: ErrorCode.VENDOR_UNAVAILABLE,
    retryable: true,
    vendorCode: 'HTTP_200',
    vendorMessage: null,
  },
];

describe('VNPT error table through GraphQL', () => {
  let t: TestApp;
  let readyId: string;

  beforeAll(async () => {
    t = await startTestApp();
    readyId = t.vnpt.seeded.byStatus.READY;
  });
  afterEach(() => {
    t.vnpt.faults.clear();
  });
  afterAll(() => t.close());

  it.each(CASES)('renders $name as $code in cancelDocument', async (recipe) => {
    // Warm the token so every case starts from the same state (a valid, cached token).
    await t.graphql(DocumentByIdDocument, { id: readyId });
    if (recipe.expireTokens) t.vnpt.expireAllTokens();
    t.vnpt.faults.inject(recipe.action, recipe.fault, recipe.times);
    t.vnpt.clearRecords();

    const result = await t.graphql(CancelDocumentDocument, { input: { documentId: readyId, reason: 'Sai thông tin' } });

    expect(result.errors).toBeUndefined();
    expect(result.data?.cancelDocument).toMatchObject({
      __typename: ERROR_TYPENAME_BY_CODE[recipe.code],
      code: recipe.code,
      vendor: 'VNPT_ECONTRACT',
      vendorCode: recipe.vendorCode,
      vendorMessage: recipe.vendorMessage,
      retryable: recipe.retryable,
    });
    const outcome = result.data?.cancelDocument;
    expect(outcome && 'message' in outcome ? outcome.message : '').toMatch(/^[A-Z][\x20-\x7e]+$/);
    if (recipe.code === ErrorCode.RATE_LIMITED) expect(outcome).toMatchObject({ retryAfterSeconds: 1 });
    expect(t.vnpt.logins()).toBe(recipe.relogin ? 1 : 0);
    // A faulted request never reaches the simulator's own logic: the document is still cancelable.
    expect(t.vnpt.getDocument(readyId)?.status.value).toBe(2);
  });

  it('falls back to VendorError, keeping the code, for an envelope code nobody knows', async () => {
    t.vnpt.faults.inject('cancel-document', { kind: 'error', code: '777', httpStatus: 200, message: 'Something new' });
    const result = await t.graphql(CancelDocumentDocument, { input: { documentId: readyId, reason: 'Sai thông tin' } });
    expect(result.data?.cancelDocument).toMatchObject({
      __typename: 'VendorError',
      code: 'VENDOR_ERROR',
      vendorCode: '777',
      vendorMessage: 'Something new',
    });
  });

  it('renders a vendor error on document(id) as a top-level error with extensions and a null field', async () => {
    t.vnpt.faults.inject('get-document', httpFault(403, 'Forbidden'), 5);
    const result = await t.graphql(DocumentByIdDocument, { id: readyId });
    expect(result.data?.document).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.path).toEqual(['document']);
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'PERMISSION_DENIED',
      vendor: 'VNPT_ECONTRACT',
      vendorCode: 'HTTP_403',
      vendorRequestId: null,
      retryable: false,
    });
  });

  it('reports an outage on document(id) as retryable VENDOR_UNAVAILABLE after the read retries', async () => {
    t.vnpt.faults.inject('get-document', { kind: 'raw', status: 502, body: '<html>502 Bad Gateway</html>' }, 3);
    const result = await t.graphql(DocumentByIdDocument, { id: readyId });
    expect(result.data?.document).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendorCode: 'HTTP_502', retryable: true });
    expect(JSON.stringify(result)).not.toContain('<html>');
  });
});

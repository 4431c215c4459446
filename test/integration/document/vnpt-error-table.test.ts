import { VNPT_ERROR_TABLE } from '../../../datasources/vnpt-econtract/error-table';
import type { InjectedFault } from '../../../src/sandbox/fault-plan';
import { VNPT_SIMULATOR_MESSAGES as MESSAGES } from '../../../src/sandbox/vnpt-econtract/messages';
import type { VnptSimulatorAction } from '../../../src/sandbox/vnpt-econtract/simulator';
import { ErrorCode } from '../../../src/errors/error-code';
import { CancelDocumentDocument, DocumentByIdDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ERROR_TYPENAME_BY_CODE } from '../../support/error-typenames';

/** How the simulator is made to produce one row, and the vendorCode and vendorMessage that row carries. */
interface RowRecipe {
  readonly action: VnptSimulatorAction;
  readonly fault: InjectedFault;
  /** How many requests meet the fault: enough for a re-login's second attempt and the HTTP layer's retries. */
  readonly times: number;
  /** Make the cached token stale first, so the call has to log in again (and meets a login fault). */
  readonly expireTokens?: boolean;
  /** The row is only reached after one re-login (the client's answer to a rejected token). */
  readonly relogin?: boolean;
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

const RECIPES: Readonly<Partial<Record<string, RowRecipe>>> = {
  HTTP_400: {
    action: 'cancel-document',
    fault: httpFault(400, 'Bad request'),
    times: 1,
    vendorCode: 'HTTP_400',
    vendorMessage: 'Bad request',
  },
  HTTP_401: {
    action: 'cancel-document',
    fault: httpFault(401, 'Unauthorized'),
    times: 2,
    relogin: true,
    vendorCode: 'HTTP_401',
    vendorMessage: 'Unauthorized',
  },
  HTTP_403: { action: 'cancel-document', fault: httpFault(403, 'Forbidden'), times: 1, vendorCode: 'HTTP_403', vendorMessage: 'Forbidden' },
  HTTP_404: { action: 'cancel-document', fault: httpFault(404, 'Not found'), times: 1, vendorCode: 'HTTP_404', vendorMessage: 'Not found' },
  HTTP_409: { action: 'cancel-document', fault: httpFault(409, 'Conflict'), times: 1, vendorCode: 'HTTP_409', vendorMessage: 'Conflict' },
  HTTP_429: {
    action: 'cancel-document',
    fault: httpFault(429, 'Too many requests'),
    times: 5,
    vendorCode: 'HTTP_429',
    vendorMessage: 'Too many requests',
  },
  // VNPT documents 502 for its gateway timeout; any 5xx lands on this row.
  HTTP_5XX: {
    action: 'cancel-document',
    fault: httpFault(502, 'Bad gateway'),
    times: 5,
    vendorCode: 'HTTP_502',
    vendorMessage: 'Bad gateway',
  },
  MALFORMED_BODY: {
    action: 'cancel-document',
    fault: { kind: 'raw', status: 200, body: '<html><body>Service temporarily unavailable</body></html>' },
    times: 5,
    vendorCode: 'HTTP_200',
    vendorMessage: null,
  },
  ENVELOPE_100: {
    action: 'cancel-document',
    fault: { kind: 'error', code: '100', httpStatus: 200, message: 'OTP confirmation required' },
    times: 1,
    vendorCode: '100',
    vendorMessage: 'OTP confirmation required',
  },
  ENVELOPE_401: {
    action: 'cancel-document',
    fault: { kind: 'error', code: '401', httpStatus: 200, message: 'Not authenticated' },
    times: 2,
    relogin: true,
    vendorCode: '401',
    vendorMessage: 'Not authenticated',
  },
  CREDENTIALS_REJECTED: {
    action: 'password-login',
    fault: refusal(MESSAGES.credentialsRejected),
    times: 1,
    expireTokens: true,
    relogin: true,
    vendorCode: '0',
    vendorMessage: MESSAGES.credentialsRejected,
  },
  DOCUMENT_NOT_CREATOR: {
    action: 'cancel-document',
    fault: refusal(MESSAGES.notCreator),
    times: 1,
    vendorCode: '0',
    vendorMessage: MESSAGES.notCreator,
  },
  DOCUMENT_NOT_FOUND: {
    action: 'cancel-document',
    fault: refusal(MESSAGES.documentNotFound),
    times: 1,
    vendorCode: '0',
    vendorMessage: MESSAGES.documentNotFound,
  },
  DOCUMENT_NOT_CANCELABLE: {
    action: 'cancel-document',
    fault: refusal(MESSAGES.alreadyCanceled),
    times: 1,
    vendorCode: '0',
    vendorMessage: MESSAGES.alreadyCanceled,
  },
};

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

  it('has a recipe for every row of VNPT_ERROR_TABLE', () => {
    expect(Object.keys(RECIPES).sort()).toEqual(Object.keys(VNPT_ERROR_TABLE.exact).sort());
  });

  const rows = Object.entries(VNPT_ERROR_TABLE.exact).map(([key, rule]) => ({ key, ...rule }));

  it.each(rows)('renders $key as $code in cancelDocument', async ({ key, code, message }) => {
    const recipe = RECIPES[key];
    if (!recipe) throw new Error(`no recipe for ${key}`);
    // Warm the token so every row starts from the same state (a valid, cached token).
    await t.graphql(DocumentByIdDocument, { id: readyId });
    if (recipe.expireTokens) t.vnpt.expireAllTokens();
    t.vnpt.faults.inject(recipe.action, recipe.fault, recipe.times);
    t.vnpt.clearRecords();

    const result = await t.graphql(CancelDocumentDocument, { input: { documentId: readyId, reason: 'Sai thông tin' } });

    expect(result.errors).toBeUndefined();
    expect(result.data?.cancelDocument).toMatchObject({
      __typename: ERROR_TYPENAME_BY_CODE[code],
      code,
      message,
      vendor: 'VNPT_ECONTRACT',
      vendorCode: recipe.vendorCode,
      vendorMessage: recipe.vendorMessage,
      retryable: code === ErrorCode.RATE_LIMITED || code === ErrorCode.VENDOR_UNAVAILABLE,
    });
    if (code === ErrorCode.RATE_LIMITED) expect(result.data?.cancelDocument).toMatchObject({ retryAfterSeconds: 1 });
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

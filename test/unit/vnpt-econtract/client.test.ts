import { pino } from 'pino';
import { VnptEcontractClient } from '../../../datasources/vnpt-econtract/client';
import { ContractStatus, DocumentStatus } from '../../../datasources/vnpt-econtract/model';
import { vnptTokenStoreKey } from '../../../datasources/vnpt-econtract/token-store-key';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import type { RecordedRequest } from '../../../src/sandbox/loopback-server';
import { VnptEcontractSimulator } from '../../../src/sandbox/vnpt-econtract/simulator';
import { buildWireDocument } from '../../../src/sandbox/vnpt-econtract/wire-document-factory';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';
import { SEED_CANCEL_REQUEST } from './seed-cancel-document.fixture';
import { UndiciTestTransport } from './undici-test-transport';

const INTEGRATOR = { username: 'integrator@sandbox.test', password: 'correct horse battery', companyId: '668', userId: 6 };
const COLLEAGUE = { username: 'colleague@sandbox.test', password: 'another secret', companyId: '668', userId: 7 };

interface Harness {
  readonly simulator: VnptEcontractSimulator;
  readonly transport: UndiciTestTransport;
  readonly store: InMemoryKeyValueStore;
  readonly client: VnptEcontractClient;
}

async function errorOf(promise: Promise<unknown>): Promise<VendorError> {
  try {
    await promise;
  } catch (error: unknown) {
    if (VendorError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a VendorError');
}

function paths(requests: readonly RecordedRequest[]): string[] {
  return requests.map((request) => `${request.method} ${request.url}`);
}

describe('VnptEcontractClient', () => {
  let harness: Harness;
  const open: { close(): Promise<void> }[] = [];

  async function start(password = INTEGRATOR.password): Promise<Harness> {
    const simulator = await VnptEcontractSimulator.start({ users: [INTEGRATOR, COLLEAGUE] });
    const transport = new UndiciTestTransport(simulator.url);
    open.push(transport, simulator);
    const store = new InMemoryKeyValueStore();
    const client = new VnptEcontractClient({
      transport,
      endpoint: simulator.url,
      credentials: { username: INTEGRATOR.username, password, companyId: INTEGRATOR.companyId },
      store,
      logger: pino({ level: 'silent' }),
    });
    return { simulator, transport, store, client };
  }

  beforeEach(async () => {
    harness = await start();
  });

  afterEach(async () => {
    for (const resource of open.splice(0)) await resource.close();
  });

  it('sends the seed request body exactly with the stored bearer token when cancelling', async () => {
    const { simulator, client, store } = harness;
    simulator.putDocument(
      buildWireDocument({
        id: SEED_CANCEL_REQUEST.id,
        baseUrl: simulator.url,
        status: 'READY',
        createdByUserId: INTEGRATOR.userId,
        now: new Date(),
      }),
    );

    const { documentId, document } = await client.cancelDocument(
      { id: SEED_CANCEL_REQUEST.id, reason: SEED_CANCEL_REQUEST.reason },
      { idempotent: true },
    );

    const cancel = simulator.requests().find((request) => request.url === '/api/documents/cancel');
    const token = await store.get(vnptTokenStoreKey(simulator.url, INTEGRATOR.username, INTEGRATOR.companyId));
    expect(token).toEqual(expect.any(String));
    expect(cancel?.method).toBe('POST');
    expect(cancel?.body).toBe(
      '{"id":"4d0f7767-97b4-40ac-2b54-08dbfaff6da3","reason":"Thông tin chứng từ bị sai, hủy và tạo chứng từ mới"}',
    );
    expect(JSON.parse(cancel?.body ?? '')).toEqual(SEED_CANCEL_REQUEST);
    expect(cancel?.headers.authorization).toBe(`Bearer ${token ?? ''}`);
    expect(cancel?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(cancel?.headers.accept).toBe('application/json');

    expect(documentId).toBe(SEED_CANCEL_REQUEST.id);
    expect(document).toMatchObject({ id: SEED_CANCEL_REQUEST.id, status: DocumentStatus.CANCELED, reason: SEED_CANCEL_REQUEST.reason });
    expect(document?.histories.at(-1)?.activity).toEqual({ value: -3, description: 'Cancel document' });
    expect(JSON.stringify(document)).not.toMatch(/download/i);
  });

  it('logs in with username, password and a numeric companyId when it has no token', async () => {
    const { simulator, client, transport } = harness;

    await client.getDocument(simulator.seeded.byStatus.READY);

    const login = simulator.requests().at(0);
    expect(login?.url).toBe('/api/auth/password-login');
    expect(login?.body).toBe(JSON.stringify({ username: INTEGRATOR.username, password: INTEGRATOR.password, companyId: 668 }));
    expect(login?.headers.authorization).toBeUndefined();
    expect(transport.calls).toEqual([
      { operation: 'password-login', kind: 'read', idempotent: undefined },
      { operation: 'get-document', kind: 'read', idempotent: undefined },
    ]);
  });

  it("stores its token long enough to reuse it for hours, and renews it before the vendor's 24 h (VENDORS.md)", async () => {
    let clock = 1_000_000;
    const simulator = await VnptEcontractSimulator.start({ users: [INTEGRATOR, COLLEAGUE] });
    const transport = new UndiciTestTransport(simulator.url);
    open.push(transport, simulator);
    const store = new InMemoryKeyValueStore(() => clock);
    const client = new VnptEcontractClient({
      transport,
      endpoint: simulator.url,
      credentials: { username: INTEGRATOR.username, password: INTEGRATOR.password, companyId: INTEGRATOR.companyId },
      store,
      logger: pino({ level: 'silent' }),
    });
    await client.getDocument(simulator.seeded.byStatus.READY);
    const key = vnptTokenStoreKey(simulator.url, INTEGRATOR.username, INTEGRATOR.companyId);
    const token = await store.get(key);

    expect(token).toEqual(expect.any(String));
    clock += 60 * 60 * 1000;
    expect(await store.get(key)).toBe(token);
    clock += 23 * 60 * 60 * 1000;
    expect(await store.get(key)).toBeUndefined();
  });

  it('passes the idempotent flag through when cancelling', async () => {
    const { simulator, client, transport } = harness;

    await client.cancelDocument({ id: simulator.seeded.byStatus.READY, reason: 'duplicate' }, { idempotent: false });
    await client.cancelDocument({ id: simulator.seeded.byStatus.PROCESSING, reason: 'duplicate' }, { idempotent: true });

    expect(transport.calls.filter((call) => call.operation === 'cancel-document')).toEqual([
      { operation: 'cancel-document', kind: 'write', idempotent: false },
      { operation: 'cancel-document', kind: 'write', idempotent: true },
    ]);
  });

  it('maps a seeded document when getting it', async () => {
    const { simulator, client } = harness;

    const document = await client.getDocument(simulator.seeded.byStatus.COMPLETED);

    expect(document).toMatchObject({
      id: simulator.seeded.byStatus.COMPLETED,
      status: DocumentStatus.COMPLETED,
      contractStatus: ContractStatus.ACTIVE,
      createdByUserId: INTEGRATOR.userId,
      type: { code: 'CKDS' },
    });
    expect(document?.processes).toHaveLength(2);
    expect(document?.createdAt).toBeInstanceOf(Date);
  });

  it('logs in once more and succeeds when the token expired', async () => {
    const { simulator, client } = harness;
    await client.getDocument(simulator.seeded.byStatus.READY);
    simulator.expireAllTokens();
    simulator.clearRecords();

    const document = await client.getDocument(simulator.seeded.byStatus.READY);

    expect(document?.status).toBe(DocumentStatus.READY);
    expect(simulator.logins()).toBe(1);
    expect(paths(simulator.requests())).toEqual([
      `GET /api/documents/${simulator.seeded.byStatus.READY}`,
      'POST /api/auth/password-login',
      `GET /api/documents/${simulator.seeded.byStatus.READY}`,
    ]);
  });

  it('retries a cancel once with a fresh token when the vendor answered 401', async () => {
    const { simulator, client } = harness;
    await client.getDocument(simulator.seeded.byStatus.READY);
    simulator.expireAllTokens();

    const { document } = await client.cancelDocument(
      { id: simulator.seeded.byStatus.READY, reason: 'wrong amount' },
      { idempotent: false },
    );

    expect(document?.status).toBe(DocumentStatus.CANCELED);
    expect(simulator.logins()).toBe(2);
  });

  it.each([
    ['no document', '{"data":null,"success":true,"code":0,"messages":[]}'],
    ['a document without an id', '{"data":{"no":"X"},"success":true,"code":0,"messages":[]}'],
  ])('reports an applied cancel whose answer holds %s by its id, without reading it back', async (_label, body) => {
    const { simulator, client } = harness;
    const id = simulator.seeded.byStatus.READY;
    simulator.faults.inject('cancel-document', { kind: 'raw', status: 200, body, contentType: 'application/json' });
    // Every read would fail: a read-back would turn the applied cancel into an error.
    simulator.faults.inject('get-document', { kind: 'raw', status: 502, body: 'Bad Gateway' }, 10);

    const canceled = await client.cancelDocument({ id, reason: 'duplicate' }, { idempotent: false });

    expect(canceled).toEqual({ documentId: id, document: undefined });
    expect(simulator.requests().filter((request) => request.url.startsWith('/api/documents/') && request.method === 'GET')).toEqual([]);
  });

  it('logs in exactly once when 50 getDocument calls start without a token', async () => {
    const { simulator, client } = harness;
    const ids = Object.values(simulator.seeded.byStatus);

    const documents = await Promise.all(Array.from({ length: 50 }, (_unused, index) => client.getDocument(ids[index % ids.length] ?? '')));

    expect(documents.every((document) => document !== null)).toBe(true);
    expect(simulator.logins()).toBe(1);
  });

  it('answers VENDOR_AUTH_FAILED without retrying when the password is wrong', async () => {
    const wrong = await start('not the password');

    const error = await errorOf(wrong.client.getDocument(wrong.simulator.seeded.byStatus.READY));

    expect(error).toMatchObject({ code: ErrorCode.VENDOR_AUTH_FAILED, vendor: Vendor.VNPT_ECONTRACT, retryable: false, vendorCode: '0' });
    expect(error.vendorMessage).toBe('Username or password is incorrect');
    expect(`${error.message} ${error.vendorMessage ?? ''}`).not.toContain('not the password');
    expect(wrong.simulator.logins()).toBe(1);
    expect(paths(wrong.simulator.requests())).toEqual(['POST /api/auth/password-login']);
  });

  it('answers VENDOR_AUTH_FAILED after exactly one re-login when the vendor keeps answering 401', async () => {
    const { simulator, client } = harness;
    simulator.faults.inject('get-document', { kind: 'error', code: '401', message: 'Unauthorized', httpStatus: 401 }, 2);

    const error = await errorOf(client.getDocument(simulator.seeded.byStatus.READY));

    expect(error).toMatchObject({ code: ErrorCode.VENDOR_AUTH_FAILED, vendorCode: 'HTTP_401', vendorMessage: 'Unauthorized' });
    expect(simulator.logins()).toBe(2);
    expect(simulator.requests().filter((request) => request.method === 'GET')).toHaveLength(2);
  });

  it('keeps an outage at login retryable rather than calling it an auth failure', async () => {
    const { simulator, client } = harness;
    simulator.faults.inject('password-login', { kind: 'raw', status: 502, body: '<html>Bad Gateway</html>' });

    const error = await errorOf(client.getDocument(simulator.seeded.byStatus.READY));
    expect(error).toMatchObject({ code: ErrorCode.VENDOR_UNAVAILABLE, retryable: true, vendorCode: 'HTTP_502' });
    expect(error.message).not.toContain('Bad Gateway');

    expect(await client.getDocument(simulator.seeded.byStatus.READY)).not.toBeNull();
    expect(simulator.logins()).toBe(2);
  });

  it('answers PERMISSION_DENIED and leaves the document alone when cancelling as a non-creator', async () => {
    const { simulator, client } = harness;
    const id = simulator.seeded.ownedByOther;

    const error = await errorOf(client.cancelDocument({ id, reason: 'not mine' }, { idempotent: false }));

    expect(error).toMatchObject({ code: ErrorCode.PERMISSION_DENIED, vendor: Vendor.VNPT_ECONTRACT, vendorCode: '0' });
    expect(simulator.getDocument(id)?.status.value).toBe(2);
  });

  it('answers FAILED_PRECONDITION when cancelling an already canceled document', async () => {
    const { simulator, client } = harness;

    const error = await errorOf(client.cancelDocument({ id: simulator.seeded.byStatus.CANCELED, reason: 'again' }, { idempotent: false }));

    expect(error).toMatchObject({ code: ErrorCode.FAILED_PRECONDITION, vendorMessage: 'The document has already been canceled' });
  });

  it.each(['NEW', 'CORRECTING', 'REJECTED', 'DELETED'] as const)(
    'answers FAILED_PRECONDITION when cancelling a %s document',
    async (status) => {
      const { simulator, client } = harness;
      const error = await errorOf(client.cancelDocument({ id: simulator.seeded.byStatus[status], reason: 'x' }, { idempotent: false }));
      expect(error.code).toBe(ErrorCode.FAILED_PRECONDITION);
    },
  );

  it('answers NOT_FOUND when cancelling an unknown id', async () => {
    const { client } = harness;

    const error = await errorOf(client.cancelDocument({ id: '00000000-0000-0000-0000-000000000000', reason: 'x' }, { idempotent: false }));

    expect(error).toMatchObject({ code: ErrorCode.NOT_FOUND, vendorCode: 'HTTP_404' });
  });

  it('returns null when getting an unknown id, encoding the id into the path', async () => {
    const { simulator, client } = harness;

    expect(await client.getDocument('no/such id')).toBeNull();
    expect(simulator.requests().at(-1)?.url).toBe('/api/documents/no%2Fsuch%20id');
  });

  it('answers FAILED_PRECONDITION with the contract message when the vendor asks for an OTP', async () => {
    const { simulator, client } = harness;
    simulator.faults.inject('cancel-document', { kind: 'error', code: '100', message: 'Vui lòng xác thực OTP' });

    const error = await errorOf(client.cancelDocument({ id: simulator.seeded.byStatus.READY, reason: 'x' }, { idempotent: false }));

    expect(error).toMatchObject({
      code: ErrorCode.FAILED_PRECONDITION,
      message: 'The vendor requires an OTP confirmation for this operation',
      vendorCode: '100',
      vendorMessage: 'Vui lòng xác thực OTP',
    });
  });

  it('rejects an empty id or reason locally before calling the vendor', async () => {
    const { simulator, client } = harness;

    expect((await errorOf(client.getDocument(' '))).code).toBe(ErrorCode.INVALID_INPUT);
    expect((await errorOf(client.cancelDocument({ id: simulator.seeded.byStatus.READY, reason: '' }, { idempotent: false }))).code).toBe(
      ErrorCode.INVALID_INPUT,
    );
    expect(simulator.requests()).toEqual([]);
  });

  it('answers VENDOR_UNAVAILABLE when the connection is reset', async () => {
    const { simulator, client } = harness;
    simulator.faults.inject('get-document', { kind: 'reset' });

    expect((await errorOf(client.getDocument(simulator.seeded.byStatus.READY))).code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
  });

  it('prefixes the endpoint path when the endpoint has one', async () => {
    const { simulator, transport, store } = harness;
    const prefixed = new VnptEcontractClient({
      transport,
      endpoint: `${simulator.url}/econtract/`,
      credentials: INTEGRATOR,
      store,
      logger: pino({ level: 'silent' }),
    });

    await errorOf(prefixed.getDocument('x'));

    expect(simulator.requests()[0]?.url).toBe('/econtract/api/auth/password-login');
  });

  it('drops every trailing slash of the endpoint path', async () => {
    const { simulator, transport, store } = harness;
    const prefixed = new VnptEcontractClient({
      transport,
      endpoint: `${simulator.url}/econtract///`,
      credentials: INTEGRATOR,
      store,
      logger: pino({ level: 'silent' }),
    });

    await errorOf(prefixed.getDocument('x'));

    expect(simulator.requests()[0]?.url).toBe('/econtract/api/auth/password-login');
  });

  it('does not call it a rejected fresh token when the retry after a re-login fails otherwise', async () => {
    const { simulator, transport, store } = harness;
    const lines: Record<string, unknown>[] = [];
    const client = new VnptEcontractClient({
      transport,
      endpoint: simulator.url,
      credentials: INTEGRATOR,
      store,
      logger: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) }),
    });
    simulator.faults.inject('get-document', { kind: 'error', code: '401', message: 'Unauthorized', httpStatus: 401 }, 1);
    simulator.faults.inject('get-document', { kind: 'error', code: '503', message: 'Unavailable', httpStatus: 503 }, 1);

    expect((await errorOf(client.getDocument(simulator.seeded.byStatus.READY))).code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
    expect(lines.filter((line) => line.msg === 'vnpt rejected a freshly issued token')).toEqual([]);
  });

  it('logs at error, with the vendor code, when even a freshly issued token is rejected', async () => {
    const { simulator, transport, store } = harness;
    const lines: Record<string, unknown>[] = [];
    const client = new VnptEcontractClient({
      transport,
      endpoint: simulator.url,
      credentials: INTEGRATOR,
      store,
      logger: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) }),
    });
    simulator.faults.inject('get-document', { kind: 'error', code: '401', message: 'Unauthorized', httpStatus: 401 }, 2);

    await errorOf(client.getDocument(simulator.seeded.byStatus.READY));

    expect(lines.filter((line) => line.level === 50)).toEqual([
      expect.objectContaining({ vendor: 'VNPT_ECONTRACT', vendorCode: 'HTTP_401', msg: 'vnpt rejected a freshly issued token' }),
    ]);
  });

  it('does not log an error when the second token is accepted', async () => {
    const { simulator, transport, store } = harness;
    const lines: Record<string, unknown>[] = [];
    const client = new VnptEcontractClient({
      transport,
      endpoint: simulator.url,
      credentials: INTEGRATOR,
      store,
      logger: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) }),
    });
    simulator.faults.inject('get-document', { kind: 'error', code: '401', message: 'Unauthorized', httpStatus: 401 }, 1);

    expect(await client.getDocument(simulator.seeded.byStatus.READY)).not.toBeNull();
    expect(lines.filter((line) => line.level === 50)).toEqual([]);
  });

  it.each([
    ['a blank id when getting', (client: VnptEcontractClient) => client.getDocument(' '), 'A document id is required.'],
    [
      'a blank id when cancelling',
      (client: VnptEcontractClient) => client.cancelDocument({ id: '', reason: 'r' }, { idempotent: false }),
      'A document id is required.',
    ],
    [
      'a blank reason when cancelling',
      (client: VnptEcontractClient) => client.cancelDocument({ id: 'd', reason: ' ' }, { idempotent: false }),
      'A reason is required to cancel a document.',
    ],
  ])('refuses %s with its own message and no request', async (_label, run, message) => {
    const error = await errorOf(run(harness.client));
    expect(error).toMatchObject({ code: ErrorCode.INVALID_INPUT, message });
    expect(harness.simulator.requests()).toHaveLength(0);
  });
});

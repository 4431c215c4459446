import { Agent, request } from 'undici';
import { VnptEcontractSimulator } from '../../../src/sandbox/vnpt-econtract/simulator';
import { buildWireDocument } from '../../../src/sandbox/vnpt-econtract/wire-document-factory';

const OWNER = { username: 'owner@sandbox.test', password: 'owner-pass', companyId: '668', userId: 6 };
const OTHER = { username: 'other@sandbox.test', password: 'other-pass', companyId: '668', userId: 7 };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

describe('VnptEcontractSimulator', () => {
  let simulator: VnptEcontractSimulator;
  let clock: Date;
  const agent = new Agent({ keepAliveTimeout: 1_000 });

  async function call(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<Answer> {
    const response = await request(`${simulator.url}${path}`, {
      method,
      dispatcher: agent,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.body.text();
    let json: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (isRecord(parsed)) json = parsed;
    } catch {
      // non-JSON answers are asserted through `text`
    }
    return { status: response.statusCode, headers: response.headers, text, json };
  }

  async function login(user: { username: string; password: string; companyId: string } = OWNER): Promise<string> {
    const answer = await call('POST', '/api/auth/password-login', {
      username: user.username,
      password: user.password,
      companyId: Number(user.companyId),
    });
    if (typeof answer.json.data !== 'string') throw new Error(`login failed: ${answer.text}`);
    return answer.json.data;
  }

  function cancel(id: string, token: string, reason = 'Sai thông tin'): Promise<Answer> {
    return call('POST', '/api/documents/cancel', { id, reason }, token);
  }

  beforeEach(async () => {
    clock = new Date('2024-03-01T03:00:00.000Z');
    simulator = await VnptEcontractSimulator.start({ users: [OWNER, OTHER], tokenTtlMs: 60_000, now: () => clock });
  });

  afterEach(async () => {
    await simulator.close();
  });

  afterAll(async () => {
    await agent.close();
  });

  describe('password-login', () => {
    it('issues a JWT-looking token in the envelope when the credentials match', async () => {
      const answer = await call('POST', '/api/auth/password-login', { username: OWNER.username, password: OWNER.password, companyId: 668 });

      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ success: true, code: 0, messages: ['Authenticate and choose company success'] });
      expect(answer.json.data).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(simulator.logins()).toBe(1);
    });

    it.each([
      ['a wrong password', { username: OWNER.username, password: 'nope', companyId: 668 }],
      ['an unknown user', { username: 'ghost@sandbox.test', password: OWNER.password, companyId: 668 }],
      ['another company', { username: OWNER.username, password: OWNER.password, companyId: 1 }],
    ])('refuses with success:false when given %s', async (_label, body) => {
      const answer = await call('POST', '/api/auth/password-login', body);

      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ data: null, success: false, code: 0, messages: ['Username or password is incorrect'] });
      expect(simulator.logins()).toBe(1);
    });

    it('issues a different token on every login', async () => {
      expect(await login()).not.toBe(await login());
    });
  });

  describe('bearer tokens', () => {
    it.each([
      ['no bearer', undefined],
      ['an unknown bearer', 'eyJhbGciOiJIUzI1NiJ9.e30.forged'],
    ])('answers 401 with the Unauthorized envelope when given %s', async (_label, token) => {
      const answer = await call('GET', `/api/documents/${simulator.seeded.byStatus.READY}`, undefined, token);

      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ data: null, success: false, code: 401, messages: ['Unauthorized'] });
    });

    it('answers 401 when the token outlived tokenTtlMs', async () => {
      const token = await login();
      clock = new Date(clock.getTime() + 59_999);
      expect((await call('GET', `/api/documents/${simulator.seeded.byStatus.READY}`, undefined, token)).status).toBe(200);
      clock = new Date(clock.getTime() + 1);
      expect((await call('GET', `/api/documents/${simulator.seeded.byStatus.READY}`, undefined, token)).status).toBe(401);
    });

    it('answers 401 for every earlier token when expireAllTokens was called', async () => {
      const token = await login();
      simulator.expireAllTokens();

      expect((await call('GET', `/api/documents/${simulator.seeded.byStatus.READY}`, undefined, token)).status).toBe(401);
      expect((await call('GET', `/api/documents/${simulator.seeded.byStatus.READY}`, undefined, await login())).status).toBe(200);
    });
  });

  describe('seeded documents', () => {
    it('holds one document per status created by the first user when seeded', () => {
      const expected = [
        ['NEW', 1],
        ['READY', 2],
        ['PROCESSING', 3],
        ['COMPLETED', 4],
        ['CORRECTING', 5],
        ['REJECTED', -1],
        ['DELETED', -2],
        ['CANCELED', -3],
      ] as const;
      for (const [status, value] of expected) {
        const id = simulator.seeded.byStatus[status];
        expect(simulator.getDocument(id)).toMatchObject({ id, status: { value }, createdByUserId: OWNER.userId });
      }
      expect(new Set(Object.values(simulator.seeded.byStatus)).size).toBe(8);
    });

    it('holds a READY document of another user as ownedByOther', () => {
      expect(simulator.getDocument(simulator.seeded.ownedByOther)).toMatchObject({ status: { value: 2 }, createdByUserId: OTHER.userId });
    });

    it('answers GET with a document shaped like the seed sample', async () => {
      const id = simulator.seeded.byStatus.COMPLETED;
      const answer = await call('GET', `/api/documents/${id}`, undefined, await login());

      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ success: true, code: 0 });
      const data = answer.json.data;
      if (!isRecord(data)) throw new Error('no document in the answer');
      for (const field of [
        'id',
        'no',
        'subject',
        'createdDate',
        'lastModifiedDate',
        'completedDate',
        'status',
        'contractStatus',
        'type',
        'processes',
        'histories',
        'attachments',
        'relatedDocuments',
        'downloadUrl',
      ]) {
        expect(data).toHaveProperty(field);
      }
      expect(data.createdDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/);
      expect(data.lastModifiedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+07:00$/);
      expect(data.downloadUrl).toMatch(/\/Api\/Download\?token=.+/);
      expect(data.processes).toHaveLength(2);
      expect(data.type).toMatchObject({ id: 46, code: 'CKDS' });
    });

    it('answers 404 for an unknown id', async () => {
      const answer = await call('GET', '/api/documents/unknown-id', undefined, await login());

      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject({ success: false, messages: ['Document not found'] });
    });

    it('starts empty when seed is false', async () => {
      const empty = await VnptEcontractSimulator.start({ users: [OWNER], seed: false });
      try {
        expect(() => empty.seeded).toThrow(/seed: false/);
      } finally {
        await empty.close();
      }
    });
  });

  describe('cancel', () => {
    it.each(['READY', 'PROCESSING', 'COMPLETED'] as const)(
      'cancels a %s document of its creator and answers like the seed',
      async (status) => {
        const id = simulator.seeded.byStatus[status];
        const before = simulator.getDocument(id);

        const answer = await cancel(id, await login(), 'Thông tin chứng từ bị sai');

        expect(answer.status).toBe(200);
        expect(answer.json).toMatchObject({ success: true, code: 0, messages: ['Cancel document success'] });
        const stored = simulator.getDocument(id);
        expect(answer.json.data).toEqual(stored);
        expect(stored).toMatchObject({
          status: { value: -3, description: 'Canceled' },
          reason: 'Thông tin chứng từ bị sai',
          lastModifiedDate: '2024-03-01T10:00:00.0000000+07:00',
        });
        expect(stored?.histories).toHaveLength((before?.histories.length ?? 0) + 1);
        expect(stored?.histories.at(-1)).toMatchObject({
          createdDate: '2024-03-01T10:00:00.0000000+07:00',
          ipAddress: '127.0.0.1',
          activity: { value: -3, description: 'Cancel document' },
        });
      },
    );

    it.each(['NEW', 'CORRECTING', 'REJECTED', 'DELETED'] as const)('refuses a %s document as not cancelable', async (status) => {
      const id = simulator.seeded.byStatus[status];

      const answer = await cancel(id, await login());

      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ data: null, success: false, code: 0 });
      expect(answer.json.messages).toEqual([expect.stringMatching(/cannot be canceled/)]);
      expect(simulator.getDocument(id)?.status.value).not.toBe(-3);
    });

    it('refuses an already canceled document', async () => {
      const answer = await cancel(simulator.seeded.byStatus.CANCELED, await login());

      expect(answer.json).toEqual({ data: null, success: false, code: 0, messages: ['The document has already been canceled'] });
    });

    it('refuses a cancel by someone other than the creator', async () => {
      const answer = await cancel(simulator.seeded.ownedByOther, await login());

      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({ success: false, code: 0, messages: [expect.stringMatching(/not the creator/)] });
      expect(simulator.getDocument(simulator.seeded.ownedByOther)?.status.value).toBe(2);
    });

    it('lets the other user cancel their own document', async () => {
      const answer = await cancel(simulator.seeded.ownedByOther, await login(OTHER));

      expect(answer.json).toMatchObject({ success: true });
    });

    it('answers 404 for an unknown id', async () => {
      const answer = await cancel('00000000-0000-0000-0000-000000000000', await login());

      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject({ success: false, messages: ['Document not found'] });
    });

    it.each([
      ['an empty reason', { id: 'x', reason: '' }],
      ['a blank reason', { id: 'x', reason: '   ' }],
      ['no reason', { id: 'x' }],
      ['no id', { reason: 'x' }],
      ['a non-JSON body', 'id=x'],
    ])('answers 400 when given %s', async (_label, body) => {
      const answer = await call('POST', '/api/documents/cancel', body, await login());

      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ data: null, success: false, code: 400 });
    });

    it('serves a document added with putDocument', async () => {
      const document = buildWireDocument({
        id: 'put-1',
        baseUrl: simulator.url,
        status: 'READY',
        createdByUserId: OWNER.userId,
        now: clock,
      });
      simulator.putDocument(document);

      expect((await cancel('put-1', await login())).json).toMatchObject({ success: true });
    });
  });

  describe('faults and records', () => {
    it('answers the injected error envelope once when an error fault is queued', async () => {
      const token = await login();
      simulator.faults.inject('get-document', { kind: 'error', code: '100', message: 'OTP required', httpStatus: 200 });
      const id = simulator.seeded.byStatus.READY;

      expect((await call('GET', `/api/documents/${id}`, undefined, token)).json).toEqual({
        data: null,
        success: false,
        code: 100,
        messages: ['OTP required'],
      });
      expect((await call('GET', `/api/documents/${id}`, undefined, token)).json).toMatchObject({ success: true });
    });

    it('uses the given HTTP status when an error fault has one', async () => {
      simulator.faults.inject('password-login', { kind: 'error', code: '502', httpStatus: 502 });

      const answer = await call('POST', '/api/auth/password-login', { username: OWNER.username, password: OWNER.password, companyId: 668 });

      expect(answer.status).toBe(502);
      expect(simulator.logins()).toBe(1);
    });

    it('answers the raw body when a raw fault is queued', async () => {
      simulator.faults.inject('*', { kind: 'raw', status: 502, body: '<html>Bad Gateway</html>' });

      const answer = await call('POST', '/api/auth/password-login', {});

      expect(answer.status).toBe(502);
      expect(answer.text).toBe('<html>Bad Gateway</html>');
      expect(answer.headers['content-type']).toMatch(/text\/html/);
    });

    it('drops the connection when a reset fault is queued', async () => {
      simulator.faults.inject('cancel-document', { kind: 'reset' });

      await expect(cancel(simulator.seeded.byStatus.READY, 'any')).rejects.toThrow();
      expect(simulator.getDocument(simulator.seeded.byStatus.READY)?.status.value).toBe(2);
    });

    it('answers normally after the pause when a delay fault is queued', async () => {
      const token = await login();
      simulator.faults.inject('get-document', { kind: 'delay', ms: 1_000 });
      simulator.clearRecords();
      const order: string[] = [];
      const path = `/api/documents/${simulator.seeded.byStatus.READY}`;

      const delayed = call('GET', path, undefined, token).then((answer) => {
        order.push('delayed');
        return answer;
      });
      while (simulator.requests().length === 0) await new Promise((resolve) => setImmediate(resolve));
      await call('GET', path, undefined, token);
      order.push('undelayed');
      const answer = await delayed;

      // Order, not elapsed time: the request that came second was answered first.
      expect(order).toEqual(['undelayed', 'delayed']);
      expect(answer.json).toMatchObject({ success: true });
    });

    it('closes promptly when a long delay is pending', async () => {
      const token = await login();
      simulator.faults.inject('get-document', { kind: 'delay', ms: 60_000 });
      const pending = call('GET', `/api/documents/${simulator.seeded.byStatus.READY}`, undefined, token).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 50));

      // A close that waited for the 60 s delay would outlive the test's timeout; no clock reading needed.
      await simulator.close();

      expect(await pending).toBeInstanceOf(Error);
    });

    it('records every request with its exact body and forgets them when cleared', async () => {
      const token = await login();
      await cancel(simulator.seeded.byStatus.READY, token, 'lý do');

      const recorded = simulator.requests();
      expect(recorded.map((entry) => `${entry.method} ${entry.url}`)).toEqual([
        'POST /api/auth/password-login',
        'POST /api/documents/cancel',
      ]);
      expect(recorded[1]?.body).toBe(JSON.stringify({ id: simulator.seeded.byStatus.READY, reason: 'lý do' }));
      expect(recorded[1]?.headers.authorization).toBe(`Bearer ${token}`);

      simulator.clearRecords();
      expect(simulator.requests()).toEqual([]);
      expect(simulator.logins()).toBe(0);
    });

    it('answers 404 for an unknown route and 405 for a wrong method', async () => {
      expect((await call('GET', '/api/nothing-here')).status).toBe(404);
      expect((await call('GET', '/api/auth/password-login')).status).toBe(405);
      expect((await call('POST', '/api/documents/some-id', {})).status).toBe(405);
    });
  });

  it('refuses to start without users', async () => {
    await expect(VnptEcontractSimulator.start({ users: [] })).rejects.toThrow(RangeError);
  });
});

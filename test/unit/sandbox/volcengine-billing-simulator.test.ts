import { createHash } from 'node:crypto';
import { request } from 'undici';
import { canonicalQueryString, signVolcRequest } from '../../../datasources/volcengine-billing/sign';
import { isJsonObject, type JsonObject } from '../../../src/json/json-object';
import { VolcengineBillingSimulator } from '../../../src/sandbox/volcengine-billing/simulator';

const ACCESS_KEY_ID = 'AKLTsimulator';
const SECRET_ACCESS_KEY = 'simulator-secret';
const CONTENT_TYPE = 'application/json; charset=utf-8';

interface SendOptions {
  readonly action?: string;
  readonly version?: string;
  /** The body that is signed. */
  readonly body?: string;
  /** The body that is sent, when it should differ from the signed one. */
  readonly sentBody?: string;
  readonly date?: Date;
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  readonly region?: string;
  /** Replaces or removes (undefined) headers after signing. */
  readonly headerOverrides?: Readonly<Record<string, string | undefined>>;
  /** The query that is sent, when it should differ from the signed one. */
  readonly sentQuery?: Readonly<Record<string, string>>;
}

interface Answer {
  readonly status: number;
  readonly json: Record<string, unknown>;
  readonly text: string;
}

/** `value` when it is a JSON object, else an empty one (so missing levels read as absent fields). */
function record(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

/** The answer's JSON object; an empty one when the text is not JSON. */
function parseJsonObject(text: string): JsonObject {
  try {
    return record(JSON.parse(text));
  } catch {
    return {};
  }
}

/** Signs like the datasource does (content-type included) and sends with undici. */
async function send(simulator: VolcengineBillingSimulator, options: SendOptions = {}): Promise<Answer> {
  const host = new URL(simulator.url).host;
  const query = { Action: options.action ?? 'ListInvitation', Version: options.version ?? '2022-01-01' };
  const body = options.body ?? '{}';
  const signed = signVolcRequest({
    accessKeyId: options.accessKeyId ?? ACCESS_KEY_ID,
    secretAccessKey: options.secretAccessKey ?? SECRET_ACCESS_KEY,
    region: options.region ?? 'cn-north-1',
    service: 'billing',
    method: 'POST',
    host,
    path: '/',
    query,
    body,
    date: options.date ?? new Date(),
    contentType: CONTENT_TYPE,
  });
  const withOverrides: Record<string, string | undefined> = {
    Host: host,
    'Content-Type': CONTENT_TYPE,
    ...signed.headers,
    ...options.headerOverrides,
  };
  const headers = Object.fromEntries(Object.entries(withOverrides).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const answer = await request(`${simulator.url}/?${canonicalQueryString(options.sentQuery ?? query)}`, {
    method: 'POST',
    headers,
    body: options.sentBody ?? body,
  });
  const text = await answer.body.text();
  return { status: answer.statusCode, json: parseJsonObject(text), text };
}

function errorOf(answer: Answer): Record<string, unknown> {
  return record(record(answer.json.ResponseMetadata).Error);
}

function resultOf(answer: Answer): Record<string, unknown> {
  return record(answer.json.Result);
}

function handleBody(fields: Record<string, string | number>): string {
  return JSON.stringify(fields);
}

describe('VolcengineBillingSimulator', () => {
  let simulator: VolcengineBillingSimulator;

  beforeEach(async () => {
    simulator = await VolcengineBillingSimulator.start({ accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY });
  });

  afterEach(async () => {
    await simulator.close();
  });

  describe('authentication', () => {
    it('answers a validly signed call with the success envelope', async () => {
      const answer = await send(simulator);
      expect(answer.status).toBe(200);
      expect(answer.json.ResponseMetadata).toEqual({
        RequestId: expect.stringMatching(/^\d{14}[0-9A-F]{20}$/) as unknown,
        Action: 'ListInvitation',
        Version: '2022-01-01',
        Service: 'billing',
        Region: 'cn-north-1',
      });
      expect(resultOf(answer).List).toHaveLength(simulator.seeded.all.length);
      expect(simulator.accepted('ListInvitation')).toHaveLength(1);
    });

    it('answers SignatureDoesNotMatch 401 when the body is tampered with', async () => {
      const body = handleBody({
        Action: 2,
        InvitationType: 1,
        RelationID: simulator.seeded.pendingRelation.relationId,
        MajorAccountID: 2000000000,
        Relation: 1,
      });
      const answer = await send(simulator, { action: 'HandleInvitation', body, sentBody: body.replace('"Action":2', '"Action":3') });
      expect(answer.status).toBe(401);
      expect(errorOf(answer)).toEqual({
        Code: 'SignatureDoesNotMatch',
        CodeN: 100010,
        Message: expect.stringContaining('does not match the signature you provided') as unknown,
      });
      expect(simulator.accepted('HandleInvitation')).toHaveLength(0);
      expect(simulator.getInvitation({ relationId: simulator.seeded.pendingRelation.relationId })?.state).toBe('pending');
    });

    it('answers SignatureDoesNotMatch when the body and its X-Content-Sha256 are both replaced', async () => {
      const sentBody = '{"x":1}';
      const answer = await send(simulator, {
        sentBody,
        headerOverrides: { 'X-Content-Sha256': createHash('sha256').update(sentBody).digest('hex') },
      });
      expect(errorOf(answer).Code).toBe('SignatureDoesNotMatch');
    });

    it('answers SignatureDoesNotMatch when a signed header is changed', async () => {
      const answer = await send(simulator, { headerOverrides: { 'Content-Type': 'text/plain' } });
      expect(answer.status).toBe(401);
      expect(errorOf(answer).Code).toBe('SignatureDoesNotMatch');
    });

    it('answers SignatureDoesNotMatch when the query differs from the signed one', async () => {
      const answer = await send(simulator, { sentQuery: { Action: 'ListInvitation', Version: '2022-01-01', Extra: '1' } });
      expect(errorOf(answer).Code).toBe('SignatureDoesNotMatch');
    });

    it('answers SignatureDoesNotMatch when the secret is wrong', async () => {
      const answer = await send(simulator, { secretAccessKey: 'other' });
      expect(errorOf(answer).Code).toBe('SignatureDoesNotMatch');
    });

    it('answers SignatureDoesNotMatch when the credential scope names another region', async () => {
      const answer = await send(simulator, { region: 'ap-southeast-1' });
      expect(errorOf(answer).Code).toBe('SignatureDoesNotMatch');
    });

    it('answers SignatureDoesNotMatch when SignedHeaders names an inherited property', async () => {
      const signed = await send(simulator);
      expect(signed.status).toBe(200);
      const first = simulator.requests().at(0);
      const authorization = String(first?.headers.authorization).replace('SignedHeaders=', 'SignedHeaders=constructor;');
      const answer = await send(simulator, { headerOverrides: { Authorization: authorization } });
      expect(answer.status).toBe(401);
      expect(errorOf(answer).Code).toBe('SignatureDoesNotMatch');
    });

    it('answers InvalidTimestamp 400 when X-Date is 16 minutes old', async () => {
      const answer = await send(simulator, { date: new Date(Date.now() - 16 * 60 * 1000) });
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatchObject({
        Code: 'InvalidTimestamp',
        Message: expect.stringMatching(/^The request timestamp \d{8}T\d{6}Z is invalid/) as unknown,
      });
    });

    it('accepts an X-Date 14 minutes ahead', async () => {
      const answer = await send(simulator, { date: new Date(Date.now() + 14 * 60 * 1000) });
      expect(answer.status).toBe(200);
    });

    it('answers MissingAuthenticationToken 401 when there is no Authorization header', async () => {
      const answer = await send(simulator, { headerOverrides: { Authorization: undefined } });
      expect(answer.status).toBe(401);
      expect(errorOf(answer).Code).toBe('MissingAuthenticationToken');
    });

    it('answers InvalidAccessKey 401 when the AccessKeyId is unknown', async () => {
      const answer = await send(simulator, { accessKeyId: 'AKLTnobody' });
      expect(answer.status).toBe(401);
      expect(errorOf(answer)).toMatchObject({ Code: 'InvalidAccessKey', Message: expect.stringContaining('AKLTnobody') as unknown });
    });

    it('answers MissingSignature 401 when Authorization has no signature', async () => {
      const answer = await send(simulator, {
        headerOverrides: { Authorization: 'HMAC-SHA256 Credential=AKLTsimulator/20240101/cn-north-1/billing/request' },
      });
      expect(answer.status).toBe(401);
      expect(errorOf(answer).Code).toBe('MissingSignature');
    });

    it('answers MissingRequestInfo 400 when X-Date is missing', async () => {
      const answer = await send(simulator, { headerOverrides: { 'X-Date': undefined } });
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatchObject({ Code: 'MissingRequestInfo', Message: 'The request is missing X-Date information.' });
    });

    it('checks X-Date against the injected clock', async () => {
      const fixed = new Date('2024-01-01T00:00:00Z');
      const clocked = await VolcengineBillingSimulator.start({
        accessKeyId: ACCESS_KEY_ID,
        secretAccessKey: SECRET_ACCESS_KEY,
        now: () => fixed,
      });
      try {
        expect((await send(clocked, { date: new Date('2024-01-01T00:10:00Z') })).status).toBe(200);
        expect(errorOf(await send(clocked)).Code).toBe('InvalidTimestamp');
      } finally {
        await clocked.close();
      }
    });
  });

  describe('routing', () => {
    it('answers InvalidActionOrVersion 404 when the action is unknown', async () => {
      const answer = await send(simulator, { action: 'ListBill' });
      expect(answer.status).toBe(404);
      expect(errorOf(answer)).toMatchObject({
        Code: 'InvalidActionOrVersion',
        Message: 'Could not find operation ListBill for version 2022-01-01.',
      });
      expect(record(answer.json.ResponseMetadata)).toMatchObject({ Action: 'ListBill', Service: 'billing', Region: 'cn-north-1' });
    });

    it.each(['toString', 'constructor', '__proto__'])(
      'answers InvalidActionOrVersion 404 when the action is the inherited name %s',
      async (action) => {
        const answer = await send(simulator, { action });
        expect(answer.status).toBe(404);
        expect(errorOf(answer).Code).toBe('InvalidActionOrVersion');
      },
    );

    it('answers InvalidActionOrVersion 404 when the version is unknown', async () => {
      const answer = await send(simulator, { version: '2018-01-01' });
      expect(answer.status).toBe(404);
      expect(errorOf(answer).Code).toBe('InvalidActionOrVersion');
    });

    it('answers MissingParameter 400 when the query has no Action', async () => {
      const answer = await send(simulator, { sentQuery: { Version: '2022-01-01' } });
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatchObject({ Code: 'MissingParameter', Message: 'The required parameter Action is missing.' });
    });
  });

  describe('HandleInvitation', () => {
    const relationBody = (simulatorSeed: { relationId: string; majorAccountId: string; relation: number }, action = 2): string =>
      `{"Action":${action},"InvitationType":1,"RelationID":"${simulatorSeed.relationId}","MajorAccountID":${simulatorSeed.majorAccountId},"Relation":${simulatorSeed.relation}}`;

    it('accepts a pending relation invitation with IsSuccess and BaseResp', async () => {
      const answer = await send(simulator, { action: 'HandleInvitation', body: relationBody(simulator.seeded.pendingRelation) });
      expect(answer.status).toBe(200);
      expect(resultOf(answer)).toEqual({ IsSuccess: true, BaseResp: { StatusMessage: '', StatusCode: 0 } });
      expect(simulator.getInvitation({ relationId: simulator.seeded.pendingRelation.relationId })?.state).toBe('accepted');
    });

    it('answers OperationDenied.AccountRelationExist when accepting twice', async () => {
      await send(simulator, { action: 'HandleInvitation', body: relationBody(simulator.seeded.pendingRelation) });
      const answer = await send(simulator, { action: 'HandleInvitation', body: relationBody(simulator.seeded.pendingRelation) });
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatchObject({
        Code: 'OperationDenied.AccountRelationExist',
        Message: 'The relationship between the invited associated account and the operation account already exists!',
      });
    });

    it('answers OperationDenied.AccountRelationExist when given the seeded accepted invitation', async () => {
      const answer = await send(simulator, { action: 'HandleInvitation', body: relationBody(simulator.seeded.acceptedRelation, 3) });
      expect(errorOf(answer).Code).toBe('OperationDenied.AccountRelationExist');
    });

    it('answers OperationDenied.AccountRelationNotExist when accepting after a rejection', async () => {
      expect(
        (await send(simulator, { action: 'HandleInvitation', body: relationBody(simulator.seeded.pendingManagement, 3) })).status,
      ).toBe(200);
      expect(simulator.getInvitation({ relationId: simulator.seeded.pendingManagement.relationId })?.state).toBe('rejected');
      const answer = await send(simulator, { action: 'HandleInvitation', body: relationBody(simulator.seeded.pendingManagement) });
      expect(errorOf(answer).Code).toBe('OperationDenied.AccountRelationNotExist');
    });

    it('answers OperationDenied.AccountRelationNotExist when the major account does not match', async () => {
      const seed = simulator.seeded.pendingRelation;
      const answer = await send(simulator, { action: 'HandleInvitation', body: relationBody({ ...seed, majorAccountId: '2000000001' }) });
      expect(errorOf(answer).Code).toBe('OperationDenied.AccountRelationNotExist');
    });

    it('answers OperationDenied.TrusteeshipSubArrears with the account id filled in when accepting the arrears invitation', async () => {
      const seed = simulator.seeded.arrearsRelation;
      const answer = await send(simulator, { action: 'HandleInvitation', body: relationBody(seed) });
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toEqual({
        Code: 'OperationDenied.TrusteeshipSubArrears',
        Message: `Account ${seed.arrearsAccountId} is in arrears and cannot be linked with trusteeship!`,
      });
      expect((await send(simulator, { action: 'HandleInvitation', body: relationBody(seed, 3) })).status).toBe(200);
    });

    it('accepts an authorization invitation by AuthID', async () => {
      const seed = simulator.seeded.pendingAuthorization;
      const body = handleBody({ Action: 2, InvitationType: 2, RelationID: seed.relationId, AuthID: seed.authId });
      expect(resultOf(await send(simulator, { action: 'HandleInvitation', body })).IsSuccess).toBe(true);
      expect(simulator.getInvitation({ relationId: seed.relationId, authId: seed.authId })?.state).toBe('accepted');
    });

    it('answers IsSuccess: false with HTTP 200 and no error code, changing nothing, for an invitation marked notApplied', async () => {
      const seed = { relationId: 'relNotApplied', majorAccountId: '2000000042', relation: 1 };
      simulator.putInvitation({
        invitationType: 1,
        relationId: seed.relationId,
        relation: 1,
        majorAccountId: seed.majorAccountId,
        majorAccountName: 'm',
        subAccountId: '2100000001',
        subAccountName: 's',
        state: 'pending',
        updatedAt: new Date('2024-05-01T00:00:00Z'),
        notApplied: true,
      });
      const answer = await send(simulator, { action: 'HandleInvitation', body: relationBody(seed) });
      expect(answer.status).toBe(200);
      expect(errorOf(answer)).toEqual({});
      expect(resultOf(answer)).toEqual({ IsSuccess: false, BaseResp: { StatusMessage: '', StatusCode: 0 } });
      expect(simulator.getInvitation({ relationId: seed.relationId })?.state).toBe('pending');
    });

    it('answers ParamInvalid when integers arrive as strings (the seed sample request)', async () => {
      const body = '{"Action":"2","InvitationType":"1","RelationID":"rel7242575109678977324","MajorAccountID":"2000000000","Relation":"1"}';
      const answer = await send(simulator, { action: 'HandleInvitation', body });
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatchObject({ Code: 'ParamInvalid', Message: 'The specified parameter InvitationType is invalid.' });
    });

    it.each([
      [
        'MajorAccountID as a string',
        { Action: 2, InvitationType: 1, RelationID: 'rel7242575109678977324', MajorAccountID: '2000000000', Relation: 1 },
        'ParamInvalid',
        'MajorAccountID',
      ],
      [
        'Relation as a string',
        { Action: 2, InvitationType: 1, RelationID: 'rel7242575109678977324', MajorAccountID: 2000000000, Relation: '1' },
        'ParamInvalid',
        'Relation',
      ],
      ['Action 4', { Action: 4, InvitationType: 1, RelationID: 'rel1', MajorAccountID: 2000000000, Relation: 1 }, 'ParamInvalid', 'Action'],
      ['InvitationType 3', { Action: 2, InvitationType: 3, RelationID: 'rel1' }, 'ParamInvalid', 'InvitationType'],
      [
        'Relation 2',
        { Action: 2, InvitationType: 1, RelationID: 'rel1', MajorAccountID: 2000000000, Relation: 2 },
        'ParamInvalid',
        'Relation',
      ],
      ['no InvitationType', { Action: 2, RelationID: 'rel1' }, 'MissingParameter', 'InvitationType'],
      ['no Action', { InvitationType: 1, RelationID: 'rel1' }, 'MissingParameter', 'Action'],
      ['no RelationID', { Action: 2, InvitationType: 1, MajorAccountID: 2000000000, Relation: 1 }, 'MissingParameter', 'RelationID'],
      [
        'no MajorAccountID for a relation',
        { Action: 2, InvitationType: 1, RelationID: 'rel1', Relation: 1 },
        'MissingParameter',
        'MajorAccountID',
      ],
      [
        'no Relation for a relation',
        { Action: 2, InvitationType: 1, RelationID: 'rel1', MajorAccountID: 2000000000 },
        'MissingParameter',
        'Relation',
      ],
      ['no AuthID for an authorization', { Action: 2, InvitationType: 2, RelationID: 'rel1' }, 'MissingParameter', 'AuthID'],
    ])('answers the parameter error when given %s', async (_label, fields, code, parameter) => {
      const answer = await send(simulator, { action: 'HandleInvitation', body: handleBody(fields) });
      expect(answer.status).toBe(400);
      expect(errorOf(answer).Code).toBe(code);
      expect(String(errorOf(answer).Message)).toContain(` ${parameter} `);
    });

    it('answers ParamInvalid when the body is not JSON', async () => {
      const answer = await send(simulator, { action: 'HandleInvitation', body: 'Action=2' });
      expect(errorOf(answer)).toMatchObject({ Code: 'ParamInvalid', Message: 'The specified parameter body is invalid.' });
    });

    it('records the exact body and parsed integers of accepted requests', async () => {
      const body = relationBody(simulator.seeded.pendingManagement);
      await send(simulator, { action: 'HandleInvitation', body });
      const accepted = simulator.accepted('HandleInvitation').at(0);
      expect(accepted?.rawBody).toBe(body);
      expect(accepted?.body.MajorAccountID).toBe(3000000123);
      expect(accepted?.headers['content-type']).toBe(CONTENT_TYPE);
    });
  });

  describe('ListInvitation', () => {
    it('lists invitations in the SDK shape with state-dependent statuses', async () => {
      await send(simulator, {
        action: 'HandleInvitation',
        body: handleBody({
          Action: 2,
          InvitationType: 2,
          RelationID: simulator.seeded.pendingAuthorization.relationId,
          AuthID: simulator.seeded.pendingAuthorization.authId,
        }),
      });
      const list = resultOf(await send(simulator)).List as unknown[];
      const relation = list.map(record).find((item) => record(item.Relation).RelationID === simulator.seeded.pendingRelation.relationId);
      expect(relation).toEqual({
        InvitationType: 1,
        Relation: {
          RelationID: 'rel7242575109678977324',
          Relation: 1,
          RelationDesc: '财务托管',
          MajorAccountID: 2000000000,
          MajorAccountName: 'Acme Finance HQ',
          SubAccountID: 2100000001,
          SubAccountName: 'sandbox-sub-account',
          Status: 100,
          StatusDesc: '邀约中',
          UpdateTime: '2024-04-01 10:00:00',
          AuthInfo: [],
        },
      });
      const authorization = list.map(record).find((item) => item.InvitationType === 2);
      expect(authorization?.Auth).toEqual({
        AuthID: simulator.seeded.pendingAuthorization.authId,
        AuthList: [1, 3, 5],
        MajorAccountID: 2100250145,
        RelationID: simulator.seeded.pendingAuthorization.relationId,
        SubAccountID: 2100000001,
      });
      expect(record(authorization?.Relation).AuthInfo).toEqual([
        { AuthID: simulator.seeded.pendingAuthorization.authId, AuthList: [1, 3, 5], AuthStatus: 200 },
      ]);
    });

    it('lists nothing when started without seed, then what was put', async () => {
      const empty = await VolcengineBillingSimulator.start({ accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, seed: false });
      try {
        expect(resultOf(await send(empty)).List).toEqual([]);
        empty.putInvitation({
          invitationType: 1,
          relationId: 'relPut1',
          relation: 4,
          majorAccountId: '2999999999',
          majorAccountName: 'Put Co',
          subAccountId: '2100000001',
          subAccountName: 'sub',
          state: 'pending',
          updatedAt: new Date('2024-05-05T00:00:00Z'),
        });
        const list = resultOf(await send(empty)).List as unknown[];
        expect(list).toHaveLength(1);
        expect(record(record(list[0]).Relation)).toMatchObject({
          RelationID: 'relPut1',
          MajorAccountID: 2999999999,
          UpdateTime: '2024-05-05 08:00:00',
        });
      } finally {
        await empty.close();
      }
    });

    it('stops listing an invitation marked unlistedOnceAnswered once it is answered', async () => {
      const listedIds = async (): Promise<unknown[]> =>
        (resultOf(await send(simulator)).List as unknown[]).map((item) => record(record(item).Relation).RelationID);
      simulator.putInvitation({
        invitationType: 1,
        relationId: 'relLeaves',
        relation: 4,
        majorAccountId: '2000000043',
        majorAccountName: 'm',
        subAccountId: '2100000001',
        subAccountName: 's',
        state: 'pending',
        updatedAt: new Date('2024-05-01T00:00:00Z'),
        unlistedOnceAnswered: true,
      });
      expect(await listedIds()).toContain('relLeaves');
      const body = '{"Action":3,"InvitationType":1,"RelationID":"relLeaves","MajorAccountID":2000000043,"Relation":4}';
      expect((await send(simulator, { action: 'HandleInvitation', body })).status).toBe(200);
      expect(await listedIds()).not.toContain('relLeaves');
      expect(simulator.getInvitation({ relationId: 'relLeaves' })?.state).toBe('rejected');
    });

    it('refuses an inconsistent invitation when putting it', () => {
      const base = {
        invitationType: 2 as const,
        relationId: 'rel1',
        relation: 4 as const,
        majorAccountId: '2000000000',
        majorAccountName: 'm',
        subAccountId: '2100000001',
        subAccountName: 's',
        state: 'pending' as const,
        updatedAt: new Date(),
      };
      expect(() => {
        simulator.putInvitation(base);
      }).toThrow(RangeError);
      expect(() => {
        simulator.putInvitation({ ...base, authId: 'a1', majorAccountId: '99999999999999999999' });
      }).toThrow(RangeError);
    });
  });

  describe('faults', () => {
    it('answers an injected error with the code table status and a filled message', async () => {
      simulator.faults.inject('HandleInvitation', { kind: 'error', code: 'OperationDenied.DebtInvoice' });
      const answer = await send(simulator, { action: 'HandleInvitation', body: '{}' });
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toEqual({
        Code: 'OperationDenied.DebtInvoice',
        Message: 'Account 2100000001 owes invoice and cannot be linked with trusteeship!',
      });
      expect((await send(simulator, { action: 'HandleInvitation', body: '{}' })).status).toBe(400);
      expect(errorOf(await send(simulator, { action: 'HandleInvitation', body: '{}' })).Code).toBe('MissingParameter');
    });

    it('uses the given status and message when an injected error has them', async () => {
      simulator.faults.inject(
        'ListInvitation',
        { kind: 'error', code: 'ServiceUnavailableTemp', message: 'maintenance', httpStatus: 502 },
        2,
      );
      const first = await send(simulator);
      const second = await send(simulator);
      expect([first.status, second.status]).toEqual([502, 502]);
      expect(errorOf(first)).toEqual({ Code: 'ServiceUnavailableTemp', Message: 'maintenance' });
      expect((await send(simulator)).status).toBe(200);
    });

    it('answers RequestLimitExceeded with 429 when injected', async () => {
      simulator.faults.inject('*', { kind: 'error', code: 'RequestLimitExceeded' });
      const answer = await send(simulator);
      expect(answer.status).toBe(429);
      expect(errorOf(answer).Code).toBe('RequestLimitExceeded');
    });

    it('holds the answer when given a delay', async () => {
      simulator.faults.inject('ListInvitation', { kind: 'delay', ms: 1_000 });
      simulator.clearRecords();
      const order: string[] = [];
      const delayed = send(simulator).then((answer) => {
        order.push('delayed');
        return answer;
      });
      while (simulator.requests().length === 0) await new Promise((resolve) => setImmediate(resolve));
      await send(simulator);
      order.push('undelayed');
      const answer = await delayed;
      // Order, not elapsed time: the request that came second was answered first.
      expect(order).toEqual(['undelayed', 'delayed']);
      expect(answer.status).toBe(200);
    });

    it('drops the connection when given a reset', async () => {
      simulator.faults.inject('ListInvitation', { kind: 'reset' });
      await expect(send(simulator)).rejects.toThrow();
      expect((await send(simulator)).status).toBe(200);
    });

    it('answers raw text when given a raw fault', async () => {
      simulator.faults.inject('ListInvitation', { kind: 'raw', status: 502, body: '<html>Bad Gateway</html>' });
      const answer = await send(simulator);
      expect(answer.status).toBe(502);
      expect(answer.text).toBe('<html>Bad Gateway</html>');
    });

    it('starts a fault armed with injectAfter only once the trigger action was answered with a Result', async () => {
      simulator.faults.injectAfter('HandleInvitation', 'ListInvitation', { kind: 'error', code: 'InternalError' }, 2);
      expect((await send(simulator)).status).toBe(200);
      // A refused HandleInvitation does not fire it.
      expect((await send(simulator, { action: 'HandleInvitation', body: '{}' })).status).toBe(400);
      expect((await send(simulator)).status).toBe(200);

      const body = `{"Action":2,"InvitationType":1,"RelationID":"${simulator.seeded.pendingRelation.relationId}","MajorAccountID":${simulator.seeded.pendingRelation.majorAccountId},"Relation":1}`;
      expect((await send(simulator, { action: 'HandleInvitation', body })).status).toBe(200);
      const statuses = [(await send(simulator)).status, (await send(simulator)).status, (await send(simulator)).status];
      expect(statuses).toEqual([500, 500, 200]);
    });

    it('drops armed faults on clear', async () => {
      simulator.faults.injectAfter('HandleInvitation', 'ListInvitation', { kind: 'error', code: 'InternalError' });
      simulator.faults.clear();
      const body = `{"Action":3,"InvitationType":1,"RelationID":"${simulator.seeded.pendingRelation.relationId}","MajorAccountID":${simulator.seeded.pendingRelation.majorAccountId},"Relation":1}`;
      expect((await send(simulator, { action: 'HandleInvitation', body })).status).toBe(200);
      expect((await send(simulator)).status).toBe(200);
    });

    it('ends a pending delay when closed', async () => {
      const other = await VolcengineBillingSimulator.start({ accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY });
      other.faults.inject('ListInvitation', { kind: 'delay', ms: 60_000 });
      const pending = send(other);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await other.close();
      await expect(pending).rejects.toThrow();
    });
  });

  describe('records', () => {
    it('records every request and clears them on demand', async () => {
      await send(simulator, { accessKeyId: 'AKLTnobody' });
      await send(simulator);
      expect(simulator.requests()).toHaveLength(2);
      expect(simulator.requests()[0]?.url).toBe('/?Action=ListInvitation&Version=2022-01-01');
      expect(simulator.accepted('ListInvitation')).toHaveLength(1);
      simulator.clearRecords();
      expect(simulator.requests()).toHaveLength(0);
      expect(simulator.accepted('ListInvitation')).toHaveLength(0);
    });

    it('lists one opaque id per seeded invitation', () => {
      const ids = simulator.seededInvitationIds();
      expect(ids).toHaveLength(simulator.seeded.all.length);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });
});

import { request } from 'undici';
import type { VendorCall, VendorTransport, WireRequest } from '../../../datasources/http/vendor-call';
import { handleInvitationBody, VolcengineBillingClient } from '../../../datasources/volcengine-billing/client';
import { decodeInvitationId } from '../../../datasources/volcengine-billing/invitation-id';
import {
  FinancialRelation,
  InvitationDecision,
  InvitationType,
  type HandleInvitationCommand,
} from '../../../datasources/volcengine-billing/model';
import { parseVolcAuthorization, sha256Hex } from '../../../datasources/volcengine-billing/sign';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';
import { VolcengineBillingSimulator } from '../../../src/sandbox/volcengine-billing/simulator';

const ACCESS_KEY_ID = 'AKLTsandbox';
const SECRET_ACCESS_KEY = 'sandbox-secret';

/**
 * Just enough transport for these tests: builds the call at `now`, sends it with undici and parses the
 * answer. Records the built calls so tests can assert on what the client asked for.
 */
class RecordingTransport implements VendorTransport {
  readonly calls: { operation: string; kind: string; idempotent: boolean | undefined; wire: WireRequest }[] = [];

  constructor(
    private readonly origin: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute<T>(call: VendorCall<T>): Promise<T> {
    const wire = call.build(this.now());
    this.calls.push({ operation: call.operation, kind: call.kind, idempotent: call.idempotent, wire });
    const answer = await request(`${this.origin}${wire.path}`, { method: wire.method, headers: { ...wire.headers }, body: wire.body });
    const body = Buffer.from(await answer.body.arrayBuffer());
    return call.parse({ status: answer.statusCode, headers: answer.headers, body });
  }
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected a throw');
}

async function rejection(promise: Promise<unknown>): Promise<VendorError> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error('expected a VendorError');
}

describe('VolcengineBillingClient', () => {
  let simulator: VolcengineBillingSimulator;
  let transport: RecordingTransport;
  let client: VolcengineBillingClient;

  beforeEach(async () => {
    simulator = await VolcengineBillingSimulator.start({ accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY });
    transport = new RecordingTransport(simulator.url);
    client = new VolcengineBillingClient({
      transport,
      endpoint: simulator.url,
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
      region: 'cn-north-1',
    });
  });

  afterEach(async () => {
    await simulator.close();
  });

  it('accepts a pending relation invitation and sends integers as JSON integers', async () => {
    const seed = simulator.seeded.pendingRelation;
    const result = await client.handleInvitation(
      {
        type: InvitationType.RELATION,
        decision: InvitationDecision.ACCEPT,
        relationId: seed.relationId,
        majorAccountId: seed.majorAccountId,
        relation: FinancialRelation.FINANCIAL_CUSTODY,
      },
      { idempotent: true },
    );
    expect(result.requestId).toMatch(/^\d{14}[0-9A-F]{20}$/);
    const sent = simulator.accepted('HandleInvitation').at(0);
    expect(sent?.rawBody).toBe(
      `{"Action":2,"InvitationType":1,"RelationID":"${seed.relationId}","MajorAccountID":${seed.majorAccountId},"Relation":1}`,
    );
    expect(sent?.body).toEqual({
      Action: 2,
      InvitationType: 1,
      RelationID: seed.relationId,
      MajorAccountID: Number(seed.majorAccountId),
      Relation: 1,
    });
    expect(simulator.getInvitation({ relationId: seed.relationId })?.state).toBe('accepted');
  });

  it('builds a signed write call with host, content type and query on the wire', async () => {
    const seed = simulator.seeded.pendingManagement;
    await client.handleInvitation(
      {
        type: InvitationType.RELATION,
        decision: InvitationDecision.REJECT,
        relationId: seed.relationId,
        majorAccountId: seed.majorAccountId,
        relation: FinancialRelation.FINANCIAL_MANAGEMENT,
      },
      { idempotent: false },
    );
    const call = transport.calls.at(0);
    expect(call).toMatchObject({ operation: 'HandleInvitation', kind: 'write', idempotent: false });
    expect(call?.wire.method).toBe('POST');
    expect(call?.wire.path).toBe('/?Action=HandleInvitation&Version=2022-01-01');
    const received = simulator.requests().at(0);
    expect(received?.headers.host).toBe(new URL(simulator.url).host);
    expect(received?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(received?.headers['x-content-sha256']).toBe(sha256Hex(received?.body ?? ''));
    const authorization = parseVolcAuthorization(String(received?.headers.authorization));
    expect(authorization).toMatchObject({ accessKeyId: ACCESS_KEY_ID, region: 'cn-north-1', service: 'billing' });
    expect(authorization?.signedHeaders).toEqual(['content-type', 'host', 'x-content-sha256', 'x-date']);
    expect(simulator.getInvitation({ relationId: seed.relationId })?.state).toBe('rejected');
  });

  it('sends AuthID and no relation fields when given an authorization invitation', async () => {
    const seed = simulator.seeded.pendingAuthorization;
    const result = await client.handleInvitation(
      { type: InvitationType.AUTHORIZATION, decision: InvitationDecision.ACCEPT, relationId: seed.relationId, authId: seed.authId },
      { idempotent: true },
    );
    expect(result.requestId).toMatch(/^\d{14}[0-9A-F]{20}$/);
    expect(simulator.accepted('HandleInvitation')[0]?.rawBody).toBe(
      `{"Action":2,"InvitationType":2,"RelationID":"${seed.relationId}","AuthID":"${seed.authId}"}`,
    );
  });

  it('throws ALREADY_EXISTS with the vendor code when accepting twice', async () => {
    const seed = simulator.seeded.pendingRelation;
    const command: HandleInvitationCommand = {
      type: InvitationType.RELATION,
      decision: InvitationDecision.ACCEPT,
      relationId: seed.relationId,
      majorAccountId: seed.majorAccountId,
      relation: FinancialRelation.FINANCIAL_CUSTODY,
    };
    await client.handleInvitation(command, { idempotent: true });
    const error = await rejection(client.handleInvitation(command, { idempotent: true }));
    expect(error).toMatchObject({ code: ErrorCode.ALREADY_EXISTS, vendorCode: 'OperationDenied.AccountRelationExist' });
    expect(error.vendorRequestId).toMatch(/^\d{14}/);
  });

  it('throws FAILED_PRECONDITION with the filled-in vendor message when the account is in arrears', async () => {
    const seed = simulator.seeded.arrearsRelation;
    const error = await rejection(
      client.handleInvitation(
        {
          type: InvitationType.RELATION,
          decision: InvitationDecision.ACCEPT,
          relationId: seed.relationId,
          majorAccountId: seed.majorAccountId,
          relation: FinancialRelation.FINANCIAL_CUSTODY,
        },
        { idempotent: true },
      ),
    );
    expect(error).toMatchObject({
      code: ErrorCode.FAILED_PRECONDITION,
      vendorCode: 'OperationDenied.TrusteeshipSubArrears',
      vendorMessage: `Account ${seed.arrearsAccountId} is in arrears and cannot be linked with trusteeship!`,
    });
  });

  it('throws FAILED_PRECONDITION, not a result, when the vendor answers IsSuccess: false', async () => {
    const seed = { relationId: 'rel-not-applied', majorAccountId: '2000000009', relation: 1 as const };
    simulator.putInvitation({
      invitationType: 1,
      ...seed,
      majorAccountName: 'm',
      subAccountId: '2100000001',
      subAccountName: 's',
      state: 'pending',
      updatedAt: new Date('2024-05-01T00:00:00Z'),
      notApplied: true,
    });
    const error = await rejection(
      client.handleInvitation(
        {
          type: InvitationType.RELATION,
          decision: InvitationDecision.REJECT,
          relationId: seed.relationId,
          majorAccountId: seed.majorAccountId,
          relation: FinancialRelation.FINANCIAL_CUSTODY,
        },
        { idempotent: true },
      ),
    );
    expect(error).toMatchObject({
      code: ErrorCode.FAILED_PRECONDITION,
      vendor: 'VOLCENGINE_BILLING',
      vendorCode: undefined,
      retryable: false,
    });
    expect(error.vendorRequestId).toMatch(/^\d{14}[0-9A-F]{20}$/);
    expect(simulator.getInvitation({ relationId: seed.relationId })?.state).toBe('pending');
  });

  it("keeps a non-empty BaseResp.StatusMessage of an IsSuccess: false answer as the vendor's message", async () => {
    simulator.faults.inject('HandleInvitation', {
      kind: 'raw',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        ResponseMetadata: { RequestId: 'req-not-applied' },
        Result: { IsSuccess: false, BaseResp: { StatusCode: 0, StatusMessage: '邀约已失效' } },
      }),
    });
    const seed = simulator.seeded.pendingRelation;
    const error = await rejection(
      client.handleInvitation(
        {
          type: InvitationType.RELATION,
          decision: InvitationDecision.ACCEPT,
          relationId: seed.relationId,
          majorAccountId: seed.majorAccountId,
          relation: FinancialRelation.FINANCIAL_CUSTODY,
        },
        { idempotent: true },
      ),
    );
    expect(error).toMatchObject({ code: ErrorCode.FAILED_PRECONDITION, vendorMessage: '邀约已失效', vendorRequestId: 'req-not-applied' });
  });

  it('throws NOT_FOUND when given a relation the vendor does not know', async () => {
    const error = await rejection(
      client.handleInvitation(
        {
          type: InvitationType.RELATION,
          decision: InvitationDecision.ACCEPT,
          relationId: 'rel0000',
          majorAccountId: '2000000000',
          relation: FinancialRelation.FINANCIAL_CUSTODY,
        },
        { idempotent: true },
      ),
    );
    expect(error).toMatchObject({ code: ErrorCode.NOT_FOUND, vendorCode: 'OperationDenied.AccountRelationNotExist' });
  });

  it('lists the seeded invitations as records with decodable ids', async () => {
    const records = await client.listInvitations();
    expect(transport.calls[0]).toMatchObject({ operation: 'ListInvitation', kind: 'read' });
    // VENDORS.md: `POST /?Action=ListInvitation&Version=2022-01-01`, body `{}`.
    expect(transport.calls[0]?.wire).toMatchObject({ method: 'POST', path: '/?Action=ListInvitation&Version=2022-01-01', body: '{}' });
    expect(records).toHaveLength(simulator.seeded.all.length);
    const management = records.find((record) => record.relationId === simulator.seeded.pendingManagement.relationId);
    expect(management).toMatchObject({
      type: InvitationType.RELATION,
      relation: FinancialRelation.FINANCIAL_MANAGEMENT,
      majorAccountId: '3000000123',
      subAccountId: '2100000001',
      statusCode: 100,
    });
    const authorization = records.find((record) => record.type === InvitationType.AUTHORIZATION);
    expect(authorization?.authId).toBe(simulator.seeded.pendingAuthorization.authId);
    expect(records.map((record) => record.id).sort()).toEqual([...simulator.seededInvitationIds()].sort());
    for (const record of records) expect(decodeInvitationId(record.id)).toBeDefined();
  });

  it('throws VENDOR_AUTH_FAILED when the secret is wrong', async () => {
    const wrong = new VolcengineBillingClient({
      transport,
      endpoint: simulator.url,
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: 'not-the-secret' },
      region: 'cn-north-1',
    });
    const error = await rejection(wrong.listInvitations());
    expect(error).toMatchObject({ code: ErrorCode.VENDOR_AUTH_FAILED, vendorCode: 'SignatureDoesNotMatch' });
  });

  it('throws VENDOR_AUTH_FAILED with InvalidTimestamp when our clock is 20 minutes off', async () => {
    const skewed = new VolcengineBillingClient({
      transport: new RecordingTransport(simulator.url, () => new Date(Date.now() - 20 * 60 * 1000)),
      endpoint: simulator.url,
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
      region: 'cn-north-1',
    });
    const error = await rejection(skewed.listInvitations());
    expect(error).toMatchObject({ code: ErrorCode.VENDOR_AUTH_FAILED, vendorCode: 'InvalidTimestamp' });
  });

  it('throws VENDOR_UNAVAILABLE when the vendor answers with a proxy page', async () => {
    simulator.faults.inject('ListInvitation', { kind: 'raw', status: 502, body: '<html>Bad Gateway</html>' });
    const error = await rejection(client.listInvitations());
    expect(error.code).toBe(ErrorCode.VENDOR_UNAVAILABLE);
    expect(error.message).not.toContain('Bad Gateway');
  });

  it('throws RATE_LIMITED with retryAfterSeconds when the vendor throttles', async () => {
    simulator.faults.inject('ListInvitation', { kind: 'error', code: 'FlowLimitExceeded' });
    const error = await rejection(client.listInvitations());
    expect(error).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 1, retryable: true });
  });

  it('rejects a non-numeric majorAccountId before any call', async () => {
    const error = await rejection(
      client.handleInvitation(
        {
          type: InvitationType.RELATION,
          decision: InvitationDecision.ACCEPT,
          relationId: 'rel1',
          majorAccountId: '20000000e0',
          relation: FinancialRelation.FINANCIAL_CUSTODY,
        },
        { idempotent: false },
      ),
    );
    expect(error).toMatchObject({ code: ErrorCode.INVALID_INPUT, field: 'MajorAccountID' });
    expect(transport.calls).toHaveLength(0);
  });
});

describe('handleInvitationBody', () => {
  it('produces test vector 2 body byte for byte', () => {
    expect(
      handleInvitationBody({
        type: InvitationType.RELATION,
        decision: InvitationDecision.ACCEPT,
        relationId: 'rel7242575109678977324',
        majorAccountId: '2000000000',
        relation: FinancialRelation.FINANCIAL_CUSTODY,
      }),
    ).toBe('{"Action":2,"InvitationType":1,"RelationID":"rel7242575109678977324","MajorAccountID":2000000000,"Relation":1}');
  });

  it('keeps every digit when given a UID beyond 2^53', () => {
    const body = handleInvitationBody({
      type: InvitationType.RELATION,
      decision: InvitationDecision.REJECT,
      relationId: 'rel1',
      majorAccountId: '90071992547409931234',
      relation: FinancialRelation.FINANCIAL_MANAGEMENT,
    });
    expect(body).toBe('{"Action":3,"InvitationType":1,"RelationID":"rel1","MajorAccountID":90071992547409931234,"Relation":4}');
  });

  it.each([
    ['an empty relationId', { relationId: '' }, 'RelationID'],
    ['a padded relationId', { relationId: ' rel1' }, 'RelationID'],
    ['a leading zero', { majorAccountId: '0123' }, 'MajorAccountID'],
    ['a negative UID', { majorAccountId: '-1' }, 'MajorAccountID'],
  ])('throws INVALID_INPUT when given %s', (_label, change, field) => {
    const command: HandleInvitationCommand = {
      type: InvitationType.RELATION,
      decision: InvitationDecision.ACCEPT,
      relationId: 'rel1',
      majorAccountId: '2000000000',
      relation: FinancialRelation.FINANCIAL_CUSTODY,
      ...change,
    };
    expect(thrownBy(() => handleInvitationBody(command))).toMatchObject({ code: ErrorCode.INVALID_INPUT, field });
  });

  it('throws INVALID_INPUT when given an authorization invitation without an authId', () => {
    expect(
      thrownBy(() =>
        handleInvitationBody({ type: InvitationType.AUTHORIZATION, decision: InvitationDecision.ACCEPT, relationId: 'rel1', authId: '' }),
      ),
    ).toMatchObject({ code: ErrorCode.INVALID_INPUT, field: 'AuthID' });
  });
});

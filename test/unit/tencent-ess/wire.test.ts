import pino from 'pino';
import { VendorHttpClient } from '../../../datasources/http/vendor-http-client';
import { TencentEssClient } from '../../../datasources/tencent-ess/client';
import { ReleasedApproverType, RemindType, SignComponentType } from '../../../datasources/tencent-ess/model';
import { toCreateReleaseFlowCommand } from '../../../resolvers/flow/create-release-flow.validation';
import { CreateReleaseFlowInput, ReleasedApproverInput } from '../../../resolvers/flow/create-release-flow.input';
import { Vendor } from '../../../src/errors/vendor';
import { TencentEssSimulator } from '../../../src/sandbox/tencent-ess/simulator';

/**
 * What ESS receives, over real HTTP and the real signer, for every optional input of `createReleaseFlow`
 * and `remindFlows`. Expected bodies are literal and follow `shared/VENDORS.md` ("CreateReleaseFlow",
 * "CreateFlowReminds") and the seeds' sample requests: key names (`ReliveInfo`, `RelievedApproverRecipientId`,
 * `ApproverSignRole`, `ApproverSignSealId`, `RemindTypes`), types, nesting, and `Deadline` in Unix seconds.
 */

const SECRET_ID = 'AKIDwireTest00000000000000000000';
const SECRET_KEY = 'wireTestSecretKey000000000000000';
const OPERATOR = 'yDxjOUUgydjxxxxxjEWA07rC2xl';
/** 2026-01-01T00:00:00Z is Unix second 1767225600. */
const DEADLINE = new Date('2026-01-01T00:00:00.000Z');
const BEFORE_DEADLINE = new Date('2025-06-01T00:00:00.000Z');

describe('TencentEssClient on the wire', () => {
  let simulator: TencentEssSimulator;
  let transport: VendorHttpClient;
  let client: TencentEssClient;

  beforeAll(async () => {
    simulator = await TencentEssSimulator.start({ secretId: SECRET_ID, secretKey: SECRET_KEY, seed: false });
    transport = new VendorHttpClient({
      vendor: Vendor.TENCENT_ESS,
      endpoint: simulator.url,
      timeoutMs: 5_000,
      logger: pino({ level: 'silent' }),
      retry: { maxAttempts: 1 },
    });
    client = new TencentEssClient({ transport, endpoint: simulator.url, credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY } });
  });
  afterEach(() => {
    simulator.faults.clear();
    simulator.clearRecords();
  });
  afterAll(async () => {
    await transport.close();
    await simulator.close();
  });

  /** The vendor accepts the request (its body is recorded) and answers as the seed's sample does. */
  function answer(response: Record<string, unknown>): void {
    simulator.faults.inject('*', {
      kind: 'raw',
      status: 200,
      body: JSON.stringify({ Response: { ...response, RequestId: 's18776xxx345780' } }),
    });
  }

  function sentBody(action: string): unknown {
    const requests = simulator.accepted(action);
    expect(requests).toHaveLength(1);
    return requests[0]?.body;
  }

  it('sends every optional createReleaseFlow field under its documented name, type and unit', async () => {
    const input = Object.assign(new CreateReleaseFlowInput(), {
      flowId: 'yDwnGUUgygkgi7fdUx6JlVOE0wxxxxx',
      reason: '因为业务调整,结束合作。',
      remainInForceItem: '在业务结束前已产生的订单依旧有效。',
      originalExpenseSettlement: '甲方需付给乙方xxxx以作赔偿',
      originalOtherSettlement: '无',
      otherDeals: '双方另行协商',
      releasedApprovers: [
        Object.assign(new ReleasedApproverInput(), {
          name: '典子谦',
          mobile: '1870000000',
          recipientId: 'yDRscUUgyg1zr7vjUyJ8QKxxxxxxx',
          approverType: ReleasedApproverType.ENTERPRISESERVER,
          signComponentType: SignComponentType.SIGN_SIGNATURE,
          signRole: '法务负责人',
          sealId: 'yDsealUUgyg1zr7vjUyJ8QK0000001',
        }),
        Object.assign(new ReleasedApproverInput(), {
          name: '李四',
          mobile: '+8613800138001',
          approverType: ReleasedApproverType.ORGANIZATION,
          signComponentType: SignComponentType.SIGN_SEAL,
        }),
      ],
      deadline: DEADLINE,
      userData: '{"orderNo":"PO-2024-001"}',
      idempotencyKey: 'not-sent-to-the-vendor',
    });
    answer({ FlowId: 'yDRscAABDg1zr7vjUyJ8QKxxxxxxx' });

    const result = await client.createReleaseFlow(OPERATOR, toCreateReleaseFlowCommand(input, BEFORE_DEADLINE), { idempotent: true });

    expect(result).toEqual({ releaseFlowId: 'yDRscAABDg1zr7vjUyJ8QKxxxxxxx', requestId: 's18776xxx345780' });
    expect(sentBody('CreateReleaseFlow')).toStrictEqual({
      Operator: { UserId: 'yDxjOUUgydjxxxxxjEWA07rC2xl' },
      NeedRelievedFlowId: 'yDwnGUUgygkgi7fdUx6JlVOE0wxxxxx',
      ReliveInfo: {
        Reason: '因为业务调整,结束合作。',
        RemainInForceItem: '在业务结束前已产生的订单依旧有效。',
        OriginalExpenseSettlement: '甲方需付给乙方xxxx以作赔偿',
        OriginalOtherSettlement: '无',
        OtherDeals: '双方另行协商',
      },
      ReleasedApprovers: [
        {
          Name: '典子谦',
          Mobile: '1870000000',
          RelievedApproverRecipientId: 'yDRscUUgyg1zr7vjUyJ8QKxxxxxxx',
          ApproverType: 'ENTERPRISESERVER',
          ApproverSignComponentType: 'SIGN_SIGNATURE',
          ApproverSignRole: '法务负责人',
          ApproverSignSealId: 'yDsealUUgyg1zr7vjUyJ8QK0000001',
        },
        { Name: '李四', Mobile: '+8613800138001', ApproverType: 'ORGANIZATION', ApproverSignComponentType: 'SIGN_SEAL' },
      ],
      Deadline: 1767225600,
      UserData: '{"orderNo":"PO-2024-001"}',
    });
  });

  it('sends Deadline as whole Unix seconds, rounded down, when the instant has milliseconds', async () => {
    answer({ FlowId: 'release-1' });
    await client.createReleaseFlow(
      OPERATOR,
      { flowId: 'f1', reason: 'r', deadline: new Date('2026-01-01T00:00:00.999Z') },
      { idempotent: false },
    );
    expect(sentBody('CreateReleaseFlow')).toStrictEqual({
      Operator: { UserId: OPERATOR },
      NeedRelievedFlowId: 'f1',
      ReliveInfo: { Reason: 'r' },
      Deadline: 1767225600,
    });
  });

  it('sends only the required fields when no optional input is given (seed example 1 shape)', async () => {
    answer({ FlowId: 'yDwnGUUgygkgi7fdUx6JlVOE0wzmtxxx' });
    const command = toCreateReleaseFlowCommand(
      Object.assign(new CreateReleaseFlowInput(), {
        flowId: 'xxxnGUUgygkgi7fdUx6JlVOE0wzdddd',
        reason: '因为业务调整,结束合作。',
        releasedApprovers: null,
        deadline: null,
        userData: null,
      }),
      BEFORE_DEADLINE,
    );
    await client.createReleaseFlow('xxxOUUgyxxxxEWA0dddl', command, { idempotent: false });
    expect(sentBody('CreateReleaseFlow')).toStrictEqual({
      Operator: { UserId: 'xxxOUUgyxxxxEWA0dddl' },
      NeedRelievedFlowId: 'xxxnGUUgygkgi7fdUx6JlVOE0wzdddd',
      ReliveInfo: { Reason: '因为业务调整,结束合作。' },
    });
  });

  it('signs and labels the request as the vendor documents when creating a release flow', async () => {
    answer({ FlowId: 'release-1' });
    await client.createReleaseFlow(OPERATOR, { flowId: 'f1', reason: 'r' }, { idempotent: false });
    const headers = simulator.accepted('CreateReleaseFlow')[0]?.headers;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-tc-action']).toBe('CreateReleaseFlow');
    expect(headers['x-tc-version']).toBe('2020-11-11');
    expect(headers['x-tc-language']).toBe('en-US');
    expect(String(headers['x-tc-timestamp'])).toMatch(/^\d{10}$/);
    expect(String(headers.authorization)).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDwireTest0{20}\/\d{4}-\d{2}-\d{2}\/ess\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/,
    );
  });

  it('sends RemindTypes with the documented strings when remindFlows asks for SMS and EMAIL', async () => {
    answer({ RemindFlowRecords: [{ CanRemind: true, FlowId: 'xxx', RemindMessage: '签署人 xxx: 此签署人已催办过;' }] });
    const records = await client.createFlowReminds('xxx', ['xxx', 'yyy'], [RemindType.SMS, RemindType.EMAIL]);
    expect(sentBody('CreateFlowReminds')).toStrictEqual({
      Operator: { UserId: 'xxx' },
      FlowIds: ['xxx', 'yyy'],
      RemindTypes: ['SMS', 'EMAIL'],
    });
    expect(records).toEqual([{ flowId: 'xxx', canRemind: true, message: '签署人 xxx: 此签署人已催办过;' }]);
    expect(simulator.accepted('CreateFlowReminds')[0]?.headers['x-tc-action']).toBe('CreateFlowReminds');
  });

  it('sends the seed sample body without RemindTypes when none or an empty list is given', async () => {
    answer({ RemindFlowRecords: [] });
    await client.createFlowReminds('xxx', ['xxx']);
    expect(sentBody('CreateFlowReminds')).toStrictEqual({ Operator: { UserId: 'xxx' }, FlowIds: ['xxx'] });
    simulator.clearRecords();
    answer({ RemindFlowRecords: [] });
    await client.createFlowReminds('xxx', ['xxx'], []);
    expect(sentBody('CreateFlowReminds')).toStrictEqual({ Operator: { UserId: 'xxx' }, FlowIds: ['xxx'] });
  });

  it('sends Operator and FlowIds to DescribeFlowInfo and makes no call for no ids', async () => {
    answer({ FlowDetailInfos: [{ FlowId: 'a', FlowStatus: 21 }] });
    const flows = await client.describeFlows(OPERATOR, ['a', 'b']);
    expect(sentBody('DescribeFlowInfo')).toStrictEqual({ Operator: { UserId: OPERATOR }, FlowIds: ['a', 'b'] });
    expect(simulator.accepted('DescribeFlowInfo')[0]?.headers['x-tc-action']).toBe('DescribeFlowInfo');
    expect(flows.get('a')?.status).toBe('RELEASED');

    simulator.clearRecords();
    expect((await client.describeFlows(OPERATOR, [])).size).toBe(0);
    expect(simulator.requests()).toHaveLength(0);
  });

  it('refuses more than 100 FlowIds before calling the vendor', async () => {
    const ids = Array.from({ length: 101 }, (_, index) => `f${index}`);
    await expect(client.describeFlows(OPERATOR, ids)).rejects.toThrow('describeFlows takes at most 100 ids');
    expect(simulator.requests()).toHaveLength(0);
    answer({ FlowDetailInfos: [] });
    await expect(client.describeFlows(OPERATOR, ids.slice(0, 100))).resolves.toEqual(new Map());
  });

  it('answers VENDOR_UNAVAILABLE when the CreateReleaseFlow answer lacks FlowId', async () => {
    answer({});
    await expect(client.createReleaseFlow(OPERATOR, { flowId: 'f1', reason: 'r' }, { idempotent: false })).rejects.toMatchObject({
      code: 'VENDOR_UNAVAILABLE',
      message: "The vendor's answer lacks FlowId.",
      vendorRequestId: 's18776xxx345780',
    });
  });
});

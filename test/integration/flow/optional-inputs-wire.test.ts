import { CreateReleaseFlowIdsDocument, RemindFlowsIdsDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * Every optional input of `createReleaseFlow` and `remindFlows`, sent through GraphQL, as ESS receives it:
 * the literal body the vendor parses, with the names, types, units and nesting of `shared/VENDORS.md`
 * ("CreateReleaseFlow": `Deadline` in Unix seconds, `ReleasedApprover` fields; "CreateFlowReminds":
 * `RemindTypes[]`). The vendor's answer is the seed's sample, so only the request is under test.
 */
describe('optional mutation inputs on the ESS wire', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ operatorId: 'yDxjOUUgydjxxxxxjEWA07rC2xl' });
  });
  afterEach(() => {
    t.ess.faults.clear();
    t.ess.clearRecords();
  });
  afterAll(() => t.close());

  it('sends every optional createReleaseFlow input under its documented key when all are given', async () => {
    t.ess.faults.inject('CreateReleaseFlow', {
      kind: 'raw',
      status: 200,
      body: JSON.stringify({ Response: { FlowId: 'yDRscAABDg1zr7vjUyJ8QKxxxxxxx', RequestId: 's1989876373464' } }),
    });

    const result = await t.graphql(CreateReleaseFlowIdsDocument, {
      input: {
        flowId: 'yDwnGUUgygkgi7fdUx6JlVOE0wxxxxx',
        reason: '因为业务调整,结束合作。',
        remainInForceItem: '在业务结束前已产生的订单依旧有效。',
        originalExpenseSettlement: '甲方需付给乙方xxxx以作赔偿',
        originalOtherSettlement: '无',
        otherDeals: '双方另行协商',
        releasedApprovers: [
          {
            name: '典子谦',
            mobile: '1870000000',
            recipientId: 'yDRscUUgyg1zr7vjUyJ8QKxxxxxxx',
            approverType: 'ENTERPRISESERVER',
            signComponentType: 'SIGN_SIGNATURE',
            signRole: '法务负责人',
            sealId: 'yDsealUUgyg1zr7vjUyJ8QK0000001',
          },
        ],
        deadline: '2099-01-01T00:00:00.000Z',
        userData: '{"orderNo":"PO-2024-001"}',
        idempotencyKey: 'wire-all-optional-inputs',
      },
    });

    expect(result.data?.createReleaseFlow).toMatchObject({
      __typename: 'CreateReleaseFlowSuccess',
      releaseFlowId: 'yDRscAABDg1zr7vjUyJ8QKxxxxxxx',
      originalFlowId: 'yDwnGUUgygkgi7fdUx6JlVOE0wxxxxx',
    });
    expect(t.ess.accepted('CreateReleaseFlow').map((request) => request.body)).toStrictEqual([
      {
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
        ],
        // 2099-01-01T00:00:00Z in Unix seconds (not milliseconds).
        Deadline: 4070908800,
        UserData: '{"orderNo":"PO-2024-001"}',
      },
    ]);
  });

  it('sends RemindTypes as documented, once each, when remindFlows is given remindTypes', async () => {
    t.ess.faults.inject('CreateFlowReminds', {
      kind: 'raw',
      status: 200,
      body: JSON.stringify({
        Response: { RemindFlowRecords: [{ CanRemind: true, FlowId: 'xxx', RemindMessage: '' }], RequestId: 's1675154686215203499' },
      }),
    });

    const result = await t.graphql(RemindFlowsIdsDocument, {
      input: { flowIds: ['xxx', 'yyy', 'xxx'], remindTypes: ['EMAIL', 'SMS', 'EMAIL'] },
    });

    expect(result.data?.remindFlows.__typename).toBe('RemindFlowsSuccess');
    expect(t.ess.accepted('CreateFlowReminds').map((request) => request.body)).toStrictEqual([
      { Operator: { UserId: 'yDxjOUUgydjxxxxxjEWA07rC2xl' }, FlowIds: ['xxx', 'yyy'], RemindTypes: ['EMAIL', 'SMS'] },
    ]);
  });
});

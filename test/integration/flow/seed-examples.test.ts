import { CreateReleaseFlowDocument, RemindFlowsDocument } from '../../generated/graphql';
import { makeFlows } from '../../../src/sandbox/tencent-ess/simulator';
import type { EssFlowDetail } from '../../../src/sandbox/tencent-ess/simulator';
import { startTestApp, type TestApp } from '../../support/test-app';

/** A signed flow with the seed's ids, so the vendor-side rules accept the documented requests. */
function signedFlow(flowId: string, recipientIds: readonly string[] = ['yDRsoriginal0000000000000000001']): EssFlowDetail {
  const template = makeFlows(1, flowId).at(0);
  if (!template) throw new Error('makeFlows returned nothing');
  return {
    ...template,
    FlowId: flowId,
    FlowStatus: 4,
    FlowApproverInfos: recipientIds.map((recipientId, index) => ({
      ...template.FlowApproverInfos[0],
      RecipientId: recipientId,
      Mobile: `1380013800${index}`,
      ApproveStatus: 3,
    })),
  };
}

describe('CreateReleaseFlow and CreateFlowReminds seed examples', () => {
  describe('example 1: release with the original signers', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ operatorId: 'xxxOUUgyxxxxEWA0dddl' });
    });
    afterAll(() => t.close());

    const input = {
      flowId: 'xxxnGUUgygkgi7fdUx6JlVOE0wzdddd',
      reason: '因为业务调整,结束合作。',
      remainInForceItem: '在业务结束前已产生的订单依旧有效。',
      originalExpenseSettlement: '甲方需付给乙方xxxxxx以作赔偿',
      originalOtherSettlement: '无',
      otherDeals: '无',
    };

    it('sends exactly the documented request body', async () => {
      t.ess.putFlow(signedFlow(input.flowId));
      const result = await t.graphql(CreateReleaseFlowDocument, { input });
      expect(result.data?.createReleaseFlow.__typename).toBe('CreateReleaseFlowSuccess');
      const sent = t.ess.accepted('CreateReleaseFlow').at(0);
      expect(sent?.body).toEqual({
        Operator: { UserId: 'xxxOUUgyxxxxEWA0dddl' },
        NeedRelievedFlowId: 'xxxnGUUgygkgi7fdUx6JlVOE0wzdddd',
        ReliveInfo: {
          OriginalExpenseSettlement: '甲方需付给乙方xxxxxx以作赔偿',
          OriginalOtherSettlement: '无',
          OtherDeals: '无',
          Reason: '因为业务调整,结束合作。',
          RemainInForceItem: '在业务结束前已产生的订单依旧有效。',
        },
      });
      expect(sent?.headers['x-tc-action']).toBe('CreateReleaseFlow');
      expect(sent?.headers['x-tc-version']).toBe('2020-11-11');
      expect(String(sent?.headers.authorization)).toMatch(
        /^TC3-HMAC-SHA256 Credential=AKID\S+\/\d{4}-\d{2}-\d{2}\/ess\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/,
      );
    });

    it('maps the documented response to CreateReleaseFlowSuccess with both flows', async () => {
      const releaseFlowId = 'yDwnGUUgygkgi7fdUx6JlVOE0wzmtxxx';
      t.ess.putFlow({ ...signedFlow(releaseFlowId), FlowStatus: 1, FlowName: '解除协议' });
      t.ess.faults.inject('CreateReleaseFlow', {
        kind: 'raw',
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ Response: { FlowId: releaseFlowId, RequestId: 's18776xxx345780' } }),
      });
      const result = await t.graphql(CreateReleaseFlowDocument, { input });
      const outcome = result.data?.createReleaseFlow;
      expect(result.errors).toBeUndefined();
      expect(outcome?.__typename).toBe('CreateReleaseFlowSuccess');
      if (outcome?.__typename !== 'CreateReleaseFlowSuccess') return;
      expect(outcome.releaseFlowId).toBe(releaseFlowId);
      expect(outcome.originalFlowId).toBe(input.flowId);
      expect(outcome.releaseFlow?.id).toBe(releaseFlowId);
      expect(outcome.releaseFlow?.status).toBe('PENDING_SIGNATURE');
      expect(outcome.originalFlow).toEqual({ id: input.flowId, status: 'SIGNED' });
    });
  });

  describe('example 2: release replacing an original signer', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ operatorId: 'yDxjOUUgydjxxxxxjEWA07rC2xl' });
    });
    afterAll(() => t.close());

    it('sends the documented body, with the current RecipientId spelling of the replaced signer', async () => {
      t.ess.putFlow(signedFlow('yDwnGUUgygkgi7fdUx6JlVOE0wxxxxx', ['yDRscUUgyg1zr7vjUyJ8QKxxxxxxx']));
      t.ess.faults.inject('CreateReleaseFlow', {
        kind: 'raw',
        status: 200,
        body: JSON.stringify({ Response: { FlowId: 'yDRscAABDg1zr7vjUyJ8QKxxxxxxx', RequestId: 's1989876373464' } }),
      });
      t.ess.putFlow({ ...signedFlow('yDRscAABDg1zr7vjUyJ8QKxxxxxxx'), FlowStatus: 1 });
      const result = await t.graphql(CreateReleaseFlowDocument, {
        input: {
          flowId: 'yDwnGUUgygkgi7fdUx6JlVOE0wxxxxx',
          reason: '因为业务调整,结束合作。',
          remainInForceItem: '在业务结束前已产生的订单依旧有效。',
          originalExpenseSettlement: '甲方需付给乙方xxxx以作赔偿',
          originalOtherSettlement: '无',
          otherDeals: '无',
          releasedApprovers: [{ name: '典子谦', mobile: '1870000000', recipientId: 'yDRscUUgyg1zr7vjUyJ8QKxxxxxxx' }],
        },
      });
      const sent = t.ess.accepted('CreateReleaseFlow').at(0);
      // The seed's example names the replaced signer with `RelievedApproverReceiptId`, which VENDORS.md
      // documents as the deprecated alias of `RelievedApproverRecipientId`; we send the current name.
      expect(sent?.body).toEqual({
        Operator: { UserId: 'yDxjOUUgydjxxxxxjEWA07rC2xl' },
        NeedRelievedFlowId: 'yDwnGUUgygkgi7fdUx6JlVOE0wxxxxx',
        ReleasedApprovers: [{ Mobile: '1870000000', Name: '典子谦', RelievedApproverRecipientId: 'yDRscUUgyg1zr7vjUyJ8QKxxxxxxx' }],
        ReliveInfo: {
          OriginalExpenseSettlement: '甲方需付给乙方xxxx以作赔偿',
          OriginalOtherSettlement: '无',
          OtherDeals: '无',
          Reason: '因为业务调整,结束合作。',
          RemainInForceItem: '在业务结束前已产生的订单依旧有效。',
        },
      });
      const outcome = result.data?.createReleaseFlow;
      expect(outcome?.__typename).toBe('CreateReleaseFlowSuccess');
      if (outcome?.__typename === 'CreateReleaseFlowSuccess') {
        expect(outcome.releaseFlowId).toBe('yDRscAABDg1zr7vjUyJ8QKxxxxxxx');
        expect(outcome.releaseFlow?.id).toBe('yDRscAABDg1zr7vjUyJ8QKxxxxxxx');
      }
    });
  });

  describe('CreateFlowReminds example', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ operatorId: 'xxx' });
    });
    afterAll(() => t.close());

    it('sends the documented body and maps the documented record', async () => {
      t.ess.putFlow({ ...signedFlow('xxx'), FlowStatus: 1 });
      t.ess.faults.inject('CreateFlowReminds', {
        kind: 'raw',
        status: 200,
        body: JSON.stringify({
          Response: {
            RemindFlowRecords: [{ CanRemind: true, FlowId: 'xxx', RemindMessage: '签署人 xxx: 此签署人已催办过;' }],
            RequestId: 's1675154686215203499',
          },
        }),
      });
      const result = await t.graphql(RemindFlowsDocument, { input: { flowIds: ['xxx'] } });
      expect(t.ess.accepted('CreateFlowReminds')[0]?.body).toEqual({ Operator: { UserId: 'xxx' }, FlowIds: ['xxx'] });
      expect(result.data?.remindFlows).toEqual({
        __typename: 'RemindFlowsSuccess',
        records: [
          { flowId: 'xxx', canRemind: true, message: '签署人 xxx: 此签署人已催办过;', flow: { id: 'xxx', status: 'PENDING_SIGNATURE' } },
        ],
      });
    });
  });
});

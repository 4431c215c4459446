import { parse } from 'graphql';
import { connectSubscriptionClient, type SubscriptionClient } from '../../support/subscription-client';
import { startTestApp, type TestApp } from '../../support/test-app';

const FLOW_EVENTS = `subscription ($ids: [ID!]) {
  flowEvents(flowIds: $ids) { eventId flowId status operation flow { id status } }
}`;

const REMIND_FLOWS = parse(`mutation ($input: RemindFlowsInput!) {
  remindFlows(input: $input) { __typename ... on RemindFlowsSuccess { records { flowId canRemind } } }
}`);

/**
 * The sandbox as `npm start` runs it: a reminded signer of a seeded flow signs (here at once, through
 * `signDueNow`, instead of after the default 3 s), the simulator posts encrypted and signed
 * FlowStatusChange callbacks to the app, and a flowEvents subscriber sees SIGN then FINISH.
 */
describe('ESS sandbox callbacks become flowEvents', () => {
  let app: TestApp;
  let client: SubscriptionClient;

  beforeAll(async () => {
    app = await startTestApp({ deliverEvents: true });
    client = await connectSubscriptionClient(app.url);
  });

  afterAll(async () => {
    await client.close();
    await app.close();
  });

  it('delivers SIGN then FINISH to a subscriber when a reminded signer signs', async () => {
    const flowId = app.ess.seeded.pending.at(0);
    if (flowId === undefined) throw new Error('the simulator seeds pending flows');
    const events = await client.subscribe(FLOW_EVENTS, { ids: [flowId] });

    const reminded = await app.graphql(REMIND_FLOWS, { input: { flowIds: [flowId] } });
    expect(reminded.errors).toBeUndefined();
    expect(reminded.data).toEqual({ remindFlows: { __typename: 'RemindFlowsSuccess', records: [{ flowId, canRemind: true }] } });

    app.ess.signDueNow();
    const sign = await events.next();
    const finish = await events.next();
    await app.ess.callbacksSettled();

    const sent = app.ess.sentCallbacks();
    expect(sign?.errors).toBeUndefined();
    expect(sign?.data).toEqual({
      flowEvents: { eventId: sent.at(0)?.msgId, flowId, status: 'SIGNED', operation: 'SIGN', flow: { id: flowId, status: 'SIGNED' } },
    });
    expect(finish?.data).toEqual({
      flowEvents: { eventId: sent.at(1)?.msgId, flowId, status: 'SIGNED', operation: 'FINISH', flow: { id: flowId, status: 'SIGNED' } },
    });
    expect(sent.map((callback) => [callback.outcome, callback.attempts])).toEqual([
      ['delivered', 1],
      ['delivered', 1],
    ]);
    await events.stop();
  });
});

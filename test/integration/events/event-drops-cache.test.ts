import { parse } from 'graphql';
import { request } from 'undici';
import { essCallback, flowStatusChange } from '../../support/ess-callback';
import { connectSubscriptionClient } from '../../support/subscription-client';
import { startTestApp, type TestApp } from '../../support/test-app';
import { untilSubscriptions } from '../../support/until';

const UPDATED_ON = 1_796_378_400;
const FLOW_STATUS = parse('query ($id: ID!) { flow(id: $id) { id status } }');

/** DESIGN.md "Events": a delivered event drops the entity from the shared cache (ENTITY_CACHE_TTL_MS). */
describe('vendor events and the entity cache', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { VENDORS: 'ess=sandbox,vnpt=off,volc=off', ENTITY_CACHE_TTL_MS: '600000' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads a flow from the vendor again after an event about it, and from the cache before', async () => {
    const flowId = t.ess.seeded.signed.at(0) ?? '';
    const callback = t.settings.ess?.callback;
    if (callback === undefined) throw new Error('the sandbox has an ESS callback key');
    t.ess.clearRecords();
    await t.graphql(FLOW_STATUS, { id: flowId });
    await t.graphql(FLOW_STATUS, { id: flowId });
    // The second read came from the cache.
    expect(t.ess.accepted('DescribeFlowInfo')).toHaveLength(1);

    const client = await connectSubscriptionClient(t.url);
    const events = await client.subscribe('subscription { flowEvents { eventId } }');
    await untilSubscriptions(t.url, 'flow', 1);
    const signed = essCallback(callback.key, callback.token, flowStatusChange('msg-cache-1', flowId, 4, 'finish', UPDATED_ON));
    const posted = await request(`${t.url}/callbacks/tencent-ess`, { method: 'POST', headers: signed.headers, body: signed.body });
    await posted.body.dump();
    expect(await events.next()).toEqual({ data: { flowEvents: { eventId: 'msg-cache-1' } } });

    // The event dropped the cached flow: the next read goes to the vendor, and is cached again.
    await t.graphql(FLOW_STATUS, { id: flowId });
    await t.graphql(FLOW_STATUS, { id: flowId });
    expect(t.ess.accepted('DescribeFlowInfo')).toHaveLength(2);
    await client.close();
  });
});

import { parse } from 'graphql';
import { connectSubscriptionClient, type SubscriptionClient } from '../../support/subscription-client';
import { startTestApp, type TestApp } from '../../support/test-app';

const INVITATION_EVENTS = `subscription {
  invitationEvents { eventId invitationId status occurredAt invitation { id status } }
}`;

const RESPOND = parse(`mutation ($input: RespondToInvitationInput!) {
  respondToInvitation(input: $input) { __typename ... on RespondToInvitationSuccess { accepted } }
}`);

/** `Invitation.id` of the seeded pending custody invitation: base64url of `inv:1:rel7242575109678977324`. */
const PENDING_RELATION_ID = 'aW52OjE6cmVsNzI0MjU3NTEwOTY3ODk3NzMyNA';
/** The simulator's ListInvitation text for an accepted relation (status 200). */
const ACCEPTED = '关系已建立';

/** Waits (real time, bounded) until `condition` holds. */
async function eventually(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 10_000) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Volcengine invitation changes become invitationEvents', () => {
  let app: TestApp;
  let client: SubscriptionClient;

  beforeAll(async () => {
    app = await startTestApp({ pollInvitations: true });
    client = await connectSubscriptionClient(app.url);
  });

  afterAll(async () => {
    await client.close();
    await app.close();
  });

  it('polls the sandbox and delivers one event for an invitation answered through the subgraph', async () => {
    // The first poll, at start, records the baseline: the answer below must come after it.
    await eventually(() => app.volc.accepted('ListInvitation').length >= 1);
    const events = await client.subscribe(INVITATION_EVENTS);

    const answered = await app.graphql(RESPOND, { input: { invitationId: PENDING_RELATION_ID, decision: 'ACCEPT' } });
    expect(answered.data).toEqual({ respondToInvitation: { __typename: 'RespondToInvitationSuccess', accepted: true } });
    const delivered = await events.next();

    expect(delivered?.errors).toBeUndefined();
    expect(delivered?.data).toEqual({
      invitationEvents: {
        eventId: expect.stringMatching(/^volc:[0-9a-f]{64}$/) as unknown,
        invitationId: PENDING_RELATION_ID,
        status: ACCEPTED,
        occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/) as unknown,
        invitation: { id: PENDING_RELATION_ID, status: ACCEPTED },
      },
    });
    await events.stop();
  });
});

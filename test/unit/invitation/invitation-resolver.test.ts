import pino from 'pino';
import type { VolcengineBillingClient } from '../../../datasources/volcengine-billing/client';
import { encodeInvitationId, INVITATION_ID_MAX_LENGTH } from '../../../datasources/volcengine-billing/invitation-id';
import { FinancialRelation, InvitationType, type InvitationRecord } from '../../../datasources/volcengine-billing/model';
import { invitationReferenceResolver } from '../../../resolvers/invitation/invitation.reference';
import { InvitationResolver } from '../../../resolvers/invitation/invitation.resolver';
import { createRequestContext, type RequestContext, type Services } from '../../../src/graphql/context';
import { EventBus } from '../../../src/events/event-bus';
import { LocalEventFanout } from '../../../src/events/local-event-fanout';
import { AppMetrics } from '../../../src/observability/metrics';
import { IdempotencyService } from '../../../src/idempotency/idempotency-service';
import { NO_ENTITY_CACHE } from '../../../src/cache/entity-cache';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';
import { unrestrictedPrincipal } from '../../../src/auth/principal';
import { ErrorCode } from '../../../src/errors/error-code';

function record(relationId: string): InvitationRecord {
  return {
    id: encodeInvitationId({ type: InvitationType.RELATION, relationId }),
    type: InvitationType.RELATION,
    relationId,
    relation: FinancialRelation.FINANCIAL_CUSTODY,
    status: '邀约中',
  };
}

/** A request context whose Volcengine client only lists `records`, counting the calls. */
function contextListing(records: InvitationRecord[]): { ctx: RequestContext; listCalls: () => number } {
  const listInvitations = jest.fn(() => Promise.resolve(records));
  const services: Services = {
    ess: undefined,
    vnpt: undefined,
    volc: { listInvitations } as unknown as VolcengineBillingClient,
    // Not used by these resolvers; a real one keeps the context honest.
    idempotency: new IdempotencyService(new InMemoryKeyValueStore()),
    events: new EventBus({
      store: new InMemoryKeyValueStore(),
      fanout: new LocalEventFanout(),
      metrics: new AppMetrics(),
      logger: pino({ enabled: false }),
    }),
    entityCache: NO_ENTITY_CACHE,
  };
  const ctx = createRequestContext({
    requestId: 'r',
    logger: pino({ enabled: false }),
    principal: unrestrictedPrincipal(),
    services,
  });
  return { ctx, listCalls: () => listInvitations.mock.calls.length };
}

describe('InvitationResolver.invitations', () => {
  it('primes the request loader, so references after the list cost no second ListInvitation', async () => {
    const records = [record('rel-a'), record('rel-b')];
    const { ctx, listCalls } = contextListing(records);
    const listed = await new InvitationResolver().invitations(ctx);
    expect(listed).toEqual(records);

    const referenced = await Promise.all(records.map((r) => invitationReferenceResolver.Invitation.__resolveReference({ id: r.id }, ctx)));
    expect(referenced).toEqual(records);
    expect(listCalls()).toBe(1);
  });
});

describe('invitationReferenceResolver', () => {
  it('answers null for an id this service did not make, without listing', async () => {
    const { ctx, listCalls } = contextListing([record('rel-a')]);
    for (const id of ['rel-a', 'aW52OjE6', 'not an id']) {
      await expect(invitationReferenceResolver.Invitation.__resolveReference({ id }, ctx)).resolves.toBeNull();
    }
    expect(listCalls()).toBe(0);
  });

  it.each<[string, unknown]>([
    ['a number', 7],
    ['null', null],
    ['an object', { relationId: 'rel-a' }],
    ['empty text', ''],
    ['blank text', '  '],
    ['text longer than any id this service issues', 'A'.repeat(INVITATION_ID_MAX_LENGTH + 1)],
  ])('refuses %s with INVALID_INPUT naming representations.id, without listing', async (_label, id) => {
    const { ctx, listCalls } = contextListing([record('rel-a')]);
    await expect(invitationReferenceResolver.Invitation.__resolveReference({ id }, ctx)).rejects.toMatchObject({
      code: ErrorCode.INVALID_INPUT,
      field: 'representations.id',
    });
    expect(listCalls()).toBe(0);
  });

  it('answers null for a well-formed id the vendor does not list', async () => {
    const { ctx } = contextListing([record('rel-a')]);
    const id = encodeInvitationId({ type: InvitationType.RELATION, relationId: 'rel-z' });
    await expect(invitationReferenceResolver.Invitation.__resolveReference({ id }, ctx)).resolves.toBeNull();
  });
});

import type { GraphQLResolveInfo } from 'graphql';
import type { TencentEssClient } from '../../../datasources/tencent-ess/client';
import type { FlowRecord } from '../../../datasources/tencent-ess/model';
import type { VolcengineBillingClient } from '../../../datasources/volcengine-billing/client';
import type { InvitationRecord } from '../../../datasources/volcengine-billing/model';
import { createFlowLoader } from '../../../resolvers/flow/flow.loader';
import { createInvitationLoader } from '../../../resolvers/invitation/invitation.loader';
import { entityOrKey } from '../../../resolvers/shared/entity-reference';
import { anonymousPrincipal, unrestrictedPrincipal, type Principal } from '../../../src/auth/principal';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';

const flow = (id: string): FlowRecord => ({ id }) as unknown as FlowRecord;
const invitation = (id: string): InvitationRecord => ({ id }) as unknown as InvitationRecord;
const outage = new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'down' });

/** An ESS client double that records each DescribeFlowInfo batch (operator and ids) and answers from `known`. */
function essDouble(known: readonly string[], failWith?: unknown) {
  const batches: { operator: string; ids: readonly string[] }[] = [];
  const client = {
    describeFlows: async (operator: string, ids: readonly string[]): Promise<Map<string, FlowRecord>> => {
      batches.push({ operator, ids: [...ids] });
      await Promise.resolve();
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a client may fail with a non-Error; the loader must wrap it
      if (failWith !== undefined) throw failWith;
      return new Map(ids.filter((id) => known.includes(id)).map((id) => [id, flow(id)]));
    },
  } as unknown as TencentEssClient;
  return { batches, access: { client, defaultOperatorId: 'op-default' } };
}

function volcDouble(known: readonly string[], failWith?: unknown) {
  let calls = 0;
  const client = {
    listInvitations: async (): Promise<InvitationRecord[]> => {
      calls += 1;
      await Promise.resolve();
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a client may fail with a non-Error; the loader must wrap it
      if (failWith !== undefined) throw failWith;
      return known.map(invitation);
    },
  } as unknown as VolcengineBillingClient;
  return { calls: () => calls, client };
}

const withoutScopes: Principal = { ...unrestrictedPrincipal(), authentication: 'token', scopes: new Set() };

describe('createFlowLoader', () => {
  it('reads 250 distinct ids in batches of 100, free of duplicates, null for unknown ids', async () => {
    const ids = Array.from({ length: 250 }, (_, index) => `f${index}`);
    const ess = essDouble(['f0', 'f249']);
    const loader = createFlowLoader(ess.access, { ...unrestrictedPrincipal(), claims: { ess_operator_id: 'op-token' } });

    const results = await loader.loadMany([...ids, 'f0']);

    expect(ess.batches.map((batch) => batch.ids.length)).toEqual([100, 100, 50]);
    expect(ess.batches.every((batch) => batch.operator === 'op-token')).toBe(true);
    expect(results[0]).toEqual(flow('f0'));
    expect(results[1]).toBeNull();
    expect(results[249]).toEqual(flow('f249'));
    expect(results[250]).toEqual(flow('f0'));
  });

  it("fails every key of a batch with the call's error when DescribeFlowInfo fails", async () => {
    const loader = createFlowLoader(essDouble([], outage).access, unrestrictedPrincipal());
    expect(await loader.loadMany(['a', 'b'])).toEqual([outage, outage]);
  });

  it('wraps a thrown non-Error into an Error for each key', async () => {
    const results = await createFlowLoader(essDouble([], 'boom').access, unrestrictedPrincipal()).loadMany(['a']);
    expect(results[0]).toBeInstanceOf(Error);
    expect((results[0] as Error).message).toBe('boom');
  });

  it('refuses every key without calling ESS when the caller lacks flows:read or a token', async () => {
    const ess = essDouble(['a']);
    expect(await createFlowLoader(ess.access, withoutScopes).loadMany(['a'])).toMatchObject([{ code: ErrorCode.FORBIDDEN }]);
    expect(await createFlowLoader(ess.access, anonymousPrincipal()).loadMany(['a'])).toMatchObject([{ code: ErrorCode.UNAUTHENTICATED }]);
    expect(ess.batches).toEqual([]);
  });

  it('answers VENDOR_UNAVAILABLE (not retryable) for each key when ESS is off', async () => {
    expect(await createFlowLoader(undefined, unrestrictedPrincipal()).loadMany(['a', 'b'])).toMatchObject([
      { code: ErrorCode.VENDOR_UNAVAILABLE, retryable: false },
      { code: ErrorCode.VENDOR_UNAVAILABLE, retryable: false },
    ]);
  });
});

describe('createInvitationLoader', () => {
  it('serves every reference of a request from one ListInvitation call, null for absent ids', async () => {
    const volc = volcDouble(['i1', 'i2']);
    const loader = createInvitationLoader(volc.client, unrestrictedPrincipal());
    expect(await loader.loadMany(['i2', 'missing', 'i1'])).toEqual([invitation('i2'), null, invitation('i1')]);
    expect(volc.calls()).toBe(1);
  });

  it("fails every key with the call's error, wrapping a non-Error", async () => {
    expect(await createInvitationLoader(volcDouble([], outage).client, unrestrictedPrincipal()).loadMany(['a', 'b'])).toEqual([
      outage,
      outage,
    ]);
    const wrapped = await createInvitationLoader(volcDouble([], 'boom').client, unrestrictedPrincipal()).loadMany(['a']);
    expect((wrapped[0] as Error).message).toBe('boom');
  });

  it('refuses without a call when the caller lacks invitations:read, and answers VENDOR_UNAVAILABLE when Volcengine is off', async () => {
    const volc = volcDouble(['a']);
    expect(await createInvitationLoader(volc.client, withoutScopes).loadMany(['a'])).toMatchObject([{ code: ErrorCode.FORBIDDEN }]);
    expect(volc.calls()).toBe(0);
    expect(await createInvitationLoader(undefined, unrestrictedPrincipal()).loadMany(['a'])).toMatchObject([
      { code: ErrorCode.VENDOR_UNAVAILABLE, retryable: false },
    ]);
  });
});

describe('entityOrKey', () => {
  /** A resolve info whose field selects `fields` (only what `selectsOnlyEntityKey` reads). */
  function infoSelecting(fields: readonly string[]): GraphQLResolveInfo {
    const selections = fields.map((name) => ({ kind: 'Field', name: { kind: 'Name', value: name } }));
    return {
      fieldNodes: [{ kind: 'Field', name: { kind: 'Name', value: 'releaseFlow' }, selectionSet: { kind: 'SelectionSet', selections } }],
      fragments: {},
    } as unknown as GraphQLResolveInfo;
  }
  const missing = (): VendorError => new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'not returned' });

  it('answers the key without a read when only id and __typename are selected', async () => {
    const load = jest.fn((id: string) => Promise.resolve(flow(id)));
    expect(await entityOrKey(infoSelecting(['id', '__typename']), 'f1', load, missing)).toEqual({ id: 'f1' });
    expect(load).not.toHaveBeenCalled();
  });

  it('reads the entity when other fields are selected, and throws missing() when it is not found', async () => {
    expect(await entityOrKey(infoSelecting(['id', 'status']), 'f1', (id) => Promise.resolve(flow(id)), missing)).toEqual(flow('f1'));
    await expect(entityOrKey(infoSelecting(['status']), 'f1', () => Promise.resolve(null), missing)).rejects.toThrow('not returned');
  });
});

import type { SimulatedInvitation } from './invitation-store';

/**
 * Sandbox fixtures: invitations addressed to the simulator's own account, covering each path of
 * HandleInvitation. Frozen data only; every simulator copies it into its own store, so tests never
 * see each other's changes. IDs follow the vendor's shapes (`rel…`, `auth…`, 10-digit UIDs, one above
 * 2^31 so nothing squeezes a UID into an int32).
 */

/** The simulated caller: every seeded invitation is addressed to this sub account. */
export const SANDBOX_SUB_ACCOUNT = Object.freeze({ id: '2100000001', name: 'sandbox-sub-account' });

interface SeededRelationInvitation {
  readonly invitationType: 1;
  readonly relationId: string;
  readonly majorAccountId: string;
  /** 1 financial custody, 4 financial management. */
  readonly relation: 1 | 4;
}

interface SeededAuthorizationInvitation {
  readonly invitationType: 2;
  readonly relationId: string;
  readonly authId: string;
  readonly majorAccountId: string;
  readonly relation: 1 | 4;
}

export interface SeededInvitations {
  /** Pending financial custody invitation (the documentation's example ids): accept or reject works. */
  readonly pendingRelation: SeededRelationInvitation;
  /** Pending financial management invitation from a UID above 2^31. */
  readonly pendingManagement: SeededRelationInvitation;
  /** Pending authorization invitation on an established management relation. */
  readonly pendingAuthorization: SeededAuthorizationInvitation;
  /** Pending custody invitation whose acceptance fails: this account is in arrears. */
  readonly arrearsRelation: SeededRelationInvitation & { readonly arrearsAccountId: string };
  /** Already accepted: handling it again is `OperationDenied.AccountRelationExist`. */
  readonly acceptedRelation: SeededRelationInvitation;
  /** Already rejected: handling it again is `OperationDenied.AccountRelationNotExist`. */
  readonly rejectedRelation: SeededRelationInvitation;
  /** Every seeded invitation, in seeding order. */
  readonly all: readonly (SeededRelationInvitation | SeededAuthorizationInvitation)[];
}

const pendingRelation: SeededRelationInvitation = Object.freeze({
  invitationType: 1,
  relationId: 'rel7242575109678977324',
  majorAccountId: '2000000000',
  relation: 1,
});
const pendingManagement: SeededRelationInvitation = Object.freeze({
  invitationType: 1,
  relationId: 'rel7336772146369925420',
  majorAccountId: '3000000123',
  relation: 4,
});
const pendingAuthorization: SeededAuthorizationInvitation = Object.freeze({
  invitationType: 2,
  relationId: 'rel7349065058705019180',
  authId: 'auth7242575109679075628',
  majorAccountId: '2100250145',
  relation: 4,
});
const arrearsRelation = Object.freeze({
  invitationType: 1 as const,
  relationId: 'rel7351826401235569186',
  majorAccountId: '2100250146',
  relation: 1 as const,
  // TrusteeshipSubArrears concerns the account to be placed in custody, i.e. the invited sub account.
  arrearsAccountId: SANDBOX_SUB_ACCOUNT.id,
});
const acceptedRelation: SeededRelationInvitation = Object.freeze({
  invitationType: 1,
  relationId: 'rel7340606030814515500',
  majorAccountId: '2100250147',
  relation: 4,
});
const rejectedRelation: SeededRelationInvitation = Object.freeze({
  invitationType: 1,
  relationId: 'rel7340606030814515501',
  majorAccountId: '2100250148',
  relation: 1,
});

export const SEEDED_INVITATIONS: SeededInvitations = Object.freeze({
  pendingRelation,
  pendingManagement,
  pendingAuthorization,
  arrearsRelation,
  acceptedRelation,
  rejectedRelation,
  all: Object.freeze([pendingRelation, pendingManagement, pendingAuthorization, arrearsRelation, acceptedRelation, rejectedRelation]),
});

/** Display names of the seeded major accounts, by UID. */
const MAJOR_ACCOUNT_NAMES: Readonly<Record<string, string>> = Object.freeze({
  '2000000000': 'Acme Finance HQ',
  '3000000123': 'Globex Group Finance',
  '2100250145': 'Umbrella Holdings',
  '2100250146': 'Initech Treasury',
  '2100250147': 'Hooli Finance',
  '2100250148': 'Stark Accounts',
});

/** Fresh store records for the fixtures; `updatedAt` is fixed so listings are reproducible. */
export function seedInvitationRecords(): SimulatedInvitation[] {
  const base = (seed: SeededRelationInvitation | SeededAuthorizationInvitation) => ({
    relationId: seed.relationId,
    relation: seed.relation,
    majorAccountId: seed.majorAccountId,
    majorAccountName: MAJOR_ACCOUNT_NAMES[seed.majorAccountId] ?? `account-${seed.majorAccountId}`,
    subAccountId: SANDBOX_SUB_ACCOUNT.id,
    subAccountName: SANDBOX_SUB_ACCOUNT.name,
    updatedAt: new Date('2024-04-01T02:00:00Z'),
  });
  return [
    { ...base(pendingRelation), invitationType: 1, state: 'pending' },
    { ...base(pendingManagement), invitationType: 1, state: 'pending' },
    {
      ...base(pendingAuthorization),
      invitationType: 2,
      authId: pendingAuthorization.authId,
      authList: [1, 3, 5],
      state: 'pending',
    },
    {
      ...base(arrearsRelation),
      invitationType: 1,
      state: 'pending',
      acceptDenial: { code: 'OperationDenied.TrusteeshipSubArrears', accountId: arrearsRelation.arrearsAccountId },
    },
    { ...base(acceptedRelation), invitationType: 1, state: 'accepted', updatedAt: new Date('2024-03-15T08:30:00Z') },
    { ...base(rejectedRelation), invitationType: 1, state: 'rejected', updatedAt: new Date('2024-03-16T09:45:00Z') },
  ];
}

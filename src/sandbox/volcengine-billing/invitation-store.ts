/**
 * The simulated vendor's invitations, one store per simulator (never shared, never module-level).
 * Records are frozen; a state change replaces the record. Vendor numbers are used throughout, since
 * this is the vendor's side of the wire.
 */

export type SimulatedInvitationState = 'pending' | 'accepted' | 'rejected';

export interface SimulatedInvitation {
  /** 1 relation invitation, 2 authorization invitation. */
  readonly invitationType: 1 | 2;
  readonly relationId: string;
  /** 1 financial custody, 4 financial management. */
  readonly relation: 1 | 4;
  /** Decimal UIDs (kept as text, as the datasource does). */
  readonly majorAccountId: string;
  readonly majorAccountName: string;
  readonly subAccountId: string;
  readonly subAccountName: string;
  /** Authorization invitations only. */
  readonly authId?: string;
  readonly authList?: readonly number[];
  readonly state: SimulatedInvitationState;
  readonly updatedAt: Date;
  /**
   * Accepting fails with this vendor code (e.g. `OperationDenied.TrusteeshipSubArrears`) and `%v`
   * filled with `accountId`; rejecting still works.
   */
  readonly acceptDenial?: { readonly code: string; readonly accountId: string };
  /**
   * HandleInvitation answers it with `Result.IsSuccess: false` (no error code, HTTP 200) and changes
   * nothing: the vendor's way of saying it did not apply a decision.
   */
  readonly notApplied?: boolean;
  /** ListInvitation stops listing it once it has been accepted or rejected (an answered invitation may leave the list). */
  readonly unlistedOnceAnswered?: boolean;
}

/** Identifies an invitation: by AuthID when given (authorization), else by RelationID (relation). */
export interface SimulatedInvitationRef {
  readonly relationId: string;
  readonly authId?: string;
}

const UID = /^[1-9]\d*$/;

function keyOf(ref: SimulatedInvitationRef): string {
  return ref.authId === undefined ? `relation:${ref.relationId}` : `auth:${ref.authId}`;
}

function freeze(invitation: SimulatedInvitation): SimulatedInvitation {
  return Object.freeze({
    ...invitation,
    updatedAt: new Date(invitation.updatedAt.getTime()),
    ...(invitation.authList ? { authList: Object.freeze([...invitation.authList]) } : {}),
    ...(invitation.acceptDenial ? { acceptDenial: Object.freeze({ ...invitation.acceptDenial }) } : {}),
  });
}

export class InvitationStore {
  private readonly invitations = new Map<string, SimulatedInvitation>();

  /**
   * Adds or replaces an invitation. Throws a `RangeError` when it is inconsistent: an AuthID on a
   * relation invitation or none on an authorization one, or account ids that are not decimal UIDs
   * within 2^53 (the simulator writes them as JSON numbers).
   */
  put(invitation: SimulatedInvitation): void {
    if ((invitation.invitationType === 2) !== (invitation.authId !== undefined)) {
      throw new RangeError('an authorization invitation (type 2) needs an authId, a relation invitation must not have one');
    }
    for (const id of [invitation.majorAccountId, invitation.subAccountId]) {
      if (!UID.test(id) || !Number.isSafeInteger(Number(id))) throw new RangeError(`account id ${id} is not a UID the simulator can send`);
    }
    this.invitations.set(keyOf(invitation), freeze(invitation));
  }

  get(ref: SimulatedInvitationRef): SimulatedInvitation | undefined {
    return this.invitations.get(keyOf(ref));
  }

  /** Replaces the state of an existing invitation; returns the new record, `undefined` if unknown. */
  transition(ref: SimulatedInvitationRef, state: SimulatedInvitationState, at: Date): SimulatedInvitation | undefined {
    const current = this.get(ref);
    if (!current) return undefined;
    const next = freeze({ ...current, state, updatedAt: at });
    this.invitations.set(keyOf(ref), next);
    return next;
  }

  /** All invitations in insertion order. */
  list(): readonly SimulatedInvitation[] {
    return [...this.invitations.values()];
  }
}

import type { ActionOutcome } from './action-outcome';
import type { InvitationStore, SimulatedInvitationRef } from './invitation-store';

/**
 * The simulated `HandleInvitation`: parameter checks as the seed's parameter table states them, then
 * the invitation's state machine (pending → accepted | rejected). Integer parameters must be JSON
 * integers: `"2"` is `ParamInvalid`, so the datasource's integer encoding is really exercised.
 */

const ACCEPT = 2;
const REJECT = 3;

function error(code: string, ...args: string[]): ActionOutcome {
  return { ok: false, error: { code, args } };
}

type Read<T> = { readonly value: T } | { readonly error: ActionOutcome };

/** A required integer parameter limited to `allowed` (any integer when omitted). */
function requiredInteger(body: Record<string, unknown>, name: string, allowed?: readonly number[]): Read<number> {
  const value = body[name];
  if (value === undefined || value === null) return { error: error('MissingParameter', name) };
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return { error: error('ParamInvalid', name) };
  if (allowed && !allowed.includes(value)) return { error: error('ParamInvalid', name) };
  return { value };
}

function requiredString(body: Record<string, unknown>, name: string): Read<string> {
  const value = body[name];
  if (value === undefined || value === null || value === '') return { error: error('MissingParameter', name) };
  if (typeof value !== 'string') return { error: error('ParamInvalid', name) };
  return { value };
}

const SUCCESS: ActionOutcome = Object.freeze({
  ok: true,
  result: Object.freeze({ IsSuccess: true, BaseResp: Object.freeze({ StatusMessage: '', StatusCode: 0 }) }),
});

/** A well-formed request the vendor answered without applying it. */
const NOT_APPLIED: ActionOutcome = Object.freeze({
  ok: true,
  result: Object.freeze({ IsSuccess: false, BaseResp: Object.freeze({ StatusMessage: '', StatusCode: 0 }) }),
});

/** Runs one HandleInvitation body (already parsed JSON) against `store` at time `now`. */
export function handleInvitation(store: InvitationStore, body: Record<string, unknown>, now: Date): ActionOutcome {
  const invitationType = requiredInteger(body, 'InvitationType', [1, 2]);
  if ('error' in invitationType) return invitationType.error;
  const action = requiredInteger(body, 'Action', [ACCEPT, REJECT]);
  if ('error' in action) return action.error;
  const relationId = requiredString(body, 'RelationID');
  if ('error' in relationId) return relationId.error;

  let ref: SimulatedInvitationRef;
  let matches: (candidate: { majorAccountId: string; relation: number }) => boolean;
  if (invitationType.value === 1) {
    const major = requiredInteger(body, 'MajorAccountID');
    if ('error' in major) return major.error;
    const relation = requiredInteger(body, 'Relation', [1, 4]);
    if ('error' in relation) return relation.error;
    ref = { relationId: relationId.value };
    matches = (candidate) => candidate.majorAccountId === String(major.value) && candidate.relation === relation.value;
  } else {
    const authId = requiredString(body, 'AuthID');
    if ('error' in authId) return authId.error;
    ref = { relationId: relationId.value, authId: authId.value };
    matches = () => true;
  }

  const invitation = store.get(ref);
  if (invitation?.relationId !== relationId.value || !matches(invitation)) return error('OperationDenied.AccountRelationNotExist');
  if (invitation.notApplied) return NOT_APPLIED;
  if (invitation.state === 'accepted') return error('OperationDenied.AccountRelationExist');
  if (invitation.state === 'rejected') return error('OperationDenied.AccountRelationNotExist');
  if (action.value === ACCEPT && invitation.acceptDenial) {
    return error(invitation.acceptDenial.code, invitation.acceptDenial.accountId);
  }
  store.transition(ref, action.value === ACCEPT ? 'accepted' : 'rejected', now);
  return SUCCESS;
}

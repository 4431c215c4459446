import type { ActionOutcome } from './action-outcome';
import type { InvitationStore, SimulatedInvitation, SimulatedInvitationState } from './invitation-store';

/**
 * The simulated `ListInvitation`: every invitation in the store, in the SDK's shape (VENDORS.md).
 *
 * Status numbers and texts are the simulator's own assumption: Volcengine documents no meanings for its
 * status values (the only public list, terraform-provider-volcengine's `volcengine_financial_relations`,
 * names 100, 200, 250, 300, 400 and 500 without meanings). Here 100 is pending, 200 accepted and 300
 * rejected; the datasource passes them through without interpreting them.
 */

const STATUS: Readonly<Record<SimulatedInvitationState, { readonly code: number; readonly text: string }>> = Object.freeze({
  pending: Object.freeze({ code: 100, text: '邀约中' }),
  accepted: Object.freeze({ code: 200, text: '关系已建立' }),
  rejected: Object.freeze({ code: 300, text: '已拒绝' }),
});

const RELATION_TEXT: Readonly<Record<1 | 4, string>> = Object.freeze({ 1: '财务托管', 4: '财务管理' });

/** `2023-05-31 19:07:37` in Beijing time (UTC+8), the vendor's `UpdateTime` format. */
function formatVendorTime(date: Date): string {
  const beijing = new Date(date.getTime() + 8 * 60 * 60 * 1000);
  return beijing.toISOString().slice(0, 19).replace('T', ' ');
}

function item(invitation: SimulatedInvitation): Record<string, unknown> {
  const majorAccountId = Number(invitation.majorAccountId);
  const subAccountId = Number(invitation.subAccountId);
  // An authorization invitation rides on an established relation; its own state is the AuthStatus.
  const relationStatus = invitation.invitationType === 2 ? STATUS.accepted : STATUS[invitation.state];
  const relation = {
    RelationID: invitation.relationId,
    Relation: invitation.relation,
    RelationDesc: RELATION_TEXT[invitation.relation],
    MajorAccountID: majorAccountId,
    MajorAccountName: invitation.majorAccountName,
    SubAccountID: subAccountId,
    SubAccountName: invitation.subAccountName,
    Status: relationStatus.code,
    StatusDesc: relationStatus.text,
    UpdateTime: formatVendorTime(invitation.updatedAt),
    AuthInfo:
      invitation.authId === undefined
        ? []
        : [{ AuthID: invitation.authId, AuthList: [...(invitation.authList ?? [])], AuthStatus: STATUS[invitation.state].code }],
  };
  if (invitation.invitationType === 1) return { InvitationType: 1, Relation: relation };
  return {
    InvitationType: 2,
    Relation: relation,
    Auth: {
      AuthID: invitation.authId,
      AuthList: [...(invitation.authList ?? [])],
      MajorAccountID: majorAccountId,
      RelationID: invitation.relationId,
      SubAccountID: subAccountId,
    },
  };
}

/** Answers ListInvitation (the body takes no parameters). */
export function listInvitation(store: InvitationStore): ActionOutcome {
  const listed = store.list().filter((invitation) => !(invitation.unlistedOnceAnswered && invitation.state !== 'pending'));
  return { ok: true, result: { List: listed.map(item), BaseResp: { StatusMessage: '', StatusCode: 0 } } };
}

/**
 * The vendor-neutral invitation model that resolvers see. Vendor numbers are mapped by value in
 * `mapper.ts` (reads) and `client.ts` (writes); enum values equal their names so logs and the SDL agree.
 */

/** Vendor `InvitationType`: 1 relation invitation, 2 authorization invitation. */
export enum InvitationType {
  RELATION = 'RELATION',
  AUTHORIZATION = 'AUTHORIZATION',
  /** A type the vendor added after this code was written. */
  UNKNOWN = 'UNKNOWN',
}

/** Vendor `Relation`: 1 financial custody (托管), 4 financial management (财务管理). */
export enum FinancialRelation {
  FINANCIAL_CUSTODY = 'FINANCIAL_CUSTODY',
  FINANCIAL_MANAGEMENT = 'FINANCIAL_MANAGEMENT',
  UNKNOWN = 'UNKNOWN',
}

/** HandleInvitation body `Action`: 2 accept, 3 reject. */
export enum InvitationDecision {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
}

/**
 * One invitation addressed to this account, as `ListInvitation` reports it. For an authorization
 * invitation there is one record per AuthID.
 *
 * Status: Volcengine documents no meanings for `Relation.Status` or `AuthStatus`. The only public list of
 * values found (terraform-provider-volcengine, data source `volcengine_financial_relations`) names 100, 200,
 * 250, 300, 400 and 500 without saying what they mean, so no status enum is invented here: `status` is the
 * vendor's own text and `statusCode` its number.
 */
export interface InvitationRecord {
  /** Opaque and stable; see `invitation-id.ts`. */
  readonly id: string;
  readonly type: InvitationType;
  readonly relationId: string;
  readonly relation: FinancialRelation;
  /** Volcengine account UID as a decimal string (UIDs exceed 2^31; never a JS number in the model). */
  readonly majorAccountId?: string;
  readonly majorAccountName?: string;
  readonly subAccountId?: string;
  readonly subAccountName?: string;
  /** Set for authorization invitations. */
  readonly authId?: string;
  /** Permission points of an authorization invitation (vendor numbers 1–5, kept verbatim). */
  readonly authList?: readonly number[];
  /**
   * The vendor's status text (`StatusDesc`); when it sent none, the status number as text, and
   * `UNKNOWN` when it sent neither. Never empty.
   */
  readonly status: string;
  /** The vendor's status number (`Relation.Status`, or `AuthStatus` for authorization records). */
  readonly statusCode?: number;
  /** `UpdateTime`, read as China Standard Time (UTC+8) when it carries no offset. */
  readonly updatedAt?: Date;
}

/** Accept or reject a relation invitation (vendor InvitationType 1). */
export interface RelationInvitationCommand {
  readonly type: InvitationType.RELATION;
  readonly decision: InvitationDecision;
  readonly relationId: string;
  /** The inviting account's UID as decimal digits; sent as a JSON integer literal, never rounded. */
  readonly majorAccountId: string;
  readonly relation: FinancialRelation.FINANCIAL_CUSTODY | FinancialRelation.FINANCIAL_MANAGEMENT;
}

/** Accept or reject an authorization invitation (vendor InvitationType 2). */
export interface AuthorizationInvitationCommand {
  readonly type: InvitationType.AUTHORIZATION;
  readonly decision: InvitationDecision;
  readonly relationId: string;
  readonly authId: string;
}

/** Input of `HandleInvitation`; the union makes the per-type required fields a compile-time rule. */
export type HandleInvitationCommand = RelationInvitationCommand | AuthorizationInvitationCommand;

/**
 * What `HandleInvitation` answered when the vendor applied the decision (`Result.IsSuccess: true`); an
 * answer of `IsSuccess: false` is thrown as an error instead, so holding a result means it was applied.
 */
export interface HandleInvitationResult {
  readonly requestId: string | undefined;
}

/**
 * The longest RelationID/AuthID accepted, in code points; the vendor's look like `rel7242575109678977324`
 * (22 characters). Also bounds the opaque `Invitation.id` (`invitation-id.ts`).
 */
export const VOLC_ID_MAX_LENGTH = 128;

import { FinancialRelation, InvitationDecision, InvitationType } from './model';

/**
 * The vendor's numbers for the model's enums, in one place for reads (`mapper.ts`), writes
 * (`client.ts`) and ids (`invitation-id.ts`). Unknown numbers map to `UNKNOWN`, never to an exception.
 */

export const INVITATION_TYPE_CODES: Readonly<Record<InvitationType.RELATION | InvitationType.AUTHORIZATION, number>> = Object.freeze({
  [InvitationType.RELATION]: 1,
  [InvitationType.AUTHORIZATION]: 2,
});

export const FINANCIAL_RELATION_CODES: Readonly<
  Record<FinancialRelation.FINANCIAL_CUSTODY | FinancialRelation.FINANCIAL_MANAGEMENT, number>
> = Object.freeze({
  [FinancialRelation.FINANCIAL_CUSTODY]: 1,
  [FinancialRelation.FINANCIAL_MANAGEMENT]: 4,
});

export const INVITATION_DECISION_CODES: Readonly<Record<InvitationDecision, number>> = Object.freeze({
  [InvitationDecision.ACCEPT]: 2,
  [InvitationDecision.REJECT]: 3,
});

/** Vendor InvitationType number → enum; `UNKNOWN` for anything else (including non-numbers). */
export function invitationTypeFromCode(code: unknown): InvitationType {
  if (code === INVITATION_TYPE_CODES[InvitationType.RELATION]) return InvitationType.RELATION;
  if (code === INVITATION_TYPE_CODES[InvitationType.AUTHORIZATION]) return InvitationType.AUTHORIZATION;
  return InvitationType.UNKNOWN;
}

/** Vendor Relation number → enum; `UNKNOWN` for anything else. */
export function financialRelationFromCode(code: unknown): FinancialRelation {
  if (code === FINANCIAL_RELATION_CODES[FinancialRelation.FINANCIAL_CUSTODY]) return FinancialRelation.FINANCIAL_CUSTODY;
  if (code === FINANCIAL_RELATION_CODES[FinancialRelation.FINANCIAL_MANAGEMENT]) return FinancialRelation.FINANCIAL_MANAGEMENT;
  return FinancialRelation.UNKNOWN;
}

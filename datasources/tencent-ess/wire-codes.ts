import { ReleasedApproverType, RemindType, SignComponentType } from './model';

/**
 * The vendor's wire strings for the model's enums (VENDORS.md "CreateReleaseFlow", "CreateFlowReminds"),
 * written out rather than taken from the enums' values, so renaming an enum member can never change
 * what is sent.
 */

/** `CreateFlowReminds.RemindTypes[]`. */
export const REMIND_TYPE_WIRE: Readonly<Record<RemindType, string>> = Object.freeze({
  [RemindType.SMS]: 'SMS',
  [RemindType.EMAIL]: 'EMAIL',
});

/** `ReleasedApprover.ApproverType` (vendor default `ORGANIZATION`). */
export const APPROVER_TYPE_WIRE: Readonly<Record<ReleasedApproverType, string>> = Object.freeze({
  [ReleasedApproverType.ORGANIZATION]: 'ORGANIZATION',
  [ReleasedApproverType.ENTERPRISESERVER]: 'ENTERPRISESERVER',
});

/** `ReleasedApprover.ApproverSignComponentType` (vendor default `SIGN_SEAL`). */
export const SIGN_COMPONENT_TYPE_WIRE: Readonly<Record<SignComponentType, string>> = Object.freeze({
  [SignComponentType.SIGN_SEAL]: 'SIGN_SEAL',
  [SignComponentType.SIGN_SIGNATURE]: 'SIGN_SIGNATURE',
});

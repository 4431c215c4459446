import type { CreateReleaseFlowCommand, ReleasedApproverCommand } from '../../datasources/tencent-ess/model';
import { VendorError } from '../../src/errors/vendor-error';
import { optionalFutureDate, optionalText, requireMobile, requireText } from '../shared/validation';
import type { CreateReleaseFlowInput, ReleasedApproverInput } from './create-release-flow.input';

const RELIEVE_TEXT = { max: 200 } as const;

function toApproverCommand(approver: ReleasedApproverInput, index: number): ReleasedApproverCommand {
  const at = `input.releasedApprovers[${index}]`;
  return {
    name: requireText(approver.name, `${at}.name`, { max: 50 }),
    mobile: requireMobile(approver.mobile, `${at}.mobile`),
    recipientId: optionalText(approver.recipientId, `${at}.recipientId`, { max: 128 }),
    approverType: approver.approverType ?? undefined,
    signComponentType: approver.signComponentType ?? undefined,
    signRole: optionalText(approver.signRole, `${at}.signRole`, { max: 20 }),
    sealId: optionalText(approver.sealId, `${at}.sealId`, { max: 128 }),
  };
}

/** Checks `createReleaseFlow` input against the vendor's documented limits; no vendor call happens on failure. */
export function toCreateReleaseFlowCommand(input: CreateReleaseFlowInput, now: Date = new Date()): CreateReleaseFlowCommand {
  const approvers = input.releasedApprovers ?? undefined;
  if (approvers?.length === 0) {
    throw VendorError.invalidInput('input.releasedApprovers', 'input.releasedApprovers must be omitted or list at least one signer.');
  }
  return {
    flowId: requireText(input.flowId, 'input.flowId', { max: 128 }),
    reason: requireText(input.reason, 'input.reason', RELIEVE_TEXT),
    remainInForceItem: optionalText(input.remainInForceItem, 'input.remainInForceItem', RELIEVE_TEXT),
    originalExpenseSettlement: optionalText(input.originalExpenseSettlement, 'input.originalExpenseSettlement', RELIEVE_TEXT),
    originalOtherSettlement: optionalText(input.originalOtherSettlement, 'input.originalOtherSettlement', RELIEVE_TEXT),
    otherDeals: optionalText(input.otherDeals, 'input.otherDeals', RELIEVE_TEXT),
    releasedApprovers: approvers?.map(toApproverCommand),
    deadline: optionalFutureDate(input.deadline, 'input.deadline', now),
    userData: optionalText(input.userData, 'input.userData', { max: 20480 }),
  };
}

import { essId } from './seed-flows';
import {
  ESS_APPROVER_STATUS,
  ESS_FLOW_STATUS,
  EssApiError,
  type EssApproverInfo,
  type EssFlowDetail,
  type EssRemindFlowRecord,
} from './wire-types';
import { isJsonObject } from '../../json/json-object';

/**
 * The simulator's flows and the business rules of the three simulated actions, as the seed documents and
 * VENDORS.md describe them. Bodies arrive already authenticated and parsed; every refusal is thrown as an
 * `EssApiError` carrying the code the vendor would send. All state lives in the instance.
 */

const MAX_FLOW_IDS = 100;
const MAX_RELIEVE_TEXT = 200;
const MAX_APPROVER_NAME = 50;
const MAX_SIGN_ROLE = 20;
const MAX_USER_DATA = 20_480;
const RELIEVE_INFO_FIELDS = ['Reason', 'RemainInForceItem', 'OriginalExpenseSettlement', 'OriginalOtherSettlement', 'OtherDeals'] as const;
const RELEASABLE_APPROVER_TYPES: ReadonlySet<string> = new Set(['ORGANIZATION', 'ENTERPRISESERVER']);
const SIGN_COMPONENT_TYPES: ReadonlySet<string> = new Set(['SIGN_SEAL', 'SIGN_SIGNATURE']);
const REMIND_TYPES: ReadonlySet<string> = new Set(['SMS', 'EMAIL']);
/** Flow states in which a release agreement is still being signed, so a second one is refused. */
const IN_PROGRESS_STATUSES: ReadonlySet<number> = new Set([0, 1, 2, 7, 8, 9]);
const REMINDABLE_STATUSES: ReadonlySet<number> = new Set([ESS_FLOW_STATUS.PENDING_SIGNATURE, ESS_FLOW_STATUS.PARTLY_SIGNED]);
/** Mainland mobiles have 11 digits, but the vendor's own CreateReleaseFlow example sends 10 and is accepted. */
const MAINLAND_MOBILE = /^1\d{9,10}$/;

const missing = (name: string): EssApiError =>
  new EssApiError('MissingParameter', `The request is missing a required parameter \`${name}\`.`);

/** A released approver after validation. */
interface ReleasedApprover {
  readonly name: string;
  readonly mobile: string;
  readonly recipientId: string;
  readonly approverType: string;
  readonly signRole: string | undefined;
}

/**
 * What the simulator hears from the store, to act as the vendor's people and callbacks would. Called
 * synchronously inside the action, after its state change and before its answer.
 */
export interface FlowStoreListener {
  /** CreateFlowReminds reminded these signers of `flowId` now (signers reminded before are not repeated). */
  reminded(flowId: string, recipientIds: readonly string[]): void;
  /** CreateReleaseFlow started `flow` (a copy). */
  started(flow: EssFlowDetail): void;
}

const IGNORE: FlowStoreListener = Object.freeze({ reminded: () => undefined, started: () => undefined });

export class FlowStore {
  private readonly flows = new Map<string, EssFlowDetail>();
  /** CreateReleaseFlow's `UserData` by the FlowId it started; the vendor passes it through to callbacks. */
  private readonly userData = new Map<string, string>();
  /** RecipientIds already reminded, per flow: the vendor lets each pending signer be reminded once. */
  private readonly reminded = new Map<string, Set<string>>();
  /** Original FlowId → the release flow started for it. */
  private readonly releases = new Map<string, string>();
  private releaseCount = 0;

  /**
   * @param now the simulator's clock (CreatedOn of new flows, ApproveTime of signatures, Deadline checks)
   * @param listener told of reminders and started flows; by default nobody listens
   */
  constructor(
    private readonly now: () => Date,
    private readonly listener: FlowStoreListener = IGNORE,
  ) {}

  /** Adds or replaces a flow (stored as a copy); its reminder history starts afresh. */
  put(flow: EssFlowDetail): void {
    this.flows.set(flow.FlowId, structuredClone(flow));
    this.reminded.delete(flow.FlowId);
    this.userData.delete(flow.FlowId);
  }

  /** A copy of the flow, or undefined. */
  get(flowId: string): EssFlowDetail | undefined {
    const flow = this.flows.get(flowId);
    return flow && structuredClone(flow);
  }

  /** The `UserData` CreateReleaseFlow was given for `flowId`, or `''`. */
  userDataOf(flowId: string): string {
    return this.userData.get(flowId) ?? '';
  }

  /**
   * The signer `recipientId` of `flowId` signs: its ApproveStatus becomes SIGNED with ApproveTime now, and
   * the flow SIGNED once every signer has signed, PARTLY_SIGNED before. Answers a copy of the flow, or
   * undefined when the flow is gone or no longer waiting for that signer (replaced, already signed).
   */
  sign(flowId: string, recipientId: string): EssFlowDetail | undefined {
    const flow = this.flows.get(flowId);
    if (!flow || !REMINDABLE_STATUSES.has(flow.FlowStatus)) return undefined;
    const signer = flow.FlowApproverInfos.find(
      (approver) => approver.RecipientId === recipientId && approver.ApproveStatus === ESS_APPROVER_STATUS.PENDING_SIGNATURE,
    );
    if (!signer) return undefined;
    signer.ApproveStatus = ESS_APPROVER_STATUS.SIGNED;
    signer.ApproveTime = Math.floor(this.now().getTime() / 1000);
    const allSigned = flow.FlowApproverInfos.every((approver) => approver.ApproveStatus === ESS_APPROVER_STATUS.SIGNED);
    flow.FlowStatus = allSigned ? ESS_FLOW_STATUS.SIGNED : ESS_FLOW_STATUS.PARTLY_SIGNED;
    return structuredClone(flow);
  }

  /**
   * DescribeFlowInfo: the flows found, deliberately in reverse request order (the vendor promises no
   * order, so clients must key by FlowId); unknown ids are absent, duplicates answered once.
   */
  describeFlowInfo(body: Record<string, unknown>): { FlowDetailInfos: EssFlowDetail[] } {
    const ids = flowIds(body.FlowIds, {
      missing: () => missing('FlowIds'),
      invalid: (detail) => new EssApiError('InvalidParameter', `The value of parameter \`FlowIds\` is invalid: ${detail}.`),
    });
    const found = ids.flatMap((id) => {
      const flow = this.get(id);
      return flow ? [flow] : [];
    });
    return { FlowDetailInfos: found.reverse() };
  }

  /** CreateReleaseFlow: starts a release agreement for a fully signed flow and returns its FlowId. */
  createReleaseFlow(body: Record<string, unknown>, operatorId: string): { FlowId: string } {
    const originalId = body.NeedRelievedFlowId;
    if (typeof originalId !== 'string' || originalId === '') throw missing('NeedRelievedFlowId');
    const relieveInfo = parseRelieveInfo(body.ReliveInfo);
    const released = parseReleasedApprovers(body.ReleasedApprovers);
    this.checkDeadline(body.Deadline);
    if (body.UserData !== undefined && (typeof body.UserData !== 'string' || body.UserData.length > MAX_USER_DATA)) {
      throw new EssApiError('InvalidParameter.FlowUserData', `UserData must be a string of at most ${MAX_USER_DATA} characters.`);
    }

    const original = this.flows.get(originalId);
    if (!original) throw new EssApiError('ResourceNotFound.Flow', `The flow ${originalId} does not exist.`);
    if (original.FlowStatus !== ESS_FLOW_STATUS.SIGNED) {
      throw new EssApiError(
        'FailedOperation',
        `The flow ${originalId} is not fully signed (FlowStatus ${original.FlowStatus}); only signed flows can be released.`,
      );
    }
    const previous = this.releases.get(originalId);
    const previousStatus = previous === undefined ? undefined : this.flows.get(previous)?.FlowStatus;
    if (previousStatus !== undefined && IN_PROGRESS_STATUSES.has(previousStatus)) {
      throw new EssApiError(
        'FailedOperation',
        `A release agreement (${previous ?? ''}) for the flow ${originalId} is already in progress.`,
      );
    }
    const approvers = replaceApprovers(original.FlowApproverInfos, released);

    this.releaseCount += 1;
    const flowId = essId('yDwRl', `${originalId}/release/${this.releaseCount}`);
    const release: EssFlowDetail = {
      FlowId: flowId,
      FlowName: `解除协议-${original.FlowName}`,
      FlowStatus: ESS_FLOW_STATUS.PENDING_SIGNATURE,
      FlowMessage: '',
      FlowDescription: relieveInfo.Reason,
      CreatedOn: Math.floor(this.now().getTime() / 1000),
      FlowApproverInfos: approvers.map((approver, index) => ({
        ...approver,
        ApproveStatus: ESS_APPROVER_STATUS.PENDING_SIGNATURE,
        ApproveMessage: '',
        ApproveTime: 0,
        RecipientId: essId('yDR', `${flowId}/${index}`),
        SignId: essId('yDS', `${flowId}/${index}`),
      })),
      CcInfos: [],
      Creator: operatorId,
    };
    this.flows.set(flowId, release);
    this.releases.set(originalId, flowId);
    if (typeof body.UserData === 'string') this.userData.set(flowId, body.UserData);
    this.listener.started(structuredClone(release));
    return { FlowId: flowId };
  }

  /**
   * CreateFlowReminds: one record per distinct id, in request order. A refusal for one flow is a record
   * with `CanRemind: false`; an unknown id fails the whole call before anything is reminded.
   */
  createFlowReminds(body: Record<string, unknown>): { RemindFlowRecords: EssRemindFlowRecord[] } {
    const ids = flowIds(body.FlowIds, {
      missing: () => new EssApiError('MissingParameter.FlowId', 'The request is missing a required parameter `FlowIds`.'),
      invalid: (detail) => new EssApiError('InvalidParameterValue', `The value of parameter \`FlowIds\` is invalid: ${detail}.`),
    });
    const remindTypes = body.RemindTypes;
    if (
      remindTypes !== undefined &&
      (!Array.isArray(remindTypes) || !remindTypes.every((type) => typeof type === 'string' && REMIND_TYPES.has(type)))
    ) {
      throw new EssApiError('InvalidParameterValue', 'The value of parameter `RemindTypes` is invalid: allowed values are SMS and EMAIL.');
    }
    const flows = ids.map((id) => {
      const flow = this.flows.get(id);
      if (!flow) throw new EssApiError('ResourceNotFound.Flow', `The flow ${id} does not exist.`);
      return flow;
    });
    return { RemindFlowRecords: flows.map((flow) => this.remind(flow)) };
  }

  private remind(flow: EssFlowDetail): EssRemindFlowRecord {
    if (!REMINDABLE_STATUSES.has(flow.FlowStatus)) {
      return { CanRemind: false, FlowId: flow.FlowId, RemindMessage: `合同状态(FlowStatus=${flow.FlowStatus})不是待签署,无法催办;` };
    }
    const pending = flow.FlowApproverInfos.filter((approver) => approver.ApproveStatus === ESS_APPROVER_STATUS.PENDING_SIGNATURE);
    if (pending.length === 0) return { CanRemind: false, FlowId: flow.FlowId, RemindMessage: '没有待签署的签署人,无法催办;' };
    const reminded = this.reminded.get(flow.FlowId) ?? new Set<string>();
    this.reminded.set(flow.FlowId, reminded);
    const remindedNow: string[] = [];
    let message = '';
    for (const approver of pending) {
      if (reminded.has(approver.RecipientId)) {
        message += `签署人 ${approver.ApproveName}: 此签署人已催办过;`;
      } else {
        reminded.add(approver.RecipientId);
        remindedNow.push(approver.RecipientId);
      }
    }
    if (remindedNow.length > 0) this.listener.reminded(flow.FlowId, remindedNow);
    return { CanRemind: remindedNow.length > 0, FlowId: flow.FlowId, RemindMessage: message };
  }

  private checkDeadline(deadline: unknown): void {
    if (deadline === undefined) return;
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    if (typeof deadline !== 'number' || !Number.isInteger(deadline) || deadline <= nowSeconds) {
      throw new EssApiError('InvalidParameter.FlowDeadLine', 'Deadline must be a future time in Unix seconds.');
    }
  }
}

function flowIds(
  value: unknown,
  errors: { readonly missing: () => EssApiError; readonly invalid: (detail: string) => EssApiError },
): string[] {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) throw errors.missing();
  if (!Array.isArray(value)) throw errors.invalid('it must be an array of strings');
  if (value.length > MAX_FLOW_IDS) throw errors.invalid(`at most ${MAX_FLOW_IDS} ids are allowed, got ${value.length}`);
  const ids: string[] = [];
  for (const id of value) {
    if (typeof id !== 'string' || id === '') throw errors.invalid('every id must be a non-empty string');
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Unicode code points, so an emoji is one character, not two UTF-16 units. */
// eslint-disable-next-line @typescript-eslint/no-misused-spread -- counting code points is the point: the limit is in characters, not UTF-16 units
const characterCount = (text: string): number => [...text].length;

function parseRelieveInfo(value: unknown): { Reason: string } {
  if (!isJsonObject(value)) throw missing('ReliveInfo.Reason');
  for (const field of RELIEVE_INFO_FIELDS) {
    const text = value[field];
    if (text === undefined) continue;
    if (typeof text !== 'string' || characterCount(text) > MAX_RELIEVE_TEXT) {
      throw new EssApiError(
        'InvalidParameter',
        `The value of parameter \`ReliveInfo.${field}\` must be a string of at most ${MAX_RELIEVE_TEXT} characters.`,
      );
    }
  }
  const reason = value.Reason;
  if (typeof reason !== 'string' || reason.trim() === '') throw missing('ReliveInfo.Reason');
  return { Reason: reason };
}

function parseReleasedApprovers(value: unknown): ReleasedApprover[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new EssApiError('InvalidParameter.ParamError', '`ReleasedApprovers` must be an array.');
  return value.map((item: unknown, index): ReleasedApprover => {
    const at = `ReleasedApprovers.${index}`;
    if (!isJsonObject(item)) throw new EssApiError('InvalidParameter.ParamError', `\`${at}\` must be an object.`);
    const { Name: name, Mobile: mobile, ApproverType: type, ApproverSignComponentType: component, ApproverSignRole: role } = item;
    if (typeof name !== 'string' || name.trim() === '')
      throw new EssApiError('MissingParameter.ApproverName', `The request is missing \`${at}.Name\`.`);
    if (characterCount(name) > MAX_APPROVER_NAME)
      throw new EssApiError('InvalidParameter.Name', `\`${at}.Name\` is longer than ${MAX_APPROVER_NAME} characters.`);
    if (typeof mobile !== 'string' || mobile === '')
      throw new EssApiError('MissingParameter.ApproverMobile', `The request is missing \`${at}.Mobile\`.`);
    if (!MAINLAND_MOBILE.test(mobile))
      throw new EssApiError('InvalidParameter.Mobile', `\`${at}.Mobile\` is not a valid mainland mobile number.`);
    if (type !== undefined && (typeof type !== 'string' || !RELEASABLE_APPROVER_TYPES.has(type))) {
      throw new EssApiError('InvalidParameter.ApproverType', `\`${at}.ApproverType\` must be ORGANIZATION or ENTERPRISESERVER.`);
    }
    if (component !== undefined && (typeof component !== 'string' || !SIGN_COMPONENT_TYPES.has(component))) {
      throw new EssApiError('InvalidParameter.ParamError', `\`${at}.ApproverSignComponentType\` must be SIGN_SEAL or SIGN_SIGNATURE.`);
    }
    if (role !== undefined && (typeof role !== 'string' || characterCount(role) > MAX_SIGN_ROLE)) {
      throw new EssApiError('InvalidParameter.ParamError', `\`${at}.ApproverSignRole\` must be at most ${MAX_SIGN_ROLE} characters.`);
    }
    // RelievedApproverReceiptId is the deprecated spelling the seed's example still uses.
    const recipientId = item.RelievedApproverRecipientId ?? item.RelievedApproverReceiptId;
    if (typeof recipientId !== 'string' || recipientId === '') throw missing(`${at}.RelievedApproverRecipientId`);
    return {
      name,
      mobile,
      recipientId,
      approverType: typeof type === 'string' ? type : 'ORGANIZATION',
      signRole: typeof role === 'string' ? role : undefined,
    };
  });
}

/** The original signers with the released approvers swapped in; enforces the vendor's replacement rules. */
function replaceApprovers(original: readonly EssApproverInfo[], released: readonly ReleasedApprover[]): EssApproverInfo[] {
  if (released.length > original.length) {
    throw new EssApiError(
      'InvalidParameter.ParamError',
      `A release may not have more signers (${released.length}) than the original flow (${original.length}).`,
    );
  }
  const byRecipient = new Map<string, ReleasedApprover>();
  for (const approver of released) {
    const target = original.find((candidate) => candidate.RecipientId === approver.recipientId);
    if (!target) throw new EssApiError('ResourceNotFound.FlowApprover', `The flow has no signer with RecipientId ${approver.recipientId}.`);
    if (!RELEASABLE_APPROVER_TYPES.has(target.ApproveType)) {
      throw new EssApiError(
        'InvalidParameter.ApproverType',
        `The signer ${approver.recipientId} is not an enterprise signer and cannot be replaced.`,
      );
    }
    if (byRecipient.has(approver.recipientId)) {
      throw new EssApiError('OperationDenied.ApproverRepeat', `The signer ${approver.recipientId} is replaced more than once.`);
    }
    byRecipient.set(approver.recipientId, approver);
  }
  // Two replacements with one mobile, or a replacement who already signs the flow, is one person twice.
  const mobiles = new Set(original.filter((approver) => !byRecipient.has(approver.RecipientId)).map((approver) => approver.Mobile));
  for (const approver of released) {
    if (mobiles.has(approver.mobile)) {
      throw new EssApiError('OperationDenied.ApproverRepeat', 'The same signer (mobile number) appears more than once in the release.');
    }
    mobiles.add(approver.mobile);
  }
  return original.map((approver): EssApproverInfo => {
    const replacement = byRecipient.get(approver.RecipientId);
    if (!replacement) return { ...approver };
    return {
      ...approver,
      ApproveName: replacement.name,
      Mobile: replacement.mobile,
      ApproveType: replacement.approverType,
      ApproverRoleName: replacement.signRole ?? approver.ApproverRoleName,
    };
  });
}

import { readString, readText } from '../http/json-readers';
import { SigningKeyCache } from '../http/signing-key-cache';
import type { CallScope, VendorCall, VendorTransport, WireRequest } from '../http/vendor-call';
import { parseEssEnvelope, type EssResponseBody } from './envelope';
import { mapFlowDetails, mapRemindRecords, missingField } from './flow-mapper';
import type { CreateReleaseFlowCommand, FlowRecord, ReleasedApproverCommand, RemindRecord, RemindType } from './model';
import { signTc3 } from './sign';
import { APPROVER_TYPE_WIRE, REMIND_TYPE_WIRE, SIGN_COMPONENT_TYPE_WIRE } from './wire-codes';

const ESS_API_VERSION = '2020-11-11';
const ESS_SERVICE = 'ess';
const CONTENT_TYPE = 'application/json';
/** `DescribeFlowInfo` and `CreateFlowReminds` take at most this many FlowIds per call. */
export const ESS_MAX_FLOW_IDS = 100;

export interface TencentEssCredentials {
  readonly secretId: string;
  readonly secretKey: string;
}

export interface TencentEssClientOptions {
  readonly transport: VendorTransport;
  /** Base URL; its host (with port) is what gets signed. */
  readonly endpoint: string;
  readonly credentials: TencentEssCredentials;
}

export interface CreateReleaseFlowResult {
  readonly releaseFlowId: string;
  readonly requestId: string | undefined;
}

/**
 * Tencent Cloud ESS API 3.0 (`2020-11-11`): builds TC3-signed calls and maps answers to the domain
 * model in `model.ts`. The `Operator` is always given by the caller (from the verified principal or
 * configuration), never by a client's input.
 */
export class TencentEssClient {
  private readonly host: string;
  /** This client's credential signs every call with one derived key per UTC day. */
  private readonly signingKeys = new SigningKeyCache();

  constructor(private readonly options: TencentEssClientOptions) {
    this.host = new URL(options.endpoint).host;
  }

  /**
   * Reads up to 100 flows; unknown ids are absent from the map. `scope` (here and in every method) is the
   * operation the call serves, its budget and caller; undefined outside one (pollers, callbacks).
   */
  async describeFlows(operatorId: string, flowIds: readonly string[], scope?: CallScope): Promise<Map<string, FlowRecord>> {
    if (flowIds.length === 0) return new Map();
    if (flowIds.length > ESS_MAX_FLOW_IDS) throw new RangeError(`describeFlows takes at most ${ESS_MAX_FLOW_IDS} ids`);
    return this.options.transport.execute(
      this.call('DescribeFlowInfo', 'read', false, { Operator: { UserId: operatorId }, FlowIds: flowIds }, mapFlowDetails),
      scope,
    );
  }

  /** Starts a release (rescission) flow for a fully signed flow. A write: never retried once sent. */
  async createReleaseFlow(
    operatorId: string,
    command: CreateReleaseFlowCommand,
    options: { readonly idempotent: boolean },
    scope?: CallScope,
  ): Promise<CreateReleaseFlowResult> {
    return this.options.transport.execute(
      this.call('CreateReleaseFlow', 'write', options.idempotent, releaseFlowBody(operatorId, command), (body) => {
        const releaseFlowId = readText(body.FlowId);
        if (releaseFlowId === undefined) throw missingField('FlowId', body.RequestId);
        return { releaseFlowId, requestId: readString(body.RequestId) };
      }),
      scope,
    );
  }

  /** Reminds pending signers of up to 100 flows; a refusal is a record with `canRemind: false`. */
  async createFlowReminds(
    operatorId: string,
    flowIds: readonly string[],
    remindTypes?: readonly RemindType[],
    scope?: CallScope,
  ): Promise<RemindRecord[]> {
    const body: Record<string, unknown> = { Operator: { UserId: operatorId }, FlowIds: flowIds };
    if (remindTypes && remindTypes.length > 0) body.RemindTypes = remindTypes.map((type) => REMIND_TYPE_WIRE[type]);
    return this.options.transport.execute(this.call('CreateFlowReminds', 'write', false, body, mapRemindRecords), scope);
  }

  private call<T>(
    action: string,
    kind: 'read' | 'write',
    idempotent: boolean,
    payload: Readonly<Record<string, unknown>>,
    map: (body: EssResponseBody) => T,
  ): VendorCall<T> {
    const body = JSON.stringify(payload);
    return {
      operation: action,
      kind,
      idempotent,
      build: (now: Date): WireRequest => {
        const timestamp = Math.floor(now.getTime() / 1000);
        const { authorization } = signTc3({
          secretId: this.options.credentials.secretId,
          secretKey: this.options.credentials.secretKey,
          service: ESS_SERVICE,
          host: this.host,
          contentType: CONTENT_TYPE,
          payload: body,
          timestamp,
          signingKeys: this.signingKeys,
        });
        return {
          method: 'POST',
          path: '/',
          headers: {
            'content-type': CONTENT_TYPE,
            'x-tc-action': action,
            'x-tc-version': ESS_API_VERSION,
            'x-tc-timestamp': String(timestamp),
            'x-tc-language': 'en-US',
            authorization,
          },
          body,
        };
      },
      parse: (response) => map(parseEssEnvelope(response)),
    };
  }
}

// Bodies keep their undefined fields: JSON.stringify, their only reader, leaves them out of the wire.
function releasedApproverBody(approver: ReleasedApproverCommand): Record<string, unknown> {
  return {
    Name: approver.name,
    Mobile: approver.mobile,
    RelievedApproverRecipientId: approver.recipientId,
    // Stryker disable next-line ConditionalExpression: equivalent: the table has no `undefined` row, so the value is undefined and dropped either way
    ApproverType: approver.approverType === undefined ? undefined : APPROVER_TYPE_WIRE[approver.approverType],
    // Stryker disable next-line ConditionalExpression: equivalent: the table has no `undefined` row, so the value is undefined and dropped either way
    ApproverSignComponentType: approver.signComponentType === undefined ? undefined : SIGN_COMPONENT_TYPE_WIRE[approver.signComponentType],
    ApproverSignRole: approver.signRole,
    ApproverSignSealId: approver.sealId,
  };
}

/** The documented body: note the vendor spells the key `ReliveInfo` (type `RelieveInfo`). */
function releaseFlowBody(operatorId: string, command: CreateReleaseFlowCommand): Record<string, unknown> {
  return {
    Operator: { UserId: operatorId },
    NeedRelievedFlowId: command.flowId,
    ReliveInfo: {
      Reason: command.reason,
      RemainInForceItem: command.remainInForceItem,
      OriginalExpenseSettlement: command.originalExpenseSettlement,
      OriginalOtherSettlement: command.originalOtherSettlement,
      OtherDeals: command.otherDeals,
    },
    ReleasedApprovers: command.releasedApprovers?.map(releasedApproverBody),
    Deadline: command.deadline ? Math.floor(command.deadline.getTime() / 1000) : undefined,
    UserData: command.userData,
  };
}

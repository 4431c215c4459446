import { FlowOperation, type FlowChangeEvent } from '../../src/events/agreement-event';
import { isJsonObject } from '../../src/json/json-object';
import { parseJsonOrUndefined, readInteger, readText } from '../http/json-readers';
import { flowStatusFromValue } from './flow-mapper';

/**
 * The decrypted plaintext of an ESS callback (v2): `{MsgId, MsgType, MsgVersion, MsgData}`. Only
 * `FlowStatusChange` becomes an event; any other MsgType is acknowledged and ignored.
 */

/** The MsgType that carries a sign flow's change. */
export const FLOW_STATUS_CHANGE = 'FlowStatusChange';

/** `MsgData.Operate` by its documented lowercase wire value; anything else is `UNKNOWN`. */
const OPERATION_BY_OPERATE: ReadonlyMap<string, FlowOperation> = new Map([
  ['start', FlowOperation.START],
  ['sign', FlowOperation.SIGN],
  ['reject', FlowOperation.REJECT],
  ['cancel', FlowOperation.CANCEL],
  ['finish', FlowOperation.FINISH],
  ['deadline', FlowOperation.DEADLINE],
  ['fill', FlowOperation.FILL],
]);

/** The latest instant a JS Date holds, in Unix seconds: a later `UpdatedOn` is not a time. */
const MAX_DATE_SECONDS = 8.64e12;

/** What a plaintext turned out to be. A `malformed` reason is a fixed phrase (safe to log), never a value from the body. */
export type EssCallbackMessage =
  | { readonly kind: 'flow'; readonly msgId: string; readonly event: FlowChangeEvent }
  | { readonly kind: 'ignored'; readonly msgId: string; readonly msgType: string }
  | { readonly kind: 'malformed'; readonly reason: string };

const malformed = (reason: string): EssCallbackMessage => ({ kind: 'malformed', reason });

/** The `FlowOperation` of an `Operate` value. */
export function flowOperationOf(operate: string | undefined): FlowOperation {
  return (operate === undefined ? undefined : OPERATION_BY_OPERATE.get(operate)) ?? FlowOperation.UNKNOWN;
}

/**
 * Reads one callback plaintext. `receivedAt` stands in for `UpdatedOn` when the vendor sends none (or 0).
 * Shapes are checked (ids non-empty strings, numeric fields integers); never throws.
 */
export function parseCallbackMessage(plaintext: string, receivedAt: Date): EssCallbackMessage {
  const message = parseJsonOrUndefined(plaintext);
  if (!isJsonObject(message)) return malformed('plaintext is not a JSON object');
  const msgId = readText(message.MsgId);
  if (msgId === undefined) return malformed('MsgId is not a non-empty string');
  const msgType = readText(message.MsgType);
  if (msgType === undefined) return malformed('MsgType is not a non-empty string');
  if (message.MsgVersion !== undefined && typeof message.MsgVersion !== 'string') return malformed('MsgVersion is not a string');
  if (msgType !== FLOW_STATUS_CHANGE) return { kind: 'ignored', msgId, msgType };

  const data = message.MsgData;
  if (!isJsonObject(data)) return malformed('MsgData is not an object');
  const flowId = readText(data.FlowId);
  if (flowId === undefined) return malformed('MsgData.FlowId is not a non-empty string');
  const status = readInteger(data.FlowCallbackStatus);
  if (status === undefined) return malformed('MsgData.FlowCallbackStatus is not an integer');
  if (data.Operate !== undefined && typeof data.Operate !== 'string') return malformed('MsgData.Operate is not a string');
  const updatedOn = data.UpdatedOn === undefined ? 0 : readInteger(data.UpdatedOn);
  if (updatedOn === undefined || updatedOn < 0 || updatedOn > MAX_DATE_SECONDS) {
    return malformed('MsgData.UpdatedOn is not Unix seconds');
  }
  return {
    kind: 'flow',
    msgId,
    event: {
      kind: 'flow',
      // The vendor's MsgId is the same on every redelivery, so deduplication by eventId holds.
      eventId: msgId,
      flowId,
      status: flowStatusFromValue(status),
      operation: flowOperationOf(data.Operate),
      // ESS writes 0 for "no time" elsewhere; treat it like an absent UpdatedOn.
      occurredAt: (updatedOn > 0 ? new Date(updatedOn * 1000) : receivedAt).toISOString(),
    },
  };
}

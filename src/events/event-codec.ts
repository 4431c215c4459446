import { FlowStatus } from '../../datasources/tencent-ess/model';
import { DocumentStatus } from '../../datasources/vnpt-econtract/model';
import { isJsonObject, type JsonObject } from '../json/json-object';
import { FlowOperation, type AgreementEvent } from './agreement-event';

/** The id of the entity an event is about (`flowId`, `documentId` or `invitationId`). */
export function entityIdOf(event: AgreementEvent): string {
  switch (event.kind) {
    case 'flow':
      return event.flowId;
    case 'document':
      return event.documentId;
    case 'invitation':
      return event.invitationId;
  }
}

/** The federation entity type an event is about; the entity cache keys on it. */
export function entityTypeOf(event: AgreementEvent): 'Flow' | 'Document' | 'Invitation' {
  switch (event.kind) {
    case 'flow':
      return 'Flow';
    case 'document':
      return 'Document';
    case 'invitation':
      return 'Invitation';
  }
}

/** `value` when it is one of `members`, else undefined: narrows a string to an enum without a cast. */
function memberOf<T extends string>(members: Readonly<Record<string, T>>, value: unknown): T | undefined {
  return Object.values(members).find((member) => member === value);
}

function text(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads an event a replica published (JSON of an `AgreementEvent`). Only replicas publish on the channel,
 * but a message without an event's exact shape (another version, a stray PUBLISH) is dropped, never
 * rendered half-read.
 */
export function decodeEvent(message: string): AgreementEvent | undefined {
  let parsed: unknown;
  // Stryker disable BlockStatement: equivalent: emptying either block leaves `parsed` undefined, which the next check refuses
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  // Stryker restore BlockStatement
  if (!isJsonObject(parsed)) return undefined;
  const eventId = text(parsed, 'eventId');
  const occurredAt = text(parsed, 'occurredAt');
  if (eventId === undefined || occurredAt === undefined) return undefined;
  switch (parsed.kind) {
    case 'flow': {
      const flowId = text(parsed, 'flowId');
      const status = memberOf(FlowStatus, parsed.status);
      const operation = memberOf(FlowOperation, parsed.operation);
      if (flowId === undefined || status === undefined || operation === undefined) return undefined;
      return { kind: 'flow', eventId, flowId, status, operation, occurredAt };
    }
    case 'document': {
      const documentId = text(parsed, 'documentId');
      const status = memberOf(DocumentStatus, parsed.status);
      if (documentId === undefined || status === undefined) return undefined;
      return { kind: 'document', eventId, documentId, status, occurredAt };
    }
    case 'invitation': {
      const invitationId = text(parsed, 'invitationId');
      const status = text(parsed, 'status');
      if (invitationId === undefined || status === undefined) return undefined;
      return { kind: 'invitation', eventId, invitationId, status, occurredAt };
    }
    // Stryker disable next-line all: equivalent: falling out of the switch returns undefined as well
    default:
      return undefined;
  }
}

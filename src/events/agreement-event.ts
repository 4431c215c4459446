import type { FlowStatus } from '../../datasources/tencent-ess/model';
import type { DocumentStatus } from '../../datasources/vnpt-econtract/model';

/**
 * What a vendor event says happened, vendor-neutral and JSON-safe (it crosses replicas through a
 * Redis stream as JSON). The vendor's wire format stays in its datasource; resolvers render these.
 *
 * `eventId` is stable: the same vendor event, redelivered or received by two replicas, has the same id
 * (the vendor's MsgId where it gives one, else a hash of what identifies the change), so deduplication by
 * `eventId` emits it once. `occurredAt` is an ISO-8601 instant: when the vendor says it happened, or when
 * we noticed it where the vendor gives no time.
 */
export type AgreementEvent = FlowChangeEvent | DocumentChangeEvent | InvitationChangeEvent;

/** The ESS `Operate` of a flow callback, by its documented lowercase wire value. */
export enum FlowOperation {
  START = 'START',
  SIGN = 'SIGN',
  REJECT = 'REJECT',
  CANCEL = 'CANCEL',
  FINISH = 'FINISH',
  DEADLINE = 'DEADLINE',
  FILL = 'FILL',
  UNKNOWN = 'UNKNOWN',
}

/** An ESS sign flow changed (callback `FlowStatusChange`). */
export interface FlowChangeEvent {
  readonly kind: 'flow';
  readonly eventId: string;
  readonly flowId: string;
  /** `FlowCallbackStatus`, mapped by value like `FlowStatus` (same numbering). */
  readonly status: FlowStatus;
  readonly operation: FlowOperation;
  readonly occurredAt: string;
}

/** A VNPT document changed; `status` is what the vendor reported on re-reading it, never the webhook's claim. */
export interface DocumentChangeEvent {
  readonly kind: 'document';
  readonly eventId: string;
  readonly documentId: string;
  readonly status: DocumentStatus;
  readonly occurredAt: string;
}

/** A Volcengine finance invitation changed status (found by polling `ListInvitation`). */
export interface InvitationChangeEvent {
  readonly kind: 'invitation';
  readonly eventId: string;
  /** The opaque `Invitation.id`. */
  readonly invitationId: string;
  /** The vendor's status text, as `InvitationRecord.status` (Volcengine documents no status meanings). */
  readonly status: string;
  readonly occurredAt: string;
}

export type AgreementEventKind = AgreementEvent['kind'];

/**
 * Where receivers and pollers hand events: deduplicates by `eventId` across replicas, then fans out.
 * Resolves `emitted` when this call emitted the event, `duplicate` when it had been emitted before.
 * Rejects (a retryable `VendorError`) when the shared store cannot record it: the receiver then answers
 * 5xx so the vendor redelivers, rather than risk losing or doubling the event.
 */
export type EventSink = (event: AgreementEvent) => Promise<'emitted' | 'duplicate'>;

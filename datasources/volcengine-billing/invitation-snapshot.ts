import type { InvitationChangeEvent } from '../../src/events/agreement-event';
import { isJsonObject } from '../../src/json/json-object';
import { sha256Hex } from '../http/hashing';
import { parseJsonOrUndefined } from '../http/json-readers';
import type { InvitationRecord } from './model';

/**
 * What the invitation poller remembers between polls, by `Invitation.id`: each invitation's status as last
 * seen. Stored as JSON in the shared store so that whichever replica polls next continues from it.
 */
export type InvitationSnapshot = ReadonlyMap<string, string>;

const SNAPSHOT_VERSION = 1;

/**
 * The status as compared between polls: the vendor's number when it sent one (its text may change wording
 * or language without the status changing), else its text.
 */
function statusKey(record: InvitationRecord): string {
  return record.statusCode === undefined ? `text:${record.status}` : `code:${String(record.statusCode)}`;
}

/** The snapshot of one `ListInvitation` answer. */
export function snapshotOf(records: readonly InvitationRecord[]): InvitationSnapshot {
  return new Map(records.map((record) => [record.id, statusKey(record)]));
}

export function serializeSnapshot(snapshot: InvitationSnapshot): string {
  return JSON.stringify({ v: SNAPSHOT_VERSION, statuses: Object.fromEntries(snapshot) });
}

/** Reads what `serializeSnapshot` wrote; `undefined` for anything else (an older format, a damaged value). */
export function parseSnapshot(text: string): InvitationSnapshot | undefined {
  const value = parseJsonOrUndefined(text);
  if (!isJsonObject(value) || value.v !== SNAPSHOT_VERSION || !isJsonObject(value.statuses)) return undefined;
  const entries = Object.entries(value.statuses);
  if (!entries.every((entry): entry is [string, string] => typeof entry[1] === 'string')) return undefined;
  return new Map(entries);
}

/**
 * One event per invitation whose status differs from `previous`, in listing order. An invitation absent
 * from `previous` (newly addressed to this account) is a change too: a frontend wants to hear of a new
 * invitation. An invitation that left the list yields nothing: its new status is not known.
 *
 * `eventId` is `volc:` + SHA-256 of (invitation id, status, `UpdateTime`): stable for one change, whichever
 * replica sees it and however often, so deduplication emits it once. `occurredAt` is the vendor's
 * `UpdateTime`, or `noticedAt` when it sent none.
 */
export function invitationChanges(
  previous: InvitationSnapshot,
  records: readonly InvitationRecord[],
  noticedAt: Date,
): InvitationChangeEvent[] {
  const events: InvitationChangeEvent[] = [];
  for (const record of records) {
    const status = statusKey(record);
    if (previous.get(record.id) === status) continue;
    const updatedAt = record.updatedAt?.toISOString();
    // Stryker disable next-line StringLiteral: equivalent: any constant for an absent time gives the same deduplication
    const eventKey = JSON.stringify([record.id, status, updatedAt ?? '']);
    events.push({
      kind: 'invitation',
      eventId: `volc:${sha256Hex(eventKey)}`,
      invitationId: record.id,
      status: record.status,
      occurredAt: updatedAt ?? noticedAt.toISOString(),
    });
  }
  return events;
}

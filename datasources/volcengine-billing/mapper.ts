import { isCalendarDay } from '../http/calendar-day';
import { isJsonObject } from '../../src/json/json-object';
import { readInteger, readText } from '../http/json-readers';
import { encodeInvitationId } from './invitation-id';
import { FinancialRelation, InvitationType, type InvitationRecord } from './model';
import { financialRelationFromCode, invitationTypeFromCode } from './wire-codes';

/**
 * `ListInvitation` `Result.List[]` items (SDK shape, VENDORS.md) → `InvitationRecord`s. Vendor input is
 * untrusted: wrong types read as absent, unknown numbers become `UNKNOWN`, and nothing here throws. An
 * item without a RelationID cannot be addressed (the id needs it), so it yields no record.
 */

/** `UpdateTime` without an offset (`2023-05-31 19:07:37`) is Beijing time, the vendor's home zone. */
const VENDOR_UTC_OFFSET = '+08:00';

/**
 * An account UID as decimal text. Accepts a JSON string of digits (what `parseKeepingIntegers` makes of
 * the UID fields) or a safe integer; an unsafe double has already lost digits, so it reads as absent
 * rather than wrong.
 */
function accountId(value: unknown): string | undefined {
  if (typeof value === 'string') return /^\d+$/.test(value) ? value : undefined;
  // Stryker disable next-line ConditionalExpression: equivalent: Number.isSafeInteger refuses every non-number; the check narrows the type
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
}

/** Whether `iso` starts with a `YYYY-MM-DD` that names a day of the calendar. */
function startsWithCalendarDate(iso: string): boolean {
  // Stryker disable next-line Regex: equivalent: the caller has matched the whole text against an anchored pattern
  const parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent: the caller's pattern guarantees a match
  if (!parts) return false;
  return isCalendarDay(Number(parts[1]), Number(parts[2]), Number(parts[3]));
}

/**
 * Reads `2023-05-31 19:07:37` (UTC+8) or an ISO 8601 instant; `undefined` if it is neither, or if its date
 * is not a day of the calendar (`Date` would roll `2024-02-30` into March).
 */
export function parseVendorTime(value: unknown): Date | undefined {
  const raw = readText(value)?.trim();
  // Stryker disable next-line ConditionalExpression: equivalent: an empty text matches neither pattern below
  if (!raw) return undefined;
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(raw);
  const iso = local ? `${local[1]}T${local[2]}${VENDOR_UTC_OFFSET}` : raw;
  // Stryker disable next-line Regex: equivalent for either anchor: startsWithCalendarDate refuses a prefix, and V8's Date any suffix
  if (!local && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) return undefined;
  if (!startsWithCalendarDate(iso)) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function numberList(value: unknown): readonly number[] | undefined {
  if (!Array.isArray(value)) return undefined;
  // Stryker disable next-line ConditionalExpression: equivalent: Number.isSafeInteger refuses every non-number; the check narrows the type
  return value.filter((entry): entry is number => typeof entry === 'number' && Number.isSafeInteger(entry));
}

function statusText(description: string | undefined, code: number | undefined): string {
  return description ?? (code !== undefined ? String(code) : 'UNKNOWN');
}

/** The fields every record of one item shares. */
interface Common {
  readonly type: InvitationType;
  readonly relationId: string;
  readonly relation: FinancialRelation;
  readonly majorAccountId?: string;
  readonly majorAccountName?: string;
  readonly subAccountId?: string;
  readonly subAccountName?: string;
  readonly updatedAt?: Date;
}

interface OfferedAuthorization {
  readonly authId: string;
  readonly authList?: readonly number[];
  readonly authStatus?: number;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

function relationRecord(common: Common, relation: Record<string, unknown>): InvitationRecord {
  const statusCode = readInteger(relation.Status);
  return withoutUndefined({
    ...common,
    id: encodeInvitationId({ type: common.type, relationId: common.relationId }),
    status: statusText(readText(relation.StatusDesc), statusCode),
    statusCode,
  });
}

function authorizationRecord(common: Common, { authId, authList, authStatus }: OfferedAuthorization): InvitationRecord {
  return withoutUndefined({
    ...common,
    id: encodeInvitationId({ type: common.type, relationId: common.relationId, authId }),
    authId,
    authList,
    // No text comes with AuthStatus, and the relation's StatusDesc describes the relation, not this authorization.
    status: statusText(undefined, authStatus),
    statusCode: authStatus,
  });
}

/** The authorizations an AUTHORIZATION item offers: its `Auth`, else each entry of `Relation.AuthInfo`. */
function authorizations(item: Record<string, unknown>, relation: Record<string, unknown>): OfferedAuthorization[] {
  // Stryker disable next-line ArrayDeclaration: equivalent: a string entry has no AuthID, so the lookups below find nothing in either list
  const authInfo = Array.isArray(relation.AuthInfo) ? relation.AuthInfo.filter(isJsonObject) : [];
  const statusOf = (authId: string): number | undefined => readInteger(authInfo.find((entry) => entry.AuthID === authId)?.AuthStatus);
  const auth = isJsonObject(item.Auth) ? item.Auth : undefined;
  const authId = readText(auth?.AuthID);
  if (auth && authId) return [{ authId, authList: numberList(auth.AuthList), authStatus: statusOf(authId) }];
  return authInfo.flatMap((entry) => {
    const id = readText(entry.AuthID);
    return id ? [{ authId: id, authList: numberList(entry.AuthList), authStatus: readInteger(entry.AuthStatus) }] : [];
  });
}

/** Maps one `List[]` item; an authorization item yields one record per AuthID. */
export function mapInvitationItem(item: unknown): InvitationRecord[] {
  if (!isJsonObject(item)) return [];
  const relation = isJsonObject(item.Relation) ? item.Relation : {};
  const auth = isJsonObject(item.Auth) ? item.Auth : {};
  const relationId = readText(relation.RelationID) ?? readText(auth.RelationID);
  if (!relationId) return [];
  const type = invitationTypeFromCode(item.InvitationType);
  const common: Common = withoutUndefined({
    type,
    relationId,
    relation: financialRelationFromCode(relation.Relation),
    majorAccountId: accountId(relation.MajorAccountID) ?? accountId(auth.MajorAccountID),
    majorAccountName: readText(relation.MajorAccountName),
    subAccountId: accountId(relation.SubAccountID) ?? accountId(auth.SubAccountID),
    subAccountName: readText(relation.SubAccountName),
    updatedAt: parseVendorTime(relation.UpdateTime),
  });
  if (type !== InvitationType.AUTHORIZATION) return [relationRecord(common, relation)];
  return authorizations(item, relation).map((offered) => authorizationRecord(common, offered));
}

/** Maps `Result.List`; anything but an array maps to no records. Duplicate ids keep the first. */
export function mapInvitationList(list: unknown): InvitationRecord[] {
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  return list.flatMap(mapInvitationItem).filter((record) => {
    if (seen.has(record.id)) return false;
    seen.add(record.id);
    return true;
  });
}

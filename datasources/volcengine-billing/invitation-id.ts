import { InvitationType, VOLC_ID_MAX_LENGTH } from './model';

/**
 * The opaque, stable `Invitation.id` (DESIGN.md "Schema contract"): base64url (no padding) of
 * `inv:1:{relationId}` for a relation invitation, `inv:2:{relationId}:{authId}` for an authorization
 * invitation, and `inv:0:{relationId}[:{authId}]` for a type this code does not know. Components are
 * percent-encoded, so any RelationID/AuthID text survives the `:` separators. Every id has exactly one
 * spelling: decoding re-encodes and rejects anything that differs.
 */

export interface InvitationKey {
  readonly type: InvitationType;
  readonly relationId: string;
  /** Required for `AUTHORIZATION`, absent for `RELATION`. */
  readonly authId?: string;
}

const PREFIX = 'inv';
const TYPE_TAGS: Readonly<Record<InvitationType, string>> = Object.freeze({
  [InvitationType.UNKNOWN]: '0',
  [InvitationType.RELATION]: '1',
  [InvitationType.AUTHORIZATION]: '2',
});

/** A code point percent-encodes to at most 12 characters (4 UTF-8 bytes, `%XX` each). */
const MAX_ENCODED_CODE_POINT = 12;

/**
 * The longest id `encodeInvitationId` makes for a RelationID and an AuthID of at most `VOLC_ID_MAX_LENGTH`
 * code points each (what `respondToInvitation` accepts): `inv:2:{relationId}:{authId}` in base64url
 * without padding. Anything longer is not an id this service issued, so it can be refused unread.
 */
export const INVITATION_ID_MAX_LENGTH = Math.ceil(((`${PREFIX}:2:`.length + 1 + 2 * VOLC_ID_MAX_LENGTH * MAX_ENCODED_CODE_POINT) * 4) / 3);

function typeFromTag(tag: string): InvitationType | undefined {
  for (const type of Object.values(InvitationType)) if (TYPE_TAGS[type] === tag) return type;
  return undefined;
}

function isValidKey(key: InvitationKey): boolean {
  if (key.relationId.length === 0) return false;
  if (key.type === InvitationType.RELATION) return key.authId === undefined;
  if (key.type === InvitationType.AUTHORIZATION) return key.authId !== undefined && key.authId.length > 0;
  return key.authId === undefined || key.authId.length > 0;
}

/**
 * Encodes `key`. Throws a `RangeError` for an inconsistent key (empty RelationID, an AuthID on a
 * relation invitation or none on an authorization invitation): that is a bug in the caller.
 */
export function encodeInvitationId(key: InvitationKey): string {
  if (!isValidKey(key)) throw new RangeError('inconsistent invitation key');
  const parts = [PREFIX, TYPE_TAGS[key.type], encodeURIComponent(key.relationId)];
  if (key.authId !== undefined) parts.push(encodeURIComponent(key.authId));
  // Stryker disable next-line StringLiteral: equivalent: Node reads an empty encoding name as UTF-8, the default
  return Buffer.from(parts.join(':'), 'utf8').toString('base64url');
}

/** Decodes an id made by `encodeInvitationId`; `undefined` for anything else (never throws). */
export function decodeInvitationId(id: string): InvitationKey | undefined {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,Regex: equivalent: a shortcut; the round trip at the end refuses such ids too
  if (id.length > INVITATION_ID_MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const parts: readonly (string | undefined)[] = Buffer.from(id, 'base64url').toString('utf8').split(':');
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: a shortcut; the round trip at the end refuses such ids too
  if (parts.length < 3 || parts.length > 4 || parts[0] !== PREFIX) return undefined;
  const type = typeFromTag(parts[1] ?? '');
  // Stryker disable next-line ConditionalExpression: equivalent: a shortcut; the round trip at the end refuses an unknown tag too
  if (type === undefined) return undefined;
  let key: InvitationKey;
  try {
    const relationId = decodeURIComponent(parts[2] ?? '');
    key = parts[3] === undefined ? { type, relationId } : { type, relationId, authId: decodeURIComponent(parts[3]) };
  } catch {
    return undefined;
  }
  if (!isValidKey(key)) return undefined;
  // Rejects alternative spellings (other percent-encodings, stray bits in the last base64 character).
  return encodeInvitationId(key) === id ? key : undefined;
}

import {
  decodeInvitationId,
  encodeInvitationId,
  INVITATION_ID_MAX_LENGTH,
  type InvitationKey,
} from '../../../datasources/volcengine-billing/invitation-id';
import { InvitationType } from '../../../datasources/volcengine-billing/model';

describe('encodeInvitationId / decodeInvitationId', () => {
  it.each<[string, InvitationKey]>([
    ['a relation invitation', { type: InvitationType.RELATION, relationId: 'rel7242575109678977324' }],
    [
      'an authorization invitation',
      { type: InvitationType.AUTHORIZATION, relationId: 'rel7349065058705019180', authId: 'auth7242575109679075628' },
    ],
    ['an unknown type', { type: InvitationType.UNKNOWN, relationId: 'rel1' }],
    ['ids with separators and non-ASCII', { type: InvitationType.AUTHORIZATION, relationId: 'rel:a/b%c', authId: '授权:1' }],
  ])('round-trips %s', (_label, key) => {
    const id = encodeInvitationId(key);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeInvitationId(id)).toEqual(key);
  });

  it('produces the documented payload when given a relation invitation', () => {
    const id = encodeInvitationId({ type: InvitationType.RELATION, relationId: 'rel7242575109678977324' });
    expect(Buffer.from(id, 'base64url').toString('utf8')).toBe('inv:1:rel7242575109678977324');
  });

  it('issues its longest id (128 four-byte characters in both RelationID and AuthID) at exactly the length limit', () => {
    // `inv:2:` + 2 x 128 x 12 (`%XX` per UTF-8 byte) + `:` = 3079 bytes, 4106 characters of base64url.
    const longest = '\u{20000}'.repeat(128);
    const id = encodeInvitationId({ type: InvitationType.AUTHORIZATION, relationId: longest, authId: longest });
    expect(id).toHaveLength(4106);
    expect(INVITATION_ID_MAX_LENGTH).toBe(4106);
    expect(decodeInvitationId(id)).toEqual({ type: InvitationType.AUTHORIZATION, relationId: longest, authId: longest });
  });

  it('refuses text longer than the length limit without decoding it', () => {
    const tooLong = `${encodeInvitationId({ type: InvitationType.RELATION, relationId: 'rel1' })}${'A'.repeat(4106)}`;
    expect(decodeInvitationId(tooLong)).toBeUndefined();
  });

  it('gives different ids to different authorizations of one relation', () => {
    const a = encodeInvitationId({ type: InvitationType.AUTHORIZATION, relationId: 'rel1', authId: 'auth1' });
    const b = encodeInvitationId({ type: InvitationType.AUTHORIZATION, relationId: 'rel1', authId: 'auth2' });
    expect(a).not.toBe(b);
  });

  it.each<[string, InvitationKey]>([
    ['an empty relationId', { type: InvitationType.RELATION, relationId: '' }],
    ['an authId on a relation invitation', { type: InvitationType.RELATION, relationId: 'rel1', authId: 'auth1' }],
    ['no authId on an authorization invitation', { type: InvitationType.AUTHORIZATION, relationId: 'rel1' }],
  ])('throws when given %s', (_label, key) => {
    expect(() => encodeInvitationId(key)).toThrow(RangeError);
  });

  const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

  it.each([
    ['an empty string', ''],
    ['characters outside base64url', 'inv:1:rel1'],
    ['padding', `${b64('inv:1:rel1')}=`],
    ['another prefix', b64('xyz:1:rel1')],
    ['an unknown type tag', b64('inv:9:rel1')],
    ['too few parts', b64('inv:1')],
    ['too many parts', b64('inv:2:rel1:auth1:extra')],
    ['an authId on a relation', b64('inv:1:rel1:auth1')],
    ['a missing authId on an authorization', b64('inv:2:rel1')],
    ['an empty relationId', b64('inv:1:')],
    ['broken percent-encoding', b64('inv:1:rel%ZZ')],
    ['a non-canonical percent-encoding', b64('inv:1:r%65l1')],
  ])('returns undefined when given %s', (_label, id) => {
    expect(decodeInvitationId(id)).toBeUndefined();
  });
});

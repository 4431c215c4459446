import { FinancialRelation, InvitationType } from '../../../datasources/volcengine-billing/model';
import { decodeInvitationId, encodeInvitationId } from '../../../datasources/volcengine-billing/invitation-id';
import { mapInvitationItem, mapInvitationList, parseVendorTime } from '../../../datasources/volcengine-billing/mapper';

const RELATION_ITEM = {
  InvitationType: 1,
  Relation: {
    RelationID: 'rel7242575109678977324',
    Relation: 1,
    RelationDesc: '财务托管',
    MajorAccountID: 3000000123,
    MajorAccountName: 'Globex',
    SubAccountID: '2100000001',
    SubAccountName: 'sandbox-sub-account',
    Status: 100,
    StatusDesc: '邀约中',
    UpdateTime: '2024-04-01 10:00:00',
    AuthInfo: [],
  },
};

const AUTHORIZATION_ITEM = {
  InvitationType: 2,
  Relation: {
    RelationID: 'rel7349065058705019180',
    Relation: 4,
    MajorAccountID: 2100250145,
    SubAccountID: 2100000001,
    Status: 200,
    StatusDesc: '关系已建立',
    AuthInfo: [{ AuthID: 'auth7242575109679075628', AuthList: [1, 3, 5], AuthStatus: 100 }],
  },
  Auth: {
    AuthID: 'auth7242575109679075628',
    AuthList: [1, 3, 5],
    MajorAccountID: 2100250145,
    RelationID: 'rel7349065058705019180',
    SubAccountID: 2100000001,
  },
};

describe('mapInvitationItem', () => {
  it('maps a relation invitation with enums by value, UIDs as text and UpdateTime as UTC+8', () => {
    expect(mapInvitationItem(RELATION_ITEM)).toEqual([
      {
        id: encodeInvitationId({ type: InvitationType.RELATION, relationId: 'rel7242575109678977324' }),
        type: InvitationType.RELATION,
        relationId: 'rel7242575109678977324',
        relation: FinancialRelation.FINANCIAL_CUSTODY,
        majorAccountId: '3000000123',
        majorAccountName: 'Globex',
        subAccountId: '2100000001',
        subAccountName: 'sandbox-sub-account',
        status: '邀约中',
        statusCode: 100,
        updatedAt: new Date('2024-04-01T02:00:00Z'),
      },
    ]);
  });

  it('produces a record with authId when given an authorization invitation', () => {
    const records = mapInvitationItem(AUTHORIZATION_ITEM);
    expect(records).toHaveLength(1);
    const record = records.at(0);
    expect(record).toMatchObject({
      type: InvitationType.AUTHORIZATION,
      relationId: 'rel7349065058705019180',
      relation: FinancialRelation.FINANCIAL_MANAGEMENT,
      authId: 'auth7242575109679075628',
      authList: [1, 3, 5],
      statusCode: 100,
      status: '100',
      majorAccountId: '2100250145',
    });
    expect(decodeInvitationId(record?.id ?? '')).toEqual({
      type: InvitationType.AUTHORIZATION,
      relationId: 'rel7349065058705019180',
      authId: 'auth7242575109679075628',
    });
  });

  it('produces one record per AuthInfo entry when given an authorization item without Auth', () => {
    const item = {
      InvitationType: 2,
      Relation: {
        RelationID: 'rel1',
        Relation: 4,
        AuthInfo: [{ AuthID: 'a1', AuthStatus: 100 }, { AuthID: 'a2', AuthStatus: 200 }, { AuthList: [1] }],
      },
    };
    expect(mapInvitationItem(item).map((record) => [record.authId, record.statusCode])).toEqual([
      ['a1', 100],
      ['a2', 200],
    ]);
  });

  it('skips AuthInfo entries that are not objects instead of failing the item', () => {
    const item = {
      InvitationType: 2,
      Relation: { RelationID: 'rel1', Relation: 4, AuthInfo: [null, 'a0', 7, { AuthID: 'a1', AuthStatus: 100 }] },
    };
    expect(mapInvitationItem(item).map((record) => [record.authId, record.statusCode])).toEqual([['a1', 100]]);
  });

  it('uses UNKNOWN when given numbers the vendor added later', () => {
    const record = mapInvitationItem({ InvitationType: 7, Relation: { RelationID: 'rel9', Relation: 9, Status: 999 } }).at(0);
    expect(record).toMatchObject({ type: InvitationType.UNKNOWN, relation: FinancialRelation.UNKNOWN, status: '999', statusCode: 999 });
  });

  it('does not throw and leaves optional fields out when given a bare item', () => {
    const record = mapInvitationItem({ InvitationType: 1, Relation: { RelationID: 'rel2' } }).at(0);
    expect(record).toEqual({
      id: encodeInvitationId({ type: InvitationType.RELATION, relationId: 'rel2' }),
      type: InvitationType.RELATION,
      relationId: 'rel2',
      relation: FinancialRelation.UNKNOWN,
      status: 'UNKNOWN',
    });
  });

  it.each([
    ['null', null],
    ['a string', 'item'],
    ['no RelationID', { InvitationType: 1, Relation: { Relation: 1 } }],
    ['wrong field types', { InvitationType: '1', Relation: { RelationID: 5, MajorAccountID: 'abc' } }],
    ['an authorization item without any AuthID', { InvitationType: 2, Relation: { RelationID: 'rel3' } }],
  ])('returns no record when given %s', (_label, item) => {
    expect(mapInvitationItem(item)).toEqual([]);
  });

  it('ignores UIDs that are not digits or have lost precision', () => {
    const record = mapInvitationItem({
      InvitationType: 1,
      Relation: { RelationID: 'rel4', MajorAccountID: 2 ** 60, SubAccountID: '-1' },
    }).at(0);
    expect(record?.majorAccountId).toBeUndefined();
    expect(record?.subAccountId).toBeUndefined();
  });
});

describe('mapInvitationList', () => {
  it('maps every item and drops duplicate ids', () => {
    const records = mapInvitationList([RELATION_ITEM, AUTHORIZATION_ITEM, RELATION_ITEM]);
    expect(records.map((record) => record.type)).toEqual([InvitationType.RELATION, InvitationType.AUTHORIZATION]);
  });

  it('returns no records when given something other than an array', () => {
    expect(mapInvitationList({ List: [] })).toEqual([]);
  });
});

describe('parseVendorTime', () => {
  it.each([
    ['2023-05-31 19:07:37', '2023-05-31T11:07:37.000Z'],
    ['2023-05-31T19:07:37+08:00', '2023-05-31T11:07:37.000Z'],
    ['2023-05-31T11:07:37Z', '2023-05-31T11:07:37.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseVendorTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['yesterday'],
    [''],
    [1685531257],
    ['2023-13-45 99:99:99'],
    // Neither the vendor's UTC+8 form nor an instant: `Date` would read the first as UTC, the second in the machine's zone.
    ['2023-05-31'],
    ['2023-05-31T11:07'],
  ])('returns undefined when given %s', (value) => {
    expect(parseVendorTime(value)).toBeUndefined();
  });
});

import {
  invitationChanges,
  parseSnapshot,
  serializeSnapshot,
  snapshotOf,
  type InvitationSnapshot,
} from '../../../datasources/volcengine-billing/invitation-snapshot';
import { FinancialRelation, InvitationType, type InvitationRecord } from '../../../datasources/volcengine-billing/model';

const NOTICED_AT = new Date('2026-12-04T10:00:00.000Z');

function invitation(relationId: string, status: string, statusCode?: number, updatedAt?: Date): InvitationRecord {
  return {
    id: `inv-${relationId}`,
    type: InvitationType.RELATION,
    relationId,
    relation: FinancialRelation.FINANCIAL_CUSTODY,
    status,
    statusCode,
    updatedAt,
  };
}

/** The snapshot after one poll listing `records`, as the poller keeps it. */
function after(records: readonly InvitationRecord[]): InvitationSnapshot {
  const parsed = parseSnapshot(serializeSnapshot(snapshotOf(records)));
  if (parsed === undefined) throw new Error('a serialized snapshot did not parse');
  return parsed;
}

describe('invitationChanges', () => {
  it('sees no change when only the wording of a numbered status changed', () => {
    const previous = after([invitation('a', '邀约中', 100)]);
    expect(invitationChanges(previous, [invitation('a', 'Inviting', 100)], NOTICED_AT)).toEqual([]);
  });

  it('sees a change when the status number changed, whatever the text', () => {
    const previous = after([invitation('a', '邀约中', 100)]);
    const changes = invitationChanges(previous, [invitation('a', '邀约中', 200)], NOTICED_AT);
    expect(changes.map((event) => event.invitationId)).toEqual(['inv-a']);
  });

  it('compares the text when the vendor sent no status number', () => {
    const previous = after([invitation('a', '邀约中')]);
    expect(invitationChanges(previous, [invitation('a', '邀约中')], NOTICED_AT)).toEqual([]);
    expect(invitationChanges(previous, [invitation('a', '已拒绝')], NOTICED_AT).map((event) => event.status)).toEqual(['已拒绝']);
  });

  it("dates an event at the vendor's UpdateTime, or when it was noticed without one", () => {
    const updatedAt = new Date('2026-12-03T08:30:00.000Z');
    const changes = invitationChanges(after([]), [invitation('a', '邀约中', 100, updatedAt), invitation('b', '邀约中', 100)], NOTICED_AT);
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'invitation', invitationId: 'inv-a', status: '邀约中', occurredAt: '2026-12-03T08:30:00.000Z' }),
      expect.objectContaining({ kind: 'invitation', invitationId: 'inv-b', status: '邀约中', occurredAt: '2026-12-04T10:00:00.000Z' }),
    ]);
  });

  it('gives one change the same volc: eventId however often and whenever it is noticed', () => {
    const updatedAt = new Date('2026-12-03T08:30:00.000Z');
    const records = [invitation('a', '关系已建立', 200, updatedAt), invitation('b', '已拒绝', 300)];
    const first = invitationChanges(after([]), records, NOTICED_AT);
    const again = invitationChanges(after([]), records, new Date('2026-12-05T00:00:00.000Z'));
    expect(again.map((event) => event.eventId)).toEqual(first.map((event) => event.eventId));
    for (const event of first) expect(event.eventId).toMatch(/^volc:[0-9a-f]{64}$/);
  });

  it('gives different changes different eventIds: another invitation, another status, another UpdateTime', () => {
    const t1 = new Date('2026-12-03T08:30:00.000Z');
    const t2 = new Date('2026-12-03T09:30:00.000Z');
    const ids = [
      invitation('a', '关系已建立', 200, t1),
      invitation('b', '关系已建立', 200, t1),
      invitation('a', '已拒绝', 300, t1),
      invitation('a', '关系已建立', 200, t2),
      invitation('a', '关系已建立', 200),
    ].map((record) => invitationChanges(after([]), [record], NOTICED_AT)[0]?.eventId);
    expect(new Set(ids).size).toBe(5);
  });
});

describe('parseSnapshot', () => {
  it('reads back what serializeSnapshot wrote', () => {
    const snapshot = snapshotOf([invitation('a', '邀约中', 100), invitation('b', '已拒绝')]);
    expect(parseSnapshot(serializeSnapshot(snapshot))).toEqual(snapshot);
  });

  it.each([
    ['not JSON', 'not json'],
    ['JSON that is not an object', '[1]'],
    ['another version', JSON.stringify({ v: 2, statuses: { 'inv-a': 'code:100' } })],
    ['no version', JSON.stringify({ statuses: { 'inv-a': 'code:100' } })],
    ['statuses that are not an object', JSON.stringify({ v: 1, statuses: 'code:100' })],
    ['no statuses', JSON.stringify({ v: 1 })],
    ['a status that is not text', JSON.stringify({ v: 1, statuses: { 'inv-a': 'code:100', 'inv-b': 200 } })],
    ['a first status that is not text', JSON.stringify({ v: 1, statuses: { 'inv-a': null, 'inv-b': 'code:200' } })],
  ])('refuses %s', (_label, text) => {
    expect(parseSnapshot(text)).toBeUndefined();
  });

  it('reads an empty snapshot', () => {
    expect(parseSnapshot(JSON.stringify({ v: 1, statuses: {} }))).toEqual(new Map());
  });
});

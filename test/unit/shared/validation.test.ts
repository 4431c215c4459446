import { toCancelDocumentCommand } from '../../../resolvers/document/cancel-document.validation';
import { CreateReleaseFlowInput, ReleasedApproverInput } from '../../../resolvers/flow/create-release-flow.input';
import { toCreateReleaseFlowCommand } from '../../../resolvers/flow/create-release-flow.validation';
import { flowNotReturned } from '../../../resolvers/flow/flow-not-returned';
import { requireInvitationIdText } from '../../../resolvers/invitation/invitation-id.validation';
import { requireEntityId } from '../../../resolvers/shared/entity-id';
import {
  characterCount,
  optionalFutureDate,
  optionalText,
  requireMobile,
  requireText,
  uniqueIds,
} from '../../../resolvers/shared/validation';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';

/** The INVALID_INPUT a check throws, as `{ field, message }` (or a note that it threw nothing or something else). */
function refusal(check: () => unknown): { field: string | undefined; message: string } | string {
  try {
    check();
  } catch (error: unknown) {
    if (error instanceof VendorError && error.code === ErrorCode.INVALID_INPUT && !error.retryable) {
      return { field: error.field, message: error.message };
    }
    return `threw ${String(error)}`;
  }
  return 'accepted';
}

const NOW = new Date('2025-06-01T00:00:00.000Z');

describe('characterCount', () => {
  it('counts code points, not UTF-16 units, when the text has astral characters', () => {
    expect(characterCount('合同😀𠀀')).toBe(4);
    expect(characterCount('')).toBe(0);
  });
});

describe('requireText', () => {
  it('returns the text as given (untrimmed) when its trimmed length is within the rule', () => {
    expect(requireText(' 无 ', 'input.x', { max: 3 })).toBe(' 无 ');
  });

  it.each([
    ['', { field: 'input.x', message: 'input.x must not be empty.' }],
    ['   ', { field: 'input.x', message: 'input.x must not be empty.' }],
  ])('refuses %p as empty', (value, expected) => {
    expect(refusal(() => requireText(value, 'input.x', { max: 5 }))).toEqual(expected);
  });

  it('names the minimum when the rule asks for more than one character', () => {
    expect(refusal(() => requireText('ab', 'input.x', { min: 3, max: 5 }))).toEqual({
      field: 'input.x',
      message: 'input.x needs at least 3 characters.',
    });
    expect(requireText('abc', 'input.x', { min: 3, max: 5 })).toBe('abc');
  });

  it('accepts exactly max characters and refuses one more, counting code points', () => {
    expect(requireText('😀😀', 'input.x', { max: 2 })).toBe('😀😀');
    expect(refusal(() => requireText('😀😀😀', 'input.x', { max: 2 }))).toEqual({
      field: 'input.x',
      message: 'input.x must be at most 2 characters.',
    });
    // The untrimmed text counts for the maximum.
    expect(refusal(() => requireText('ab ', 'input.x', { max: 2 }))).toEqual({
      field: 'input.x',
      message: 'input.x must be at most 2 characters.',
    });
  });
});

describe('optionalText', () => {
  it('answers undefined for null and undefined and checks present text', () => {
    expect(optionalText(null, 'input.x', { max: 2 })).toBeUndefined();
    expect(optionalText(undefined, 'input.x', { max: 2 })).toBeUndefined();
    expect(optionalText('ok', 'input.x', { max: 2 })).toBe('ok');
    expect(refusal(() => optionalText('', 'input.x', { max: 2 }))).toEqual({ field: 'input.x', message: 'input.x must not be empty.' });
  });
});

describe('uniqueIds', () => {
  it('drops duplicates, keeping first occurrences in order', () => {
    expect(uniqueIds(['b', 'a', 'b', 'c', 'a'], 'input.flowIds', { min: 1, max: 3 })).toEqual(['b', 'a', 'c']);
  });

  it('counts distinct ids against the range', () => {
    const hundredAndOne = Array.from({ length: 101 }, (_, index) => `f${index}`);
    expect(uniqueIds([...hundredAndOne.slice(0, 100), 'f0'], 'input.flowIds', { min: 1, max: 100 })).toHaveLength(100);
    expect(refusal(() => uniqueIds(hundredAndOne, 'input.flowIds', { min: 1, max: 100 }))).toEqual({
      field: 'input.flowIds',
      message: 'input.flowIds takes at most 100 distinct ids.',
    });
  });

  it('says how many ids it needs, in the singular or plural', () => {
    expect(refusal(() => uniqueIds([], 'input.flowIds', { min: 1, max: 100 }))).toEqual({
      field: 'input.flowIds',
      message: 'input.flowIds needs at least 1 id.',
    });
    expect(refusal(() => uniqueIds(['a', 'a'], 'input.ids', { min: 2, max: 5 }))).toEqual({
      field: 'input.ids',
      message: 'input.ids needs at least 2 ids.',
    });
  });

  it('names the index of a blank or overlong id', () => {
    expect(refusal(() => uniqueIds(['a', ' '], 'input.flowIds', { min: 1, max: 5 }))).toEqual({
      field: 'input.flowIds[1]',
      message: 'input.flowIds[1] must not be empty.',
    });
    expect(refusal(() => uniqueIds(['x'.repeat(129)], 'input.flowIds', { min: 1, max: 5 }))).toEqual({
      field: 'input.flowIds[0]',
      message: 'input.flowIds[0] must be at most 128 characters.',
    });
    expect(uniqueIds(['x'.repeat(128)], 'input.flowIds', { min: 1, max: 5 })).toEqual(['x'.repeat(128)]);
  });
});

describe('requireMobile', () => {
  // VENDORS.md ReleasedApprover.Mobile; the seed's own example is the 10-digit 1870000000.
  it.each(['1870000000', '13800138001', '+8613800138001', '123456789012345'])('accepts %s', (mobile) => {
    expect(requireMobile(mobile, 'input.mobile')).toBe(mobile);
  });

  it.each(['187000000', '1234567890123456', '138 0013 8001', '138-0013-8001', '+86+13800138001', 'x13800138001', '13800138001x', ''])(
    'refuses %p',
    (mobile) => {
      expect(refusal(() => requireMobile(mobile, 'input.mobile'))).toEqual({
        field: 'input.mobile',
        message: 'input.mobile is not a valid mobile number.',
      });
    },
  );
});

describe('optionalFutureDate', () => {
  it('accepts an instant after now and answers undefined for null and undefined', () => {
    const later = new Date(NOW.getTime() + 1);
    expect(optionalFutureDate(later, 'input.deadline', NOW)).toBe(later);
    expect(optionalFutureDate(null, 'input.deadline', NOW)).toBeUndefined();
    expect(optionalFutureDate(undefined, 'input.deadline', NOW)).toBeUndefined();
  });

  it('refuses now itself, the past and an invalid date, naming the field', () => {
    expect(refusal(() => optionalFutureDate(new Date(NOW), 'input.deadline', NOW))).toEqual({
      field: 'input.deadline',
      message: 'input.deadline must be in the future.',
    });
    expect(refusal(() => optionalFutureDate(new Date(NOW.getTime() - 1), 'input.deadline', NOW))).toEqual({
      field: 'input.deadline',
      message: 'input.deadline must be in the future.',
    });
    expect(refusal(() => optionalFutureDate(new Date(Number.NaN), 'input.deadline', NOW))).toEqual({
      field: 'input.deadline',
      message: 'input.deadline is not a valid date-time.',
    });
  });

  it('measures the future from the real clock when no now is given', () => {
    expect(refusal(() => optionalFutureDate(new Date('2000-01-01T00:00:00Z'), 'input.deadline'))).toEqual({
      field: 'input.deadline',
      message: 'input.deadline must be in the future.',
    });
    const farFuture = new Date('2999-01-01T00:00:00Z');
    expect(optionalFutureDate(farFuture, 'input.deadline')).toBe(farFuture);
  });
});

describe('requireEntityId and requireInvitationIdText', () => {
  it.each([
    ['requireEntityId', requireEntityId],
    ['requireInvitationIdText', requireInvitationIdText],
  ])('%s refuses a non-string and a blank id and returns a good one', (_name, check) => {
    expect(refusal(() => check(42, 'id'))).toEqual({ field: 'id', message: 'id must be a string id.' });
    expect(refusal(() => check(null, 'id'))).toEqual({ field: 'id', message: 'id must be a string id.' });
    expect(refusal(() => check(' ', 'id'))).toEqual({ field: 'id', message: 'id must not be empty.' });
    expect(check('yDwnGUUgygkgi7fdUx6JlVOE0wzdddd', 'id')).toBe('yDwnGUUgygkgi7fdUx6JlVOE0wzdddd');
  });

  it('bounds an invitation id at the longest id this service issues, 4,106 characters', () => {
    // base64url of `inv:2:{relationId}:{authId}`, each id up to 128 code points of up to 12 percent-encoded
    // characters: ceil((6 + 1 + 2 × 128 × 12) × 4 / 3) = 4,106.
    expect(requireInvitationIdText('A'.repeat(4106), 'id')).toHaveLength(4106);
    expect(refusal(() => requireInvitationIdText('A'.repeat(4107), 'id'))).toEqual({
      field: 'id',
      message: 'id must be at most 4106 characters.',
    });
  });

  it('bounds an entity id at 128 characters', () => {
    expect(requireEntityId('x'.repeat(128), 'id')).toHaveLength(128);
    expect(refusal(() => requireEntityId('x'.repeat(129), 'id'))).toEqual({ field: 'id', message: 'id must be at most 128 characters.' });
  });
});

describe('toCancelDocumentCommand', () => {
  it('keeps the seed request as the command', () => {
    // seeds/vnpt-econtract-cancel-document.txt, "Mẫu request".
    const seed = { documentId: '4d0f7767-97b4-40ac-2b54-08dbfaff6da3', reason: 'Thông tin chứng từ bị sai, hủy và tạo chứng từ mới' };
    expect(toCancelDocumentCommand(seed)).toEqual({ id: seed.documentId, reason: seed.reason });
  });

  it('names input.documentId and input.reason when they are blank, and bounds the reason at 500 characters', () => {
    expect(refusal(() => toCancelDocumentCommand({ documentId: ' ', reason: 'r' }))).toEqual({
      field: 'input.documentId',
      message: 'input.documentId must not be empty.',
    });
    expect(refusal(() => toCancelDocumentCommand({ documentId: 'd', reason: '' }))).toEqual({
      field: 'input.reason',
      message: 'input.reason must not be empty.',
    });
    expect(toCancelDocumentCommand({ documentId: 'd', reason: 'r'.repeat(500) }).reason).toHaveLength(500);
    expect(refusal(() => toCancelDocumentCommand({ documentId: 'd', reason: 'r'.repeat(501) }))).toEqual({
      field: 'input.reason',
      message: 'input.reason must be at most 500 characters.',
    });
  });
});

describe('toCreateReleaseFlowCommand', () => {
  const base = { flowId: 'yDwnGUUgygkgi7fdUx6JlVOE0wxxxxx', reason: '因为业务调整,结束合作。' };

  /** The input as type-graphql hands it over (class instances, signers too), checked at NOW. */
  function check(fields: Readonly<Record<string, unknown>>, approvers?: readonly Readonly<Record<string, unknown>>[] | null) {
    const input = Object.assign(new CreateReleaseFlowInput(), base, fields);
    if (approvers !== undefined) {
      input.releasedApprovers =
        approvers === null ? null : approvers.map((approver) => Object.assign(new ReleasedApproverInput(), approver));
    }
    return toCreateReleaseFlowCommand(input, NOW);
  }

  it('leaves every optional field undefined when none is given', () => {
    expect(check({})).toStrictEqual({
      flowId: base.flowId,
      reason: base.reason,
      remainInForceItem: undefined,
      originalExpenseSettlement: undefined,
      originalOtherSettlement: undefined,
      otherDeals: undefined,
      releasedApprovers: undefined,
      deadline: undefined,
      userData: undefined,
    });
  });

  // VENDORS.md "CreateReleaseFlow": RelieveInfo strings ≤ 200 characters, Name ≤ 50, ApproverSignRole ≤ 20,
  // UserData ≤ 20480.
  it.each([
    ['reason', 'input.reason', 200],
    ['remainInForceItem', 'input.remainInForceItem', 200],
    ['originalExpenseSettlement', 'input.originalExpenseSettlement', 200],
    ['originalOtherSettlement', 'input.originalOtherSettlement', 200],
    ['otherDeals', 'input.otherDeals', 200],
    ['userData', 'input.userData', 20480],
    ['flowId', 'input.flowId', 128],
  ])('accepts %s at its documented limit and refuses one character more', (key, field, max) => {
    expect(check({ [key]: '合'.repeat(max) })).toMatchObject({ [key]: '合'.repeat(max) });
    expect(refusal(() => check({ [key]: '合'.repeat(max + 1) }))).toEqual({
      field,
      message: `${field} must be at most ${max} characters.`,
    });
  });

  it.each([
    ['name', 'input.releasedApprovers[1].name', 50],
    ['signRole', 'input.releasedApprovers[1].signRole', 20],
    ['recipientId', 'input.releasedApprovers[1].recipientId', 128],
    ['sealId', 'input.releasedApprovers[1].sealId', 128],
  ])('bounds releasedApprovers[].%s and names the signer by index', (key, field, max) => {
    const first = { name: '典子谦', mobile: '1870000000' };
    const accepted = check({}, [first, { ...first, [key]: 'x'.repeat(max) }]);
    expect(accepted.releasedApprovers?.[1]).toMatchObject({ [key]: 'x'.repeat(max) });
    expect(refusal(() => check({}, [first, { ...first, [key]: 'x'.repeat(max + 1) }]))).toEqual({
      field,
      message: `${field} must be at most ${max} characters.`,
    });
  });

  it('maps a signer with every field, and null optional fields to undefined', () => {
    const command = check({}, [
      {
        name: '典子谦',
        mobile: '1870000000',
        recipientId: null,
        approverType: null,
        signComponentType: null,
        signRole: null,
        sealId: null,
      },
    ]);
    expect(command.releasedApprovers).toStrictEqual([
      {
        name: '典子谦',
        mobile: '1870000000',
        recipientId: undefined,
        approverType: undefined,
        signComponentType: undefined,
        signRole: undefined,
        sealId: undefined,
      },
    ]);
  });

  it('refuses a bad signer mobile and an empty signer list', () => {
    expect(refusal(() => check({}, [{ name: 'A', mobile: '12345' }]))).toEqual({
      field: 'input.releasedApprovers[0].mobile',
      message: 'input.releasedApprovers[0].mobile is not a valid mobile number.',
    });
    expect(refusal(() => check({}, []))).toEqual({
      field: 'input.releasedApprovers',
      message: 'input.releasedApprovers must be omitted or list at least one signer.',
    });
    expect(check({}, null).releasedApprovers).toBeUndefined();
  });

  it('refuses a deadline that is not in the future', () => {
    expect(refusal(() => check({ deadline: NOW }))).toEqual({
      field: 'input.deadline',
      message: 'input.deadline must be in the future.',
    });
  });
});

describe('flowNotReturned', () => {
  it('is a retryable VENDOR_UNAVAILABLE from ESS that names the flow', () => {
    expect(flowNotReturned('release flow')).toMatchObject({
      code: ErrorCode.VENDOR_UNAVAILABLE,
      message: 'Tencent ESS did not return the release flow yet; read it again with flow(id:).',
      vendor: Vendor.TENCENT_ESS,
      retryable: true,
    });
  });
});

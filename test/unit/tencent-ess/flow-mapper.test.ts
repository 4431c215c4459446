import { mapFlowDetails, mapRemindRecords, missingField } from '../../../datasources/tencent-ess/flow-mapper';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';

/**
 * Expectations come from the vendor's documents, never from the mapper: the DescribeFlowInfo fields and
 * the FlowStatus / ApproveStatus values of `shared/VENDORS.md` ("DescribeFlowInfo"), the enum names of
 * `shared/DESIGN.md` ("Enums map vendor numbers by value"), the CreateFlowReminds sample answer of
 * `shared/seeds/tencent-ess-CreateFlowReminds.txt` (4. 示例, 输出示例) and the masking rule of DESIGN.md
 * ("mobile masked"; the schema documents the form `138****8001`).
 */

/** A DescribeFlowInfo `FlowDetailInfos[]` item with every field VENDORS.md lists. */
const DOCUMENTED_FLOW = {
  FlowId: 'yDwnGUUgygkgi7fdUx6JlVOE0wzdddd',
  FlowName: '采购合同',
  FlowStatus: 4,
  FlowMessage: '',
  FlowDescription: '2024 年度采购框架合同',
  CreatedOn: 1714960800,
  FlowApproverInfos: [
    {
      ApproveName: '典子谦',
      ApproveStatus: 3,
      ApproveMessage: '同意',
      ApproveTime: 1715047200,
      ApproveType: 'ORGANIZATION',
      Mobile: '13800138001',
      SignOrder: 0,
      OrganizationId: 'yDxorg00000000000000000000000001',
      OrganizationName: '深圳市示例科技有限公司',
      RecipientId: 'yDRscUUgyg1zr7vjUyJ8QKxxxxxxx',
      SignId: 'yDsign0000000000000000000000001',
      ApproverRoleName: '甲方',
    },
    {
      ApproveName: '李四',
      ApproveStatus: 1,
      ApproveMessage: '',
      ApproveTime: 0,
      ApproveType: 'PERSON',
      Mobile: '1870000000',
      SignOrder: 1,
      OrganizationId: '',
      OrganizationName: '',
      RecipientId: 'yDRsoriginal0000000000000000002',
      SignId: '',
      ApproverRoleName: '',
    },
  ],
  CcInfos: [],
  Creator: 'yDxjOUUgydjxxxxxjEWA07rC2xl',
  UserFlowType: null,
  TemplateId: 'yDtemplate000000000000000000001',
};

function mapOne(flow: Record<string, unknown>) {
  const mapped = mapFlowDetails({ FlowDetailInfos: [flow], RequestId: 'req-1' });
  const record = mapped.get(String(flow.FlowId));
  if (!record) throw new Error('the flow was not mapped');
  return record;
}

describe('mapFlowDetails', () => {
  it('maps every documented field to a literal value when given a DescribeFlowInfo item', () => {
    expect(mapOne(DOCUMENTED_FLOW)).toEqual({
      id: 'yDwnGUUgygkgi7fdUx6JlVOE0wzdddd',
      name: '采购合同',
      status: 'SIGNED',
      description: '2024 年度采购框架合同',
      message: null,
      createdAt: new Date('2024-05-06T02:00:00.000Z'),
      approvers: [
        {
          name: '典子谦',
          mobile: '138****8001',
          status: 'SIGNED',
          signOrder: 0,
          approvedAt: new Date('2024-05-07T02:00:00.000Z'),
          organizationName: '深圳市示例科技有限公司',
          recipientId: 'yDRscUUgyg1zr7vjUyJ8QKxxxxxxx',
          approverType: 'ORGANIZATION',
          roleName: '甲方',
          message: '同意',
        },
        {
          name: '李四',
          mobile: '187***0000',
          status: 'IN_PROCESS',
          signOrder: 1,
          approvedAt: null,
          organizationName: null,
          recipientId: 'yDRsoriginal0000000000000000002',
          approverType: 'PERSON',
          roleName: null,
          message: null,
        },
      ],
    });
  });

  it.each([
    [0, 'NOT_STARTED'],
    [1, 'PENDING_SIGNATURE'],
    [2, 'PARTLY_SIGNED'],
    [3, 'REJECTED'],
    [4, 'SIGNED'],
    [5, 'EXPIRED'],
    [6, 'REVOKED'],
    [7, 'NOT_STARTED_FILL'],
    [8, 'PENDING_FILL'],
    [9, 'PARTLY_FILLED'],
    [10, 'FILL_REFUSED'],
    [16, 'INVALIDATED'],
    [21, 'RELEASED'],
    [11, 'UNKNOWN'],
    [22, 'UNKNOWN'],
    [-1, 'UNKNOWN'],
    ['4', 'UNKNOWN'],
    [null, 'UNKNOWN'],
  ])('maps FlowStatus %p to %s', (value, expected) => {
    expect(mapOne({ FlowId: 'f1', FlowStatus: value }).status).toBe(expected);
  });

  it.each([
    [0, 'NOT_STARTED'],
    [1, 'IN_PROCESS'],
    [2, 'PENDING_SIGNATURE'],
    [3, 'SIGNED'],
    [4, 'REJECTED'],
    [5, 'EXPIRED'],
    [6, 'REVOKED'],
    [7, 'NOT_PRE_STARTED'],
    [8, 'PENDING_FILL'],
    [9, 'TERMINATED'],
    [10, 'FILLED'],
    [15, 'RELEASED'],
    [19, 'TRANSFERRED'],
    [11, 'UNKNOWN'],
    [16, 'UNKNOWN'],
    [20, 'UNKNOWN'],
    ['3', 'UNKNOWN'],
    [undefined, 'UNKNOWN'],
  ])('maps ApproveStatus %p to %s', (value, expected) => {
    expect(mapOne({ FlowId: 'f1', FlowApproverInfos: [{ ApproveStatus: value }] }).approvers[0]?.status).toBe(expected);
  });

  it.each([
    ['13800138001', '138****8001'],
    ['1870000000', '187***0000'],
    ['+8613800138001', '+86*******8001'],
    ['12345678', '123*5678'],
    ['1234567', '*******'],
    ['138', '***'],
    ['', null],
    [13800138001, null],
    [undefined, null],
  ])('masks the mobile %p as %p and never returns it whole', (mobile, expected) => {
    const masked = mapOne({ FlowId: 'f1', FlowApproverInfos: [{ Mobile: mobile }] }).approvers[0]?.mobile;
    expect(masked).toBe(expected);
    if (typeof mobile === 'string' && mobile !== '') expect(masked).not.toBe(mobile);
  });

  it('keys flows by FlowId and skips items without one when the vendor answers out of order', () => {
    const mapped = mapFlowDetails({
      FlowDetailInfos: [
        { FlowId: 'b', FlowStatus: 1 },
        { FlowName: 'no id' },
        null,
        'not an object',
        { FlowId: '' },
        { FlowId: 'a', FlowStatus: 4 },
      ],
    });
    expect([...mapped.keys()]).toEqual(['b', 'a']);
    expect(mapped.get('a')?.status).toBe('SIGNED');
    expect(mapped.get('b')?.status).toBe('PENDING_SIGNATURE');
  });

  it('leaves optional fields null and approvers empty when the item carries only its id', () => {
    expect(mapOne({ FlowId: 'f1' })).toEqual({
      id: 'f1',
      name: null,
      status: 'UNKNOWN',
      description: null,
      message: null,
      createdAt: null,
      approvers: [],
    });
  });

  it('reads times as Unix seconds and 0 or a negative value as "not yet"', () => {
    expect(mapOne({ FlowId: 'f1', CreatedOn: 1 }).createdAt).toEqual(new Date('1970-01-01T00:00:01.000Z'));
    expect(mapOne({ FlowId: 'f1', CreatedOn: 0 }).createdAt).toBeNull();
    expect(mapOne({ FlowId: 'f1', CreatedOn: -5 }).createdAt).toBeNull();
    expect(mapOne({ FlowId: 'f1', CreatedOn: 1.5 }).createdAt).toBeNull();
  });

  it('skips approver entries that are not objects', () => {
    expect(mapOne({ FlowId: 'f1', FlowApproverInfos: [null, 'x', { ApproveName: 'A' }] }).approvers.map((a) => a.name)).toEqual(['A']);
  });

  it('answers an empty map when the answer has no FlowDetailInfos', () => {
    expect(mapFlowDetails({ RequestId: 'r' }).size).toBe(0);
  });
});

describe('mapRemindRecords', () => {
  it('maps the seed sample record when given the documented CreateFlowReminds answer', () => {
    // seeds/tencent-ess-CreateFlowReminds.txt, 4. 示例, 输出示例.
    const answer = {
      RemindFlowRecords: [{ CanRemind: true, FlowId: 'xxx', RemindMessage: '签署人 xxx: 此签署人已催办过;' }],
      RequestId: 's1675154686215203499',
    };
    expect(mapRemindRecords(answer)).toEqual([{ flowId: 'xxx', canRemind: true, message: '签署人 xxx: 此签署人已催办过;' }]);
  });

  it('reads CanRemind as true only when the vendor sent the boolean true', () => {
    const records = mapRemindRecords({
      RemindFlowRecords: [
        { FlowId: 'a', CanRemind: false, RemindMessage: '' },
        { FlowId: 'b', CanRemind: 'true' },
        { FlowId: 'c', CanRemind: 1 },
      ],
    });
    expect(records).toEqual([
      { flowId: 'a', canRemind: false, message: null },
      { flowId: 'b', canRemind: false, message: null },
      { flowId: 'c', canRemind: false, message: null },
    ]);
  });

  it('skips records without a FlowId and entries that are not objects', () => {
    expect(
      mapRemindRecords({ RemindFlowRecords: [{ CanRemind: true }, null, 'x', { FlowId: 7 }, { FlowId: 'kept', CanRemind: true }] }),
    ).toEqual([{ flowId: 'kept', canRemind: true, message: null }]);
  });
});

describe('missingField', () => {
  it('is a retryable VENDOR_UNAVAILABLE naming the field and keeping the RequestId', () => {
    expect(missingField('FlowId', 'req-9')).toMatchObject({
      code: ErrorCode.VENDOR_UNAVAILABLE,
      message: "The vendor's answer lacks FlowId.",
      vendor: Vendor.TENCENT_ESS,
      vendorRequestId: 'req-9',
      retryable: true,
    });
    expect(missingField('FlowId', 42).vendorRequestId).toBeUndefined();
  });
});

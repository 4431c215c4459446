import { mapVnptDocument } from '../../../datasources/vnpt-econtract/document-mapper';
import { ContractStatus, DocumentStatus } from '../../../datasources/vnpt-econtract/model';
import { ErrorCode } from '../../../src/errors/error-code';
import { Vendor } from '../../../src/errors/vendor';
import { VendorError } from '../../../src/errors/vendor-error';
import { SEED_CANCEL_RESPONSE_BODY } from './seed-cancel-document.fixture';

function seedData(): Record<string, unknown> {
  const envelope: unknown = JSON.parse(SEED_CANCEL_RESPONSE_BODY);
  if (typeof envelope !== 'object' || envelope === null || !('data' in envelope)) throw new Error('fixture has no data');
  const { data } = envelope;
  if (typeof data !== 'object' || data === null) throw new Error('fixture data is not an object');
  return { ...data };
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('mapVnptDocument', () => {
  it('maps the seed sample field by field when given the cancel response data', () => {
    const record = mapVnptDocument(seedData());

    expect(record.id).toBe('866d1e40-e72c-4a22-c9df-08dbd60bf724');
    expect(record.no).toBe('TEST.20231026.2XFNKLYO');
    expect(record.subject).toBe('Chứng từ TEST.20231026.2XFNKLYO');
    expect(record.status).toBe(DocumentStatus.CANCELED);
    expect(record.statusDescription).toBe('Canceled');
    expect(record.contractStatus).toBe(ContractStatus.UNDEFINED);
    expect(record.reason).toBe('Sai thông tin');
    expect(record.description).toBe('');
    expect(record.createdAt?.toISOString()).toBe('2023-10-26T10:16:56.143Z');
    expect(record.lastModifiedAt?.toISOString()).toBe('2023-12-19T02:12:47.970Z');
    expect(record.completedAt?.toISOString()).toBe('2023-12-18T08:42:06.836Z');
    expect(record.createdByUserId).toBe(6);
    expect(record.processRecipientCount).toBe(1);
    expect(record.processInOrder).toBe(true);
    expect(record.type).toEqual({ id: 46, code: 'CKDS', name: 'Chiết khấu doanh số', description: 'Chứng từ chiết khấu doanh số' });

    expect(record.processes).toHaveLength(2);
    expect(record.processes[0]).toEqual({
      id: '5331cb60-ad69-437b-9a05-08dbd60b099c',
      orderNo: 1,
      isOrder: true,
      status: { value: 5, description: 'Filled' },
      accessPermission: { value: 5, description: 'Fill data' },
      displayType: { value: 2, description: 'Text and image' },
      processedAt: new Date('2023-12-18T08:42:06.836Z'),
      processedBy: { id: 2341, code: 'trinhttv', name: 'Trần Thị Việt Trinh', email: 'trinhttv@vnpt.vn', phone: '0919380915' },
    });
    expect(record.processes[1]).toEqual({
      id: '96382e9b-10ab-47b5-9a06-08dbd60b099c',
      orderNo: 2,
      isOrder: true,
      status: { value: 1, description: 'Waiting' },
      accessPermission: { value: 1, description: 'View only' },
      displayType: { value: 2, description: 'Text and image' },
    });
    expect(record.processes[1]?.processedAt).toBeUndefined();
    expect(record.processes[1]?.processedBy).toBeUndefined();

    expect(record.histories).toEqual([
      {
        createdAt: new Date('2023-12-19T02:12:47.970Z'),
        requestType: { value: 0, description: 'Web' },
        ipAddress: '10.70.39.64',
        activity: { value: -3, description: 'Cancel document' },
      },
    ]);
  });

  it('leaves no download URL or token anywhere in the record when the wire carries them', () => {
    const serialised = JSON.stringify(mapVnptDocument(seedData()));
    expect(serialised).not.toMatch(/download/i);
    expect(serialised).not.toContain('token=');
    expect(serialised).not.toContain('{HOST}');
  });

  it.each([
    [1, DocumentStatus.NEW],
    [2, DocumentStatus.READY],
    [3, DocumentStatus.PROCESSING],
    [4, DocumentStatus.COMPLETED],
    [5, DocumentStatus.CORRECTING],
    [-1, DocumentStatus.REJECTED],
    [-2, DocumentStatus.DELETED],
    [-3, DocumentStatus.CANCELED],
    [42, DocumentStatus.UNKNOWN],
  ])('maps status value %d to %s whatever the description says', (value, expected) => {
    expect(mapVnptDocument({ id: 'd', status: { value, description: 'anything' } }).status).toBe(expected);
  });

  it.each([
    [0, ContractStatus.UNDEFINED],
    [1, ContractStatus.ACTIVE],
    [2, ContractStatus.NEARLY_EXPIRED],
    [-1, ContractStatus.EXPIRED],
    [-2, ContractStatus.NOT_YET_EFFECTIVE],
    [9, ContractStatus.UNKNOWN],
  ])('maps contractStatus value %d to %s', (value, expected) => {
    expect(mapVnptDocument({ id: 'd', contractStatus: { value } }).contractStatus).toBe(expected);
  });

  it('returns a minimal record when only the id is present, inventing no values for what the vendor left out', () => {
    const record = mapVnptDocument({ id: 'only-id' });
    expect(record).toMatchObject({
      id: 'only-id',
      status: DocumentStatus.UNKNOWN,
      contractStatus: ContractStatus.UNKNOWN,
      processes: [],
      histories: [],
    });
    // DESIGN.md "Nullability": non-null only for what is in hand; an absent number is not "", 0 or false.
    expect(record.no).toBeUndefined();
    expect(record.subject).toBeUndefined();
  });

  it('drops mistyped fields and malformed list entries when the wire is odd', () => {
    const record = mapVnptDocument({
      id: 'odd',
      no: 17,
      status: 'Ready',
      createdDate: 'not a date',
      createdByUserId: '6',
      processInOrder: 'yes',
      type: { code: 'CKDS' },
      processes: [null, 'x', { id: 'p1', status: { description: 'no value' }, processedByUser: { name: 'no id' } }],
      histories: {},
    });
    expect(record.no).toBeUndefined();
    expect(record.status).toBe(DocumentStatus.UNKNOWN);
    expect(record.createdAt).toBeUndefined();
    expect(record.createdByUserId).toBe(6);
    expect(record.processInOrder).toBeUndefined();
    expect(record.type).toBeUndefined();
    expect(record.processes).toEqual([
      {
        id: 'p1',
        orderNo: undefined,
        isOrder: undefined,
        status: undefined,
        accessPermission: undefined,
        displayType: undefined,
        processedAt: undefined,
        processedBy: undefined,
      },
    ]);
    expect(record.histories).toEqual([]);
  });

  it('reads offset-less dates with the configured offset when defaultOffsetMinutes is given', () => {
    const utc = mapVnptDocument({ id: 'd', createdDate: '2023-10-26T17:16:56.1433327' }, { defaultOffsetMinutes: 0 });
    expect(utc.createdAt?.toISOString()).toBe('2023-10-26T17:16:56.143Z');
    // UTC+1: the same wall-clock time is an hour earlier in UTC (not the default UTC+7's seven).
    const plusOne = mapVnptDocument({ id: 'd', createdDate: '2023-10-26T17:16:56.1433327' }, { defaultOffsetMinutes: 60 });
    expect(plusOne.createdAt?.toISOString()).toBe('2023-10-26T16:16:56.143Z');
  });

  it.each([
    ['no id', { no: 'X' }],
    ['an empty id', { id: '  ' }],
    ['a numeric id', { id: 5 }],
    ['null', null],
    ['an array', [{ id: 'd' }]],
  ])('throws VENDOR_UNAVAILABLE when the document has %s', (_label, wire) => {
    const error = thrownBy(() => mapVnptDocument(wire));
    expect(VendorError.is(error)).toBe(true);
    expect(error).toMatchObject({
      code: ErrorCode.VENDOR_UNAVAILABLE,
      vendor: Vendor.VNPT_ECONTRACT,
      retryable: true,
      vendorMessage: 'The document in the answer has no id',
    });
  });

  it('skips history entries that are not objects', () => {
    const record = mapVnptDocument({ id: 'd', histories: [null, 'x', { ipAddress: '10.70.39.64' }] });
    expect(record.histories).toEqual([{ createdAt: undefined, requestType: undefined, ipAddress: '10.70.39.64', activity: undefined }]);
  });

  it('reads offset-less dates as UTC+7 when no options are given', () => {
    expect(mapVnptDocument({ id: 'd', createdDate: '2023-10-26T17:16:56' }).createdAt?.toISOString()).toBe('2023-10-26T10:16:56.000Z');
    expect(mapVnptDocument({ id: 'd', createdDate: '2023-10-26T17:16:56' }, {}).createdAt?.toISOString()).toBe('2023-10-26T10:16:56.000Z');
  });
});

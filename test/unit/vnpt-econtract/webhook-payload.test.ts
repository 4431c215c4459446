import { parseVnptWebhookPayload } from '../../../datasources/vnpt-econtract/webhook-payload';

/** A GUID-shaped DocumentId, as VNPT's are (36 characters). */
const DOCUMENT_ID = '8f5e8c9e-3b0a-4c55-9d43-6b7f0e0a1c11';

/** The webhook body of DESIGN.md "Events": `{DocumentId, DocumentNo, DocumentStatus {Value, Description}, Reason, DatetimeNow}`. */
function body(fields: Record<string, unknown>): Buffer {
  return Buffer.from(
    JSON.stringify({
      DocumentNo: 'HD-2024-001',
      DocumentStatus: { Value: 4, Description: 'Đã hủy' },
      Reason: 'Phát hành nhầm',
      ...fields,
    }),
  );
}

describe('parseVnptWebhookPayload', () => {
  it('reads the id, the claimed status and DatetimeNow without its surrounding spaces', () => {
    expect(parseVnptWebhookPayload(body({ DocumentId: DOCUMENT_ID, DatetimeNow: ' 2024-05-06T09:12:47.9709329+07:00 ' }))).toEqual({
      documentId: DOCUMENT_ID,
      claimedStatusValue: 4,
      datetimeNow: '2024-05-06T09:12:47.9709329+07:00',
    });
    expect(parseVnptWebhookPayload(body({ DocumentId: DOCUMENT_ID, DatetimeNow: '   ' }))).toEqual({
      documentId: DOCUMENT_ID,
      claimedStatusValue: 4,
    });
  });

  it('refuses a DocumentId with surrounding whitespace rather than trimming it into another id', () => {
    expect(parseVnptWebhookPayload(body({ DocumentId: ` ${DOCUMENT_ID}` }))).toBeUndefined();
    expect(parseVnptWebhookPayload(body({ DocumentId: `${DOCUMENT_ID}\n` }))).toBeUndefined();
  });

  it('accepts a DocumentId of up to 128 characters and refuses a longer one', () => {
    expect(parseVnptWebhookPayload(body({ DocumentId: 'd'.repeat(128) }))?.documentId).toBe('d'.repeat(128));
    expect(parseVnptWebhookPayload(body({ DocumentId: 'd'.repeat(129) }))).toBeUndefined();
  });

  it('refuses a body without an integer DocumentStatus.Value, or that is not JSON', () => {
    expect(parseVnptWebhookPayload(body({ DocumentId: DOCUMENT_ID, DocumentStatus: { Value: '4' } }))).toBeUndefined();
    expect(parseVnptWebhookPayload(body({ DocumentId: DOCUMENT_ID, DocumentStatus: 4 }))).toBeUndefined();
    expect(parseVnptWebhookPayload(Buffer.from('DocumentId=abc'))).toBeUndefined();
  });
});

import { pino } from 'pino';
import { ContractStatus, DocumentStatus, type DocumentRecord } from '../../../datasources/vnpt-econtract/model';
import {
  VnptWebhookReceiver,
  type VnptDocumentReader,
  type VnptWebhookReceiverOptions,
} from '../../../datasources/vnpt-econtract/webhook-receiver';
import { ErrorCode } from '../../../src/errors/error-code';
import { VendorError } from '../../../src/errors/vendor-error';

const TOKEN = 'vnpt-webhook-token-7f3a';
const DOCUMENT_ID = '3f2b6a4e-0d1c-4f7e-9a55-1c2d3e4f5a6b';
const REASON = 'Ký nhầm hợp đồng';
/** Any log message that says something. */
const SOME_TEXT: unknown = expect.stringMatching(/\S/);

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

function body(fields: Record<string, unknown> = {}): Buffer {
  return Buffer.from(
    JSON.stringify({ DocumentId: DOCUMENT_ID, DocumentStatus: { Value: -3, Description: 'Canceled' }, Reason: REASON, ...fields }),
    'utf8',
  );
}

function document(status: DocumentStatus): DocumentRecord {
  return { id: DOCUMENT_ID, status, contractStatus: ContractStatus.UNDEFINED, reason: REASON, processes: [], histories: [] };
}

/** A receiver over a stub reader answering `answer`, with a logger whose lines the test reads. */
function receiverWith(answer: () => Promise<DocumentRecord | null>, overrides: Partial<VnptWebhookReceiverOptions> = {}) {
  const logs: LogLine[] = [];
  const raw: string[] = [];
  const logger = pino(
    { level: 'debug' },
    {
      write: (line: string) => {
        raw.push(line);
        logs.push(JSON.parse(line) as LogLine);
      },
    },
  );
  const reads: string[] = [];
  const documents: VnptDocumentReader = {
    getDocument: (id) => {
      reads.push(id);
      return answer();
    },
  };
  const receiver = new VnptWebhookReceiver({ token: TOKEN, documents, logger, ...overrides });
  return { receiver, logs, raw, reads };
}

const found = (): Promise<DocumentRecord> => Promise.resolve(document(DocumentStatus.CANCELED));

describe('VnptWebhookReceiver (stubbed reader)', () => {
  it.each([
    ['a lowercase scheme', 'bearer vnpt-webhook-token-7f3a'],
    ['several spaces after the scheme', 'Bearer   vnpt-webhook-token-7f3a'],
    ['a tab after the scheme', 'Bearer\tvnpt-webhook-token-7f3a'],
    ['trailing whitespace', 'Bearer vnpt-webhook-token-7f3a  '],
  ])('accepts the token with %s', async (_label, authorization) => {
    const { receiver } = receiverWith(found);
    const outcome = await receiver.receive({ rawBody: body(), headers: { authorization } });
    expect(outcome.status).toBe(200);
  });

  it.each([
    ['text before the scheme', 'XBearer vnpt-webhook-token-7f3a'],
    ['another scheme naming Bearer', 'Token Bearer vnpt-webhook-token-7f3a'],
    ['text after the token', 'Bearer vnpt-webhook-token-7f3a extra'],
    ['no space after the scheme', 'Bearervnpt-webhook-token-7f3a'],
  ])('refuses %s without reading the document', async (_label, authorization) => {
    const { receiver, reads } = receiverWith(found);
    const outcome = await receiver.receive({ rawBody: body(), headers: { authorization } });
    expect(outcome).toMatchObject({ status: 401, refusal: 'unauthorized', events: [] });
    expect(reads).toEqual([]);
  });

  it('answers an accepted webhook with success and no messages', async () => {
    const { receiver } = receiverWith(found);
    const outcome = await receiver.receive({ rawBody: body(), headers: { authorization: `Bearer ${TOKEN}` } });
    expect(outcome.body).toStrictEqual({ success: true, messages: [] });
    expect(outcome.events).toHaveLength(1);
  });

  it('reads an offset-less DatetimeNow at UTC+7 by default', async () => {
    const { receiver } = receiverWith(found);
    const outcome = await receiver.receive({
      rawBody: body({ DatetimeNow: '2026-12-04T19:00:00' }),
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(outcome.events[0]?.occurredAt).toBe('2026-12-04T12:00:00.000Z');
  });

  it('reads an offset-less DatetimeNow at the configured offset', async () => {
    const { receiver } = receiverWith(found, { defaultOffsetMinutes: 60 });
    const outcome = await receiver.receive({
      rawBody: body({ DatetimeNow: '2026-12-04T19:00:00' }),
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(outcome.events[0]?.occurredAt).toBe('2026-12-04T18:00:00.000Z');
  });

  describe('without a clock given', () => {
    beforeEach(() => {
      jest.useFakeTimers({ now: new Date('2026-12-04T08:15:00.000Z') });
    });

    afterEach(() => {
      jest.useRealTimers();
    });

    it('dates an event without DatetimeNow at the system time of receipt', async () => {
      const { receiver } = receiverWith(found);
      const outcome = await receiver.receive({ rawBody: body(), headers: { authorization: `Bearer ${TOKEN}` } });
      expect(outcome.events[0]?.occurredAt).toBe('2026-12-04T08:15:00.000Z');
    });
  });

  it('logs an accepted webhook with the document id and both statuses, never the token or the reason', async () => {
    const { receiver, logs, raw } = receiverWith(found);
    await receiver.receive({ rawBody: body(), headers: { authorization: `Bearer ${TOKEN}` } });
    expect(logs).toEqual([
      expect.objectContaining({
        level: 30,
        msg: SOME_TEXT,
        callback: 'vnpt-econtract',
        documentId: DOCUMENT_ID,
        claimedStatus: -3,
        status: DocumentStatus.CANCELED,
      }),
    ]);
    for (const line of raw) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(REASON);
    }
  });

  it('logs a refused bearer as a warning naming the callback, without the token', async () => {
    const { receiver, logs, raw } = receiverWith(found);
    await receiver.receive({ rawBody: body(), headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(logs).toEqual([expect.objectContaining({ level: 40, msg: SOME_TEXT, callback: 'vnpt-econtract' })]);
    expect(raw.join('')).not.toContain(TOKEN);
  });

  it('logs a malformed body as a warning with its size only', async () => {
    const { receiver, logs, raw } = receiverWith(found);
    const rawBody = Buffer.from(`{"Reason":"${REASON}"`, 'utf8');
    await receiver.receive({ rawBody, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(logs).toEqual([expect.objectContaining({ level: 40, msg: SOME_TEXT, callback: 'vnpt-econtract', bytes: rawBody.length })]);
    expect(raw.join('')).not.toContain(REASON);
  });

  it('logs a failed re-read with the document id, the error code and the vendor request id', async () => {
    const { receiver, logs } = receiverWith(() =>
      Promise.reject(new VendorError({ code: ErrorCode.VENDOR_UNAVAILABLE, message: 'down', vendorRequestId: 'vnpt-req-1' })),
    );
    const outcome = await receiver.receive({ rawBody: body(), headers: { authorization: `Bearer ${TOKEN}` } });
    expect(outcome.status).toBe(503);
    expect(logs).toEqual([
      expect.objectContaining({
        level: 40,
        msg: SOME_TEXT,
        callback: 'vnpt-econtract',
        documentId: DOCUMENT_ID,
        code: ErrorCode.VENDOR_UNAVAILABLE,
        vendorRequestId: 'vnpt-req-1',
      }),
    ]);
  });

  it('logs a re-read failing with something other than a VendorError as UNEXPECTED', async () => {
    const { receiver, logs } = receiverWith(() => Promise.reject(new TypeError('socket hang up')));
    await receiver.receive({ rawBody: body(), headers: { authorization: `Bearer ${TOKEN}` } });
    expect(logs).toEqual([expect.objectContaining({ level: 40, msg: SOME_TEXT, documentId: DOCUMENT_ID, code: 'UNEXPECTED' })]);
  });

  it('logs a webhook for an unknown document as a warning with its id', async () => {
    const { receiver, logs } = receiverWith(() => Promise.resolve(null));
    const outcome = await receiver.receive({ rawBody: body(), headers: { authorization: `Bearer ${TOKEN}` } });
    expect(outcome).toMatchObject({ status: 200, events: [] });
    expect(logs).toEqual([expect.objectContaining({ level: 40, msg: SOME_TEXT, callback: 'vnpt-econtract', documentId: DOCUMENT_ID })]);
  });

  it('gives every log line a message', async () => {
    const { receiver, logs } = receiverWith(found);
    const headers = { authorization: `Bearer ${TOKEN}` };
    await receiver.receive({ rawBody: body(), headers });
    await receiver.receive({ rawBody: body(), headers: {} });
    await receiver.receive({ rawBody: Buffer.from('x'), headers });
    await receiverWith(() => Promise.resolve(null)).receiver.receive({ rawBody: body(), headers });
    expect(logs.length).toBeGreaterThanOrEqual(3);
    for (const line of logs) expect(line.msg.length).toBeGreaterThan(0);
  });
});

import { buildWireDocument } from '../../../src/sandbox/vnpt-econtract/wire-document-factory';
import { CancelDocumentDocument, DocumentByIdDocument, type DocumentFieldsFragment } from '../../generated/graphql';
import { startTestApp, TEST_VNPT_USER, type TestApp } from '../../support/test-app';
import { SEED_CANCEL_REQUEST, SEED_CANCEL_RESPONSE_BODY } from '../../unit/vnpt-econtract/seed-cancel-document.fixture';
import { vnptCalls } from './vnpt-wire';

/** The seed's sample response, field by field, as a client reads it through GraphQL. */
const SEED_DOCUMENT: DocumentFieldsFragment = {
  id: '866d1e40-e72c-4a22-c9df-08dbd60bf724',
  no: 'TEST.20231026.2XFNKLYO',
  subject: 'Chứng từ TEST.20231026.2XFNKLYO',
  status: 'CANCELED',
  statusDescription: 'Canceled',
  contractStatus: 'UNDEFINED',
  reason: 'Sai thông tin',
  description: '',
  // Offset-less vendor dates are UTC+7 wall clock; the one with an offset keeps it.
  createdAt: '2023-10-26T10:16:56.143Z',
  lastModifiedAt: '2023-12-19T02:12:47.970Z',
  completedAt: '2023-12-18T08:42:06.836Z',
  createdByUserId: 6,
  processRecipientCount: 1,
  processInOrder: true,
  type: { id: 46, code: 'CKDS', name: 'Chiết khấu doanh số', description: 'Chứng từ chiết khấu doanh số' },
  processes: [
    {
      id: '5331cb60-ad69-437b-9a05-08dbd60b099c',
      orderNo: 1,
      isOrder: true,
      status: { value: 5, description: 'Filled' },
      accessPermission: { value: 5, description: 'Fill data' },
      displayType: { value: 2, description: 'Text and image' },
      processedAt: '2023-12-18T08:42:06.836Z',
      processedBy: { id: 2341, code: 'trinhttv', name: 'Trần Thị Việt Trinh' },
    },
    {
      id: '96382e9b-10ab-47b5-9a06-08dbd60b099c',
      orderNo: 2,
      isOrder: true,
      status: { value: 1, description: 'Waiting' },
      accessPermission: { value: 1, description: 'View only' },
      displayType: { value: 2, description: 'Text and image' },
      processedAt: null,
      processedBy: null,
    },
  ],
  histories: [
    {
      createdAt: '2023-12-19T02:12:47.970Z',
      requestType: { value: 0, description: 'Web' },
      activity: { value: -3, description: 'Cancel document' },
    },
  ],
};

/** Personal data and secrets of the sample that must never reach a client. */
const NEVER_EXPOSED = ['download', 'token=', 'trinhttv@vnpt.vn', '0919380915', '10.70.39.64'];

describe('VNPT eContract cancel-document seed example', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(() => {
    t.vnpt.clearRecords();
    t.vnpt.faults.clear();
  });
  afterAll(() => t.close());

  it("sends exactly the seed's request body {id, reason} with the bearer token", async () => {
    t.vnpt.putDocument(
      buildWireDocument({
        baseUrl: t.vnpt.url,
        now: new Date(),
        status: 'READY',
        createdByUserId: TEST_VNPT_USER.userId,
        id: SEED_CANCEL_REQUEST.id,
      }),
    );
    const result = await t.graphql(CancelDocumentDocument, {
      input: { documentId: SEED_CANCEL_REQUEST.id, reason: SEED_CANCEL_REQUEST.reason },
    });

    const { cancels, logins } = vnptCalls(t.vnpt);
    expect(logins).toHaveLength(1);
    expect(cancels).toHaveLength(1);
    const sent = cancels.at(0);
    expect(sent?.method).toBe('POST');
    expect(sent?.url).toBe('/api/documents/cancel');
    expect(sent?.body).toBe(JSON.stringify(SEED_CANCEL_REQUEST));
    expect(JSON.parse(sent?.body ?? '')).toEqual({ id: SEED_CANCEL_REQUEST.id, reason: SEED_CANCEL_REQUEST.reason });
    expect(sent?.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sent?.headers['content-type']).toBe('application/json; charset=utf-8');

    expect(result.errors).toBeUndefined();
    const outcome = result.data?.cancelDocument;
    expect(outcome?.__typename).toBe('CancelDocumentSuccess');
    if (outcome?.__typename !== 'CancelDocumentSuccess') return;
    expect(outcome.document).toMatchObject({ id: SEED_CANCEL_REQUEST.id, status: 'CANCELED', reason: SEED_CANCEL_REQUEST.reason });
    expect(outcome.documentId).toBe(SEED_CANCEL_REQUEST.id);
    expect(outcome.document?.histories.at(-1)?.activity).toEqual({ value: -3, description: 'Cancel document' });
    // The vendor answered with the document: the success needs no second read.
    expect(vnptCalls(t.vnpt).gets).toHaveLength(0);
  });

  it("maps the seed's sample response field by field into Document", async () => {
    t.vnpt.faults.inject('cancel-document', {
      kind: 'raw',
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: SEED_CANCEL_RESPONSE_BODY,
    });
    const result = await t.graphql(CancelDocumentDocument, {
      input: { documentId: SEED_CANCEL_REQUEST.id, reason: SEED_CANCEL_REQUEST.reason },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.cancelDocument).toEqual({
      __typename: 'CancelDocumentSuccess',
      documentId: SEED_DOCUMENT.id,
      document: SEED_DOCUMENT,
    });
    const serialised = JSON.stringify(result).toLowerCase();
    for (const secret of NEVER_EXPOSED) expect(serialised).not.toContain(secret);
  });

  it('maps the sample document the same way when document(id) reads it', async () => {
    const { data } = JSON.parse(SEED_CANCEL_RESPONSE_BODY) as { data: unknown };
    t.vnpt.faults.inject('get-document', {
      kind: 'raw',
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ data, success: true, code: 0, messages: [] }),
    });
    const result = await t.graphql(DocumentByIdDocument, { id: SEED_DOCUMENT.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.document).toEqual(SEED_DOCUMENT);
    expect(vnptCalls(t.vnpt).gets.map((request) => request.url)).toEqual([`/api/documents/${SEED_DOCUMENT.id}`]);
    const serialised = JSON.stringify(result).toLowerCase();
    for (const secret of NEVER_EXPOSED) expect(serialised).not.toContain(secret);
  });

  it('answers null without an error for an id the vendor does not know', async () => {
    const result = await t.graphql(DocumentByIdDocument, { id: '00000000-0000-0000-0000-000000000000' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.document).toBeNull();
  });

  it("reads the simulator's documents with their statuses mapped by value", async () => {
    const byStatus = t.vnpt.seeded.byStatus;
    for (const [status, id] of Object.entries(byStatus)) {
      const result = await t.graphql(DocumentByIdDocument, { id });
      expect(result.errors).toBeUndefined();
      expect(result.data?.document).toMatchObject({
        id,
        status,
        processes: expect.any(Array) as unknown,
        histories: expect.any(Array) as unknown,
      });
    }
  });
});

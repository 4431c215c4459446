import { CancelDocumentDocument, CancelDocumentIdDocument } from '../../generated/graphql';
import { vnptCalls } from '../document/vnpt-wire';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * DESIGN.md: `CancelDocumentSuccess { documentId: ID!, document: Document }`; VNPT's cancel answers with
 * the canceled document, so the success maps it and never reads it again; only a replay reads lazily.
 */
describe('cancelDocument when document reads fail', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
    t.vnpt.clearRecords();
  });
  afterEach(() => t.close());

  /** Every document read (retries included) answers a proxy's 502 from now on. */
  const failEveryRead = (): void => {
    t.vnpt.faults.inject('get-document', { kind: 'raw', status: 502, body: '<html>Bad Gateway</html>' }, 1_000);
  };

  it('answers the canceled document from the cancel itself, with every read failing and none attempted', async () => {
    const id = t.vnpt.seeded.byStatus.READY;
    failEveryRead();

    const result = await t.graphql(CancelDocumentDocument, { input: { documentId: id, reason: 'Sai thông tin' } });

    expect(result.errors).toBeUndefined();
    expect(result.data?.cancelDocument).toMatchObject({
      __typename: 'CancelDocumentSuccess',
      documentId: id,
      document: { id, status: 'CANCELED' },
    });
    expect(vnptCalls(t.vnpt).cancels).toHaveLength(1);
    expect(vnptCalls(t.vnpt).gets).toHaveLength(0);
  });

  it('answers the id of a replayed cancel and nulls only the document when its read fails', async () => {
    const id = t.vnpt.seeded.byStatus.PROCESSING;
    const input = { documentId: id, reason: 'Sai thông tin', idempotencyKey: 'replay-read-fails' };
    await t.graphql(CancelDocumentIdDocument, { input });
    failEveryRead();

    const replay = await t.graphql(CancelDocumentDocument, { input });

    expect(replay.data?.cancelDocument).toEqual({ __typename: 'CancelDocumentSuccess', documentId: id, document: null });
    expect(replay.errors).toHaveLength(1);
    expect(replay.errors?.[0]?.path).toEqual(['cancelDocument', 'document']);
    expect(replay.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'VNPT_ECONTRACT', retryable: true });
    expect(vnptCalls(t.vnpt).cancels).toHaveLength(1);
  });

  it('sends only the cancel when the selection asks for nothing but ids, also on a replay', async () => {
    const id = t.vnpt.seeded.byStatus.COMPLETED;
    const input = { documentId: id, reason: 'Hết hiệu lực', idempotencyKey: 'ids-only' };

    const first = await t.graphql(CancelDocumentIdDocument, { input });
    const replay = await t.graphql(CancelDocumentIdDocument, { input });

    for (const result of [first, replay]) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.cancelDocument).toEqual({ __typename: 'CancelDocumentSuccess', documentId: id, document: { id } });
    }
    expect(vnptCalls(t.vnpt).cancels).toHaveLength(1);
    expect(vnptCalls(t.vnpt).gets).toHaveLength(0);
  });
});

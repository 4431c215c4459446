import { CancelDocumentDocument, DocumentByIdDocument, DocumentStatusByIdDocument } from '../../generated/graphql';
import { startTestApp, type TestApp } from '../../support/test-app';
import { vnptCalls } from './vnpt-wire';

describe('cancelDocument', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(() => {
    t.vnpt.clearRecords();
    t.vnpt.faults.clear();
  });
  afterAll(() => t.close());

  const cancel = (documentId: string, reason = 'Sai thông tin', idempotencyKey?: string) =>
    t.graphql(CancelDocumentDocument, { input: { documentId, reason, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) } });

  it('cancels a READY document it created and returns it CANCELED with the reason and a cancel history entry', async () => {
    const id = t.vnpt.seeded.byStatus.READY;
    const result = await cancel(id, 'Thông tin chứng từ bị sai');
    expect(result.errors).toBeUndefined();
    const outcome = result.data?.cancelDocument;
    expect(outcome?.__typename).toBe('CancelDocumentSuccess');
    if (outcome?.__typename !== 'CancelDocumentSuccess') return;
    expect(outcome.document).toMatchObject({ id, status: 'CANCELED', statusDescription: 'Canceled', reason: 'Thông tin chứng từ bị sai' });
    expect(outcome.documentId).toBe(id);
    expect(outcome.document?.histories.at(-1)?.activity?.value).toBe(-3);
    expect(t.vnpt.getDocument(id)?.status.value).toBe(-3);
  });

  describe('vendor refusals, each as its typed error', () => {
    it('answers PermissionDeniedError when this service is not the creator', async () => {
      const result = await cancel(t.vnpt.seeded.ownedByOther);
      expect(result.data?.cancelDocument).toMatchObject({
        __typename: 'PermissionDeniedError',
        code: 'PERMISSION_DENIED',
        vendor: 'VNPT_ECONTRACT',
        vendorCode: '0',
        vendorMessage: expect.stringContaining('creator') as unknown,
        retryable: false,
      });
      expect(t.vnpt.getDocument(t.vnpt.seeded.ownedByOther)?.status.value).toBe(2);
    });

    it('answers FailedPreconditionError for a document that is already canceled', async () => {
      const result = await cancel(t.vnpt.seeded.byStatus.CANCELED);
      expect(result.data?.cancelDocument).toMatchObject({
        __typename: 'FailedPreconditionError',
        code: 'FAILED_PRECONDITION',
        vendorCode: '0',
        vendorMessage: expect.stringContaining('already been canceled') as unknown,
        retryable: false,
      });
    });

    it.each(['NEW', 'CORRECTING', 'REJECTED', 'DELETED'] as const)(
      'answers FailedPreconditionError for a %s document, whose status does not allow canceling',
      async (status) => {
        const result = await cancel(t.vnpt.seeded.byStatus[status]);
        expect(result.data?.cancelDocument).toMatchObject({ __typename: 'FailedPreconditionError', code: 'FAILED_PRECONDITION' });
      },
    );

    it('answers NotFoundError for an id the vendor does not know', async () => {
      const result = await cancel('11111111-2222-3333-4444-555555555555');
      expect(result.data?.cancelDocument).toMatchObject({
        __typename: 'NotFoundError',
        code: 'NOT_FOUND',
        vendor: 'VNPT_ECONTRACT',
        vendorCode: 'HTTP_404',
        vendorMessage: 'Document not found',
      });
    });
  });

  describe('bad input', () => {
    const oversized = 'x'.repeat(501);
    it.each([
      ['an empty documentId', '', 'Sai thông tin', 'input.documentId'],
      ['a blank documentId', '   ', 'Sai thông tin', 'input.documentId'],
      ['an empty reason', 'any-id', '', 'input.reason'],
      ['a blank reason', 'any-id', ' \t ', 'input.reason'],
      ['a reason over 500 characters', 'any-id', oversized, 'input.reason'],
    ])('refuses %s with InvalidInputError naming the field, without calling the vendor', async (_case, documentId, reason, field) => {
      const result = await cancel(documentId, reason);
      expect(result.errors).toBeUndefined();
      expect(result.data?.cancelDocument).toMatchObject({
        __typename: 'InvalidInputError',
        code: 'INVALID_INPUT',
        field,
        vendor: null,
        retryable: false,
      });
      expect(t.vnpt.requests()).toEqual([]);
    });

    it('accepts a reason of exactly 500 characters (Vietnamese letters count as one each)', async () => {
      const reason = 'ủ'.repeat(500);
      const result = await cancel(t.vnpt.seeded.byStatus.PROCESSING, reason);
      expect(result.data?.cancelDocument.__typename).toBe('CancelDocumentSuccess');
      expect(JSON.parse(vnptCalls(t.vnpt).cancels[0]?.body ?? '{}')).toEqual({ id: t.vnpt.seeded.byStatus.PROCESSING, reason });
    });

    it('refuses an empty idempotencyKey without calling the vendor', async () => {
      const result = await cancel('any-id', 'Sai thông tin', '');
      expect(result.data?.cancelDocument).toMatchObject({ __typename: 'InvalidInputError', field: 'input.idempotencyKey' });
      expect(t.vnpt.requests()).toEqual([]);
    });

    it('refuses document(id: "") with a top-level INVALID_INPUT error naming id, without calling the vendor', async () => {
      const result = await t.graphql(DocumentByIdDocument, { id: '' });
      expect(result.data?.document).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'id', retryable: false });
      expect(t.vnpt.requests()).toEqual([]);
    });
  });

  describe('idempotency', () => {
    it('replays the first success for the same key and input with one vendor cancel', async () => {
      const id = t.vnpt.seeded.byStatus.COMPLETED;
      const first = await cancel(id, 'Hợp đồng hết hiệu lực', 'cancel-completed-1');
      const second = await cancel(id, 'Hợp đồng hết hiệu lực', 'cancel-completed-1');
      for (const result of [first, second]) {
        expect(result.errors).toBeUndefined();
        expect(result.data?.cancelDocument).toMatchObject({ __typename: 'CancelDocumentSuccess', document: { id, status: 'CANCELED' } });
      }
      expect(vnptCalls(t.vnpt).cancels).toHaveLength(1);
      // The replay reads the document fresh instead of keeping a copy of it for 24 h.
      expect(vnptCalls(t.vnpt).gets).toHaveLength(1);
    });

    it('replays the first typed error for the same key and input with one vendor cancel', async () => {
      const first = await cancel(t.vnpt.seeded.ownedByOther, 'Sai thông tin', 'cancel-other-1');
      const second = await cancel(t.vnpt.seeded.ownedByOther, 'Sai thông tin', 'cancel-other-1');
      expect(first.data?.cancelDocument).toMatchObject({ __typename: 'PermissionDeniedError', vendorCode: '0' });
      expect(second.data?.cancelDocument).toEqual(first.data?.cancelDocument);
      expect(vnptCalls(t.vnpt).cancels).toHaveLength(1);
    });

    it('answers IdempotencyConflictError when the key is reused with other input', async () => {
      const id = t.vnpt.seeded.byStatus.CANCELED;
      await cancel(id, 'first reason', 'cancel-conflict-1');
      const reused = await cancel(id, 'another reason', 'cancel-conflict-1');
      expect(reused.data?.cancelDocument).toMatchObject({ __typename: 'IdempotencyConflictError', code: 'IDEMPOTENCY_CONFLICT' });
      expect(vnptCalls(t.vnpt).cancels).toHaveLength(1);
    });

    it('sends concurrent duplicates to the vendor once and gives each the first typed error', async () => {
      const id = t.vnpt.seeded.byStatus.DELETED;
      const results = await Promise.all(Array.from({ length: 5 }, () => cancel(id, 'Sai thông tin', 'cancel-concurrent-1')));
      expect(results[0]?.data?.cancelDocument.__typename).toBe('FailedPreconditionError');
      for (const result of results) expect(result.data).toEqual(results[0]?.data);
      expect(vnptCalls(t.vnpt).cancels).toHaveLength(1);
    });
  });
});

describe('cancelDocument and document(id) with VNPT switched off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { VENDORS: 'ess=sandbox,vnpt=off,volc=off' } });
  });
  afterAll(() => t.close());

  it('answers VendorUnavailableError saying VNPT is not configured, keeping the schema', async () => {
    const result = await t.graphql(CancelDocumentDocument, { input: { documentId: 'any-id', reason: 'Sai thông tin' } });
    expect(result.data?.cancelDocument).toMatchObject({
      __typename: 'VendorUnavailableError',
      code: 'VENDOR_UNAVAILABLE',
      vendor: 'VNPT_ECONTRACT',
      message: expect.stringContaining('not configured') as unknown,
      retryable: false,
    });
    const query = await t.graphql(DocumentStatusByIdDocument, { id: 'any-id' });
    expect(query.data?.document).toBeNull();
    expect(query.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'VNPT_ECONTRACT' });
    expect(t.vnpt.requests()).toEqual([]);
  });
});

import { Writable } from 'node:stream';
import { AgreementsApp } from '../../../src/app';
import { loadConfig } from '../../../src/config/config';
import { createLogger } from '../../../src/logging/logger';
import { TencentEssSimulator } from '../../../src/sandbox/tencent-ess/simulator';
import { VnptEcontractSimulator } from '../../../src/sandbox/vnpt-econtract/simulator';
import { CancelDocumentDocument, DocumentStatusByIdDocument, FlowByIdDocument } from '../../generated/graphql';
import { postGraphQL } from '../../support/graphql-client';
import {
  startTestApp,
  TEST_ESS_SECRET_ID,
  TEST_ESS_SECRET_KEY,
  TEST_OPERATOR_ID,
  TEST_RESILIENCE,
  TEST_VNPT_COLLEAGUE,
  TEST_VNPT_USER,
  type TestApp,
} from '../../support/test-app';
import { vnptCalls } from './vnpt-wire';

describe('VNPT bearer token', () => {
  describe('with a cached token the vendor has expired', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('logs in once, retries the cancel with the fresh token and succeeds', async () => {
      const id = t.vnpt.seeded.byStatus.READY;
      await t.graphql(DocumentStatusByIdDocument, { id });
      t.vnpt.clearRecords();
      t.vnpt.expireAllTokens();

      const result = await t.graphql(CancelDocumentDocument, { input: { documentId: id, reason: 'Sai thông tin' } });

      expect(result.data?.cancelDocument).toMatchObject({ __typename: 'CancelDocumentSuccess', document: { id, status: 'CANCELED' } });
      expect(t.vnpt.logins()).toBe(1);
      const paths = t.vnpt.requests().map((request) => request.url);
      expect(paths).toEqual(['/api/documents/cancel', '/api/auth/password-login', '/api/documents/cancel']);
      const { cancels } = vnptCalls(t.vnpt);
      const rejected = cancels.at(0);
      const accepted = cancels.at(1);
      expect(accepted?.headers.authorization).not.toBe(rejected?.headers.authorization);
      // The retried write carries the same body.
      expect(accepted?.body).toBe(rejected?.body);
    });

    it('logs in once for a read too, and reuses the new token afterwards', async () => {
      t.vnpt.expireAllTokens();
      t.vnpt.clearRecords();
      const ids = [t.vnpt.seeded.byStatus.NEW, t.vnpt.seeded.byStatus.COMPLETED];
      for (const id of ids) {
        const result = await t.graphql(DocumentStatusByIdDocument, { id });
        expect(result.data?.document?.id).toBe(id);
      }
      expect(t.vnpt.logins()).toBe(1);
    });
  });

  describe('with no token yet', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('serves 50 concurrent requests with exactly one login', async () => {
      const ids = Object.values(t.vnpt.seeded.byStatus);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, index) => t.graphql(DocumentStatusByIdDocument, { id: ids[index % ids.length] ?? '' })),
      );
      for (const [index, result] of results.entries()) {
        expect(result.errors).toBeUndefined();
        expect(result.data?.document?.id).toBe(ids[index % ids.length]);
      }
      expect(t.vnpt.logins()).toBe(1);
      expect(vnptCalls(t.vnpt).gets).toHaveLength(50);
    });
  });

  describe('with a wrong VNPT password', () => {
    let ess: TencentEssSimulator;
    let vnpt: VnptEcontractSimulator;
    let app: AgreementsApp;
    let url: string;
    const logLines: string[] = [];
    const wrongPassword = 'definitely-not-the-password';

    beforeAll(async () => {
      ess = await TencentEssSimulator.start({ secretId: TEST_ESS_SECRET_ID, secretKey: TEST_ESS_SECRET_KEY });
      vnpt = await VnptEcontractSimulator.start({ users: [TEST_VNPT_USER, TEST_VNPT_COLLEAGUE] });
      const config = loadConfig({ VENDORS: 'ess=sandbox,vnpt=sandbox,volc=off', LOG_LEVEL: 'debug', VENDOR_TIMEOUT_MS: '2000' });
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          logLines.push(chunk.toString('utf8'));
          callback();
        },
      });
      app = await AgreementsApp.create({
        config,
        logger: createLogger(config.logLevel, sink),
        vendors: {
          ess: { endpoint: ess.url, secretId: TEST_ESS_SECRET_ID, secretKey: TEST_ESS_SECRET_KEY, operatorId: TEST_OPERATOR_ID },
          vnpt: { endpoint: vnpt.url, username: TEST_VNPT_USER.username, password: wrongPassword, companyId: TEST_VNPT_USER.companyId },
        },
        resilience: TEST_RESILIENCE,
      });
      url = await app.listen(0, '127.0.0.1');
    });
    afterAll(async () => {
      await app.close();
      await Promise.all([ess.close(), vnpt.close()]);
    });

    it('answers cancelDocument with VendorAuthError and never calls the cancel', async () => {
      const result = await postGraphQL(url, CancelDocumentDocument, {
        input: { documentId: vnpt.seeded.byStatus.READY, reason: 'Sai thông tin' },
      });
      expect(result.data?.cancelDocument).toMatchObject({
        __typename: 'VendorAuthError',
        code: 'VENDOR_AUTH_FAILED',
        vendor: 'VNPT_ECONTRACT',
        vendorCode: '0',
        retryable: false,
      });
      expect(vnptCalls(vnpt).cancels).toHaveLength(0);
    });

    it('answers document(id) with a top-level VENDOR_AUTH_FAILED error', async () => {
      const result = await postGraphQL(url, DocumentStatusByIdDocument, { id: vnpt.seeded.byStatus.READY });
      expect(result.data?.document).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_AUTH_FAILED', vendor: 'VNPT_ECONTRACT', retryable: false });
    });

    it('keeps serving the other vendors: the ESS flow query still works', async () => {
      const flowId = ess.seeded.signed[0] ?? '';
      const result = await postGraphQL(url, FlowByIdDocument, { id: flowId });
      expect(result.errors).toBeUndefined();
      expect(result.data?.flow).toMatchObject({ id: flowId, status: 'SIGNED' });
    });

    it('logs the refused login at error level without the password', () => {
      const lines = logLines.join('');
      expect(lines).not.toContain(wrongPassword);
      const entries = lines
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as { level: number; msg?: string });
      expect(entries.some((entry) => entry.level >= 50 && entry.msg === 'vnpt password login failed')).toBe(true);
    });
  });
});

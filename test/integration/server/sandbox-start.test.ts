import { gql } from 'graphql-tag';
import { AgreementsApp } from '../../../src/app';
import { loadConfig } from '../../../src/config/config';
import { createLogger } from '../../../src/logging/logger';
import { startSandboxVendors, type SandboxVendors } from '../../../src/vendors/registry';
import { postGraphQL } from '../../support/graphql-client';

/** What `npm start` does with no environment: every vendor simulated, reached through the real datasources. */
describe('sandbox mode start-up', () => {
  let sandbox: SandboxVendors;
  let app: AgreementsApp;
  let url: string;

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    sandbox = await startSandboxVendors(config.vendors, { seed: true });
    app = await AgreementsApp.create({ config, logger: createLogger('silent'), vendors: sandbox.settings });
    url = await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await app.close();
    await sandbox.close();
  });

  it('starts a loopback simulator for every vendor and lists seeded ids for the banner', () => {
    for (const settings of [sandbox.settings.ess, sandbox.settings.vnpt, sandbox.settings.volc]) {
      expect(settings?.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    }
    const labels = Object.keys(sandbox.seededIds).join('\n');
    expect(labels).toMatch(/ESS flows/);
    expect(labels).toMatch(/VNPT documents/);
    expect(labels).toMatch(/Volcengine invitations/);
    expect(Object.values(sandbox.seededIds).every((ids) => ids.length > 0 && ids.every((id) => id.length > 0))).toBe(true);
  });

  it('answers the seeded ids of all three vendors through the signed datasources', async () => {
    const flowId = sandbox.simulators.ess?.seeded.signed[0];
    const documentId = sandbox.simulators.vnpt?.seeded.byStatus.READY;
    const result = await postGraphQL<
      { flow: { id: string; status: string } | null; document: { id: string; status: string } | null; invitations: { id: string }[] },
      { flowId: string; documentId: string }
    >(
      url,
      gql`
        query Seeded($flowId: ID!, $documentId: ID!) {
          flow(id: $flowId) {
            id
            status
          }
          document(id: $documentId) {
            id
            status
          }
          invitations {
            id
          }
        }
      `,
      { flowId: flowId ?? '', documentId: documentId ?? '' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.flow).toEqual({ id: flowId, status: 'SIGNED' });
    expect(result.data?.document).toEqual({ id: documentId, status: 'READY' });
    expect(result.data?.invitations.length).toBeGreaterThan(0);
  });
});

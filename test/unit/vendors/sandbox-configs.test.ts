import { loadConfig } from '../../../src/config/config';
import { startSandboxVendors } from '../../../src/vendors/registry';

describe('startSandboxVendors with the configuration as read', () => {
  it('lets a set VOLC_POLL_INTERVAL_MS win over the sandbox poll interval', async () => {
    const config = loadConfig({ VENDORS: 'ess=off,vnpt=off,volc=sandbox', VOLC_POLL_INTERVAL_MS: '12345' });
    const sandbox = await startSandboxVendors(config.vendors, { seed: false }, config.vendorConfigs);
    try {
      expect(sandbox.settings.volc?.pollIntervalMs).toBe(12_345);
    } finally {
      await sandbox.close();
    }
  });

  it('polls every few seconds in the sandbox when the variable is not set, so a newcomer sees events quickly', async () => {
    const config = loadConfig({ VENDORS: 'ess=off,vnpt=off,volc=sandbox' });
    const sandbox = await startSandboxVendors(config.vendors, { seed: false }, config.vendorConfigs);
    try {
      const interval = sandbox.settings.volc?.pollIntervalMs ?? 0;
      // DESIGN.md's default is 60 000 ms in live mode; the sandbox's is shorter.
      expect(interval).toBeGreaterThan(0);
      expect(interval).toBeLessThan(60_000);
    } finally {
      await sandbox.close();
    }
  });
});

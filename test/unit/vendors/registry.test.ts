import 'reflect-metadata';
import { unrestrictedPrincipal } from '../../../src/auth/principal';
import { loadConfig } from '../../../src/config/config';
import { Vendor } from '../../../src/errors/vendor';
import {
  createRequestLoaders,
  createVendorClients,
  startSandboxVendors,
  VENDOR_KEYS,
  VENDOR_MODULES,
  vendorResolverClasses,
} from '../../../src/vendors/registry';

describe('the vendor registry', () => {
  it('registers exactly the vendors DESIGN.md names, under their VENDORS names', () => {
    expect(VENDOR_KEYS).toEqual(['ess', 'vnpt', 'volc']);
    expect(Object.keys(VENDOR_MODULES)).toEqual([...VENDOR_KEYS]);
    expect(VENDOR_KEYS.map((key) => VENDOR_MODULES[key].vendor)).toEqual([
      Vendor.TENCENT_ESS,
      Vendor.VNPT_ECONTRACT,
      Vendor.VOLCENGINE_BILLING,
    ]);
    for (const key of VENDOR_KEYS) expect(VENDOR_MODULES[key].key).toBe(key);
  });

  it('gives every vendor its own resolver classes and one reference resolver per entity', () => {
    const { resolvers } = vendorResolverClasses();
    expect(new Set(resolvers).size).toBe(resolvers.length);
    expect(VENDOR_KEYS.map((key) => Object.keys(VENDOR_MODULES[key].referenceResolvers))).toEqual([['Flow'], ['Document'], ['Invitation']]);
  });

  it('builds no client for a vendor without settings, and loaders for every vendor either way', () => {
    const clients = createVendorClients({}, () => {
      throw new Error('no transport may be made for a vendor that is off');
    });
    expect(clients).toEqual({ ess: undefined, vnpt: undefined, volc: undefined });
    expect(Object.keys(createRequestLoaders(clients, unrestrictedPrincipal())).sort()).toEqual(['document', 'flow', 'invitation']);
  });

  it('starts a simulator only for the vendors in sandbox mode and reports their settings', async () => {
    const sandbox = await startSandboxVendors(loadConfig({ VENDORS: 'ess=sandbox,vnpt=off,volc=sandbox' }).vendors, { seed: false });
    try {
      expect(Object.keys(sandbox.settings).sort()).toEqual(['ess', 'volc']);
      expect(sandbox.simulators.vnpt).toBeUndefined();
      expect(sandbox.settings.ess?.endpoint).toBe(sandbox.simulators.ess?.url);
      expect(sandbox.settings.volc?.endpoint).toBe(sandbox.simulators.volc?.url);
      // Unseeded simulators have nothing to suggest in the banner.
      expect(sandbox.seededIds).toEqual({});
    } finally {
      await sandbox.close();
    }
  });

  it('reads a live vendor only once its required variables are present', () => {
    const config = loadConfig({
      VENDORS: 'ess=live,vnpt=off,volc=off',
      ALLOW_UNAUTHENTICATED: 'true',
      TENCENT_SECRET_ID: 'AKIDexample',
      TENCENT_SECRET_KEY: 'secret-key',
      TENCENT_ESS_OPERATOR_ID: 'operator-1',
    });
    expect(config.liveVendorSettings).toEqual({
      ess: { endpoint: 'https://ess.tencentcloudapi.com', secretId: 'AKIDexample', secretKey: 'secret-key', operatorId: 'operator-1' },
    });
  });
});

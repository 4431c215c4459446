import 'reflect-metadata';
import DataLoader from 'dataloader';
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
    const loaders = createRequestLoaders(clients, unrestrictedPrincipal());
    expect([loaders.flow, loaders.document, loaders.invitation].map((loader) => loader instanceof DataLoader)).toEqual([true, true, true]);
  });

  it("makes a vendor's loaders when the request first uses one, once: every use shares its batches and cache", () => {
    const clients = createVendorClients({}, () => {
      throw new Error('no transport may be made for a vendor that is off');
    });
    const made = VENDOR_KEYS.map((key) => jest.spyOn(VENDOR_MODULES[key], 'createLoaders'));
    try {
      const loaders = createRequestLoaders(clients, unrestrictedPrincipal());
      expect(made.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
      const document = loaders.document;
      expect(loaders.document).toBe(document);
      expect(made.map((spy) => spy.mock.calls.length)).toEqual([0, 1, 0]);
      expect(loaders.flow).toBe(loaders.flow);
      expect(loaders.invitation).toBe(loaders.invitation);
      expect(made.map((spy) => spy.mock.calls.length)).toEqual([1, 1, 1]);
      // Another request gets loaders of its own.
      expect(createRequestLoaders(clients, unrestrictedPrincipal()).document).not.toBe(document);
    } finally {
      for (const spy of made) spy.mockRestore();
    }
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

import { pino } from 'pino';
import type { VendorTransport } from '../../../datasources/http/vendor-call';
import { VnptEcontractClient } from '../../../datasources/vnpt-econtract/client';
import { VolcengineBillingClient } from '../../../datasources/volcengine-billing/client';
import { InvitationPoller } from '../../../datasources/volcengine-billing/invitation-poller';
import { VnptWebhookReceiver } from '../../../datasources/vnpt-econtract/webhook-receiver';
import { ConfigError, loadConfig } from '../../../src/config/config';
import { InMemoryKeyValueStore } from '../../../src/stores/in-memory-key-value-store';
import type { EventDependencies } from '../../../src/vendors/vendor-module';
import { vnptEcontractModule, type VnptSettings } from '../../../src/vendors/vnpt-econtract';
import { sandboxPollIntervalMs, volcengineBillingModule, type VolcSettings } from '../../../src/vendors/volcengine-billing';

type Env = Record<string, string | undefined>;

const LIVE: Env = {
  VENDORS: 'ess=off,vnpt=live,volc=live',
  ALLOW_UNAUTHENTICATED: 'true',
  VNPT_ECONTRACT_ENDPOINT: 'https://econtract.example.vn',
  VNPT_USERNAME: 'user',
  VNPT_PASSWORD: 'password',
  VNPT_COMPANY_ID: 'company-1',
  VOLC_ACCESS_KEY_ID: 'AKLTexample',
  VOLC_SECRET_ACCESS_KEY: 'volc-secret',
};

function problemsOf(env: Env): readonly string[] {
  try {
    loadConfig(env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

const unusedTransport: VendorTransport = { execute: () => Promise.reject(new Error('no vendor call expected')) };

function dependencies(): EventDependencies {
  return { sink: () => Promise.resolve('emitted'), store: new InMemoryKeyValueStore(), logger: pino({ level: 'silent' }) };
}

describe('VNPT_WEBHOOK_TOKEN', () => {
  it('is read into the config and the live settings', () => {
    const config = loadConfig({ ...LIVE, VNPT_WEBHOOK_TOKEN: ' s3cr3t-T0ken_value ' });

    expect(config.vendorConfigs.vnpt.webhookToken).toBe('s3cr3t-T0ken_value');
    expect(config.liveVendorSettings.vnpt?.webhookToken).toBe('s3cr3t-T0ken_value');
  });

  it('is optional', () => {
    const config = loadConfig(LIVE);

    expect(config.vendorConfigs.vnpt.webhookToken).toBeUndefined();
    expect(config.liveVendorSettings.vnpt?.webhookToken).toBeUndefined();
  });

  it('names the variable for a token with spaces, without quoting the secret', () => {
    const problems = problemsOf({ VNPT_WEBHOOK_TOKEN: 'two words' });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^VNPT_WEBHOOK_TOKEN: /);
    expect(problems[0]).not.toContain('two words');
  });
});

describe('VOLC_POLL_INTERVAL_MS', () => {
  it('defaults to 60000 in live mode and stays unset in the config', () => {
    const config = loadConfig(LIVE);

    expect(config.vendorConfigs.volc.pollIntervalMs).toBeUndefined();
    expect(config.liveVendorSettings.volc?.pollIntervalMs).toBe(60_000);
  });

  it.each([
    ['0', 0],
    ['5000', 5_000],
    [' 250 ', 250],
    ['86400000', 86_400_000],
  ])('reads %p as %p', (value, expected) => {
    const config = loadConfig({ ...LIVE, VOLC_POLL_INTERVAL_MS: value });

    expect(config.vendorConfigs.volc.pollIntervalMs).toBe(expected);
    expect(config.liveVendorSettings.volc?.pollIntervalMs).toBe(expected);
  });

  it.each(['soon', '-1', '1.5', '1e4', '86400001'])('names the variable when it is %p', (value) => {
    const problems = problemsOf({ VOLC_POLL_INTERVAL_MS: value });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^VOLC_POLL_INTERVAL_MS: /);
  });
});

describe('event sources from the settings', () => {
  const vnptSettings: VnptSettings = {
    endpoint: 'https://econtract.example.vn',
    username: 'user',
    password: 'password',
    companyId: 'company-1',
  };
  const vnptClient = new VnptEcontractClient({
    transport: unusedTransport,
    endpoint: vnptSettings.endpoint,
    credentials: { username: 'user', password: 'password', companyId: 'company-1' },
    store: new InMemoryKeyValueStore(),
    logger: pino({ level: 'silent' }),
  });
  const volcSettings: VolcSettings = {
    endpoint: 'https://billing.volcengineapi.com',
    accessKeyId: 'AKLTexample',
    secretAccessKey: 'volc-secret',
    region: 'cn-north-1',
    pollIntervalMs: 60_000,
  };
  const volcClient = new VolcengineBillingClient({
    transport: unusedTransport,
    endpoint: volcSettings.endpoint,
    credentials: { accessKeyId: 'AKLTexample', secretAccessKey: 'volc-secret' },
    region: 'cn-north-1',
  });

  it('gives VNPT a receiver at /callbacks/vnpt-econtract only when a webhook token is set', () => {
    const receiver = vnptEcontractModule.events?.receiver?.({ ...vnptSettings, webhookToken: 'token' }, vnptClient, dependencies());

    expect(receiver).toBeInstanceOf(VnptWebhookReceiver);
    expect(receiver?.path).toBe('/callbacks/vnpt-econtract');
    expect(vnptEcontractModule.events?.receiver?.(vnptSettings, vnptClient, dependencies())).toBeUndefined();
  });

  it('gives Volcengine a poller only when the interval is above 0', () => {
    expect(volcengineBillingModule.events?.poller?.(volcSettings, volcClient, dependencies())).toBeInstanceOf(InvitationPoller);
    expect(volcengineBillingModule.events?.poller?.({ ...volcSettings, pollIntervalMs: 0 }, volcClient, dependencies())).toBeUndefined();
  });
});

describe('sandbox settings', () => {
  it('generate a VNPT webhook token the simulator posts with', async () => {
    const sandbox = await vnptEcontractModule.startSandbox({ seed: false });
    try {
      expect(sandbox.settings.webhookToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect('deliverEventsTo' in sandbox).toBe(true);
    } finally {
      await sandbox.close();
    }
  });

  it('poll Volcengine every 3 s unless VOLC_POLL_INTERVAL_MS is set', async () => {
    const sandbox = await volcengineBillingModule.startSandbox({ seed: false });
    try {
      expect(sandbox.settings.pollIntervalMs).toBe(3_000);
    } finally {
      await sandbox.close();
    }
    expect(sandboxPollIntervalMs(loadConfig({}).vendorConfigs.volc)).toBe(3_000);
    expect(sandboxPollIntervalMs(loadConfig({ VOLC_POLL_INTERVAL_MS: '0' }).vendorConfigs.volc)).toBe(0);
    expect(sandboxPollIntervalMs(loadConfig({ VOLC_POLL_INTERVAL_MS: '60000' }).vendorConfigs.volc)).toBe(60_000);
  });
});

import { ConfigError, loadConfig } from '../../../src/config/config';
import { readVendorConfigs } from '../../../src/vendors/registry';

type Env = Record<string, string | undefined>;

const KEY = 'Kx7pQ2mZ9vB4nW1sT8yR3uE6aD0fG5hJ'; // 32 characters
const TOKEN = 'callback-token';
const LIVE_ESS: Env = {
  VENDORS: 'ess=live,vnpt=off,volc=off',
  ALLOW_UNAUTHENTICATED: 'true',
  TENCENT_SECRET_ID: 'AKIDexample',
  TENCENT_SECRET_KEY: 'secret-key',
  TENCENT_ESS_OPERATOR_ID: 'operator-1',
};
const LIVE_MODES = { ess: 'live', vnpt: 'off', volc: 'off' } as const;

function configError(env: Env): ConfigError {
  try {
    loadConfig(env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('TENCENT_ESS_CALLBACK_KEY and TENCENT_ESS_CALLBACK_TOKEN', () => {
  it('reads the key and the token when both are valid', () => {
    const config = loadConfig({ ...LIVE_ESS, TENCENT_ESS_CALLBACK_KEY: KEY, TENCENT_ESS_CALLBACK_TOKEN: TOKEN });
    expect(config.vendorConfigs.ess.callback).toEqual({ key: KEY, token: TOKEN });
  });

  it('reads the key alone when no token is set (callbacks then need no signature)', () => {
    expect(loadConfig({ ...LIVE_ESS, TENCENT_ESS_CALLBACK_KEY: KEY }).vendorConfigs.ess.callback).toEqual({ key: KEY });
  });

  it('has no callback settings when neither is set', () => {
    expect(loadConfig(LIVE_ESS).vendorConfigs.ess.callback).toBeUndefined();
  });

  it('gives the live settings the callback secrets when the key is set', () => {
    const { liveSettings } = readVendorConfigs(
      { ...LIVE_ESS, TENCENT_ESS_CALLBACK_KEY: KEY, TENCENT_ESS_CALLBACK_TOKEN: TOKEN },
      LIVE_MODES,
    );
    expect(liveSettings.ess?.callback).toEqual({ key: KEY, token: TOKEN });
  });

  it('gives the live settings no callback when the key is not set', () => {
    const { liveSettings } = readVendorConfigs(LIVE_ESS, LIVE_MODES);
    expect(liveSettings.ess).toBeDefined();
    expect(liveSettings.ess && 'callback' in liveSettings.ess).toBe(false);
  });

  it.each([
    ['31 characters', KEY.slice(0, 31), 31],
    ['33 characters', `${KEY}x`, 33],
  ])('refuses a key of %s, naming the variable and the length but not the value', (_label, key, length) => {
    const error = configError({ ...LIVE_ESS, TENCENT_ESS_CALLBACK_KEY: key });
    expect(error.problems).toEqual([expect.stringContaining('TENCENT_ESS_CALLBACK_KEY')]);
    expect(error.message).toContain('32');
    expect(error.message).toContain(`got ${length}`);
    expect(error.message).not.toContain(key);
  });

  it('refuses a key of 32 characters that is not 32 bytes of UTF-8', () => {
    const error = configError({ ...LIVE_ESS, TENCENT_ESS_CALLBACK_KEY: `${KEY.slice(0, 31)}é` });
    expect(error.problems).toEqual([expect.stringContaining('TENCENT_ESS_CALLBACK_KEY')]);
  });

  it('refuses a wrong key in sandbox mode too, so a typo is found before going live', () => {
    expect(configError({ TENCENT_ESS_CALLBACK_KEY: 'short' }).message).toContain('TENCENT_ESS_CALLBACK_KEY');
  });

  it('refuses a token without a key, naming both variables', () => {
    const error = configError({ ...LIVE_ESS, TENCENT_ESS_CALLBACK_TOKEN: TOKEN });
    expect(error.problems).toEqual([expect.stringMatching(/^TENCENT_ESS_CALLBACK_TOKEN: .*TENCENT_ESS_CALLBACK_KEY/)]);
    expect(error.message).not.toContain(TOKEN);
  });
});

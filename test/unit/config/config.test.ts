import { ConfigError, loadConfig, rateLimitFor, type AppConfig } from '../../../src/config/config';
import { parseVendorModes } from '../../../src/config/vendor-modes';
import { VENDOR_KEYS } from '../../../src/vendors/registry';

type Env = Record<string, string | undefined>;

/** Every credential a `live` vendor needs, so tests can switch vendors live without tripping over them. */
const LIVE_CREDENTIALS: Env = {
  TENCENT_SECRET_ID: 'AKIDexample',
  TENCENT_SECRET_KEY: 'secret-key',
  TENCENT_ESS_OPERATOR_ID: 'operator-1',
  VNPT_ECONTRACT_ENDPOINT: 'https://econtract.example.vn',
  VNPT_USERNAME: 'user',
  VNPT_PASSWORD: 'password',
  VNPT_COMPANY_ID: 'company-1',
  VOLC_ACCESS_KEY_ID: 'AKLTexample',
  VOLC_SECRET_ACCESS_KEY: 'volc-secret',
};

/** The ConfigError `loadConfig(env)` throws; fails the test when it does not throw one. */
function configError(env: Env): ConfigError {
  try {
    loadConfig(env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig', () => {
  it('uses the documented defaults when the environment is empty', () => {
    const config: AppConfig = loadConfig({});

    expect(config.port).toBe(4001);
    expect(config.vendors).toEqual({ ess: 'sandbox', vnpt: 'sandbox', volc: 'sandbox' });
    expect(config.vendorTimeoutMs).toBe(10_000);
    expect(config.vendorConfigs.volc.region).toBe('cn-north-1');
    expect(config.vendorConfigs.ess.endpoint).toBe('https://ess.tencentcloudapi.com');
    expect(config.vendorConfigs.volc.endpoint).toBe('https://billing.volcengineapi.com');
    expect(config.vendorConfigs.vnpt.endpoint).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.auth).toEqual({ mode: 'none', allowUnauthenticated: false });
    expect(config.logLevel).toBe('info');
  });

  it('treats blank values as unset when a variable is empty or whitespace', () => {
    const config = loadConfig({ PORT: '  ', VENDORS: '', VENDOR_TIMEOUT_MS: '' });

    expect(config.port).toBe(4001);
    expect(config.vendors).toEqual({ ess: 'sandbox', vnpt: 'sandbox', volc: 'sandbox' });
    expect(config.vendorTimeoutMs).toBe(10_000);
  });

  it('reads explicit values when they are valid', () => {
    const config = loadConfig({
      PORT: '8080',
      VENDOR_TIMEOUT_MS: '2500',
      LOG_LEVEL: 'debug',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      TENCENT_ESS_ENDPOINT: 'http://127.0.0.1:9001',
      VOLC_BILLING_ENDPOINT: 'http://127.0.0.1:9002/base',
      VNPT_ECONTRACT_ENDPOINT: 'https://econtract.example.vn',
      VOLC_REGION: 'ap-southeast-1',
    });

    expect(config.port).toBe(8080);
    expect(config.vendorTimeoutMs).toBe(2500);
    expect(config.logLevel).toBe('debug');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379/0');
    expect(config.vendorConfigs.ess.endpoint).toBe('http://127.0.0.1:9001');
    expect(config.vendorConfigs.volc.endpoint).toBe('http://127.0.0.1:9002/base');
    expect(config.vendorConfigs.vnpt.endpoint).toBe('https://econtract.example.vn');
    expect(config.vendorConfigs.volc.region).toBe('ap-southeast-1');
  });

  it('sets each vendor on its own when VENDORS is a per-vendor list', () => {
    const config = loadConfig({ ...LIVE_CREDENTIALS, VENDORS: 'ess=live,vnpt=off,volc=sandbox', ALLOW_UNAUTHENTICATED: 'true' });

    expect(config.vendors).toEqual({ ess: 'live', vnpt: 'off', volc: 'sandbox' });
    expect(config.vendorConfigs.ess.secretId).toBe('AKIDexample');
    expect(config.vendorConfigs.ess.operatorId).toBe('operator-1');
  });

  it('names the bad entry when VENDORS holds an unknown vendor or mode', () => {
    const error = configError({ VENDORS: 'ess=off,docusign=sandbox,volc=maybe' });

    const vendorProblems = error.problems.filter((problem) => problem.startsWith('VENDORS'));
    expect(vendorProblems).toHaveLength(2);
    expect(error.message).toContain('"docusign=sandbox"');
    expect(error.message).toContain('"volc=maybe"');
  });

  it('lists every missing credential when VENDORS=live has none', () => {
    const error = configError({ VENDORS: 'live', ALLOW_UNAUTHENTICATED: 'true' });

    for (const name of [
      'TENCENT_SECRET_ID',
      'TENCENT_SECRET_KEY',
      'TENCENT_ESS_OPERATOR_ID',
      'VNPT_ECONTRACT_ENDPOINT',
      'VNPT_USERNAME',
      'VNPT_PASSWORD',
      'VNPT_COMPANY_ID',
      'VOLC_ACCESS_KEY_ID',
      'VOLC_SECRET_ACCESS_KEY',
    ]) {
      expect(error.message).toContain(name);
    }
    expect(error.problems).toHaveLength(3);
  });

  it('lists only the credentials that are missing when some are set', () => {
    const { TENCENT_SECRET_KEY: _key, ...withoutKey } = LIVE_CREDENTIALS;
    const error = configError({ ...withoutKey, VENDORS: 'ess=live', ALLOW_UNAUTHENTICATED: 'true' });

    expect(error.problems).toEqual([expect.stringContaining('TENCENT_SECRET_KEY')]);
    expect(error.message).not.toContain('TENCENT_SECRET_ID');
  });

  it('refuses AUTH_MODE none when a vendor is live and ALLOW_UNAUTHENTICATED is not set', () => {
    const error = configError({ ...LIVE_CREDENTIALS, VENDORS: 'live' });

    expect(error.problems).toEqual([expect.stringContaining('AUTH_MODE')]);
    expect(error.message).toContain('ALLOW_UNAUTHENTICATED');
  });

  it('refuses AUTH_MODE none when ALLOW_UNAUTHENTICATED is false', () => {
    const error = configError({ ...LIVE_CREDENTIALS, VENDORS: 'ess=live', AUTH_MODE: 'none', ALLOW_UNAUTHENTICATED: 'false' });

    expect(error.problems).toEqual([expect.stringContaining('AUTH_MODE')]);
  });

  it('starts live without auth when ALLOW_UNAUTHENTICATED=true', () => {
    const config = loadConfig({ ...LIVE_CREDENTIALS, VENDORS: 'live', ALLOW_UNAUTHENTICATED: 'true' });

    expect(config.vendors).toEqual({ ess: 'live', vnpt: 'live', volc: 'live' });
    expect(config.auth).toEqual({ mode: 'none', allowUnauthenticated: true });
  });

  it('accepts AUTH_MODE none without ALLOW_UNAUTHENTICATED when no vendor is live', () => {
    expect(loadConfig({ VENDORS: 'ess=sandbox,vnpt=off,volc=off' }).auth.mode).toBe('none');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '65536'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['VENDOR_TIMEOUT_MS', 'soon'],
    ['VENDOR_TIMEOUT_MS', '0'],
    ['VENDOR_TIMEOUT_MS', '600000'],
    ['LOG_LEVEL', 'verbose'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['TENCENT_ESS_ENDPOINT', 'not a url'],
    ['TENCENT_ESS_ENDPOINT', 'ftp://ess.example.com'],
    ['VNPT_ECONTRACT_ENDPOINT', 'econtract.example.vn'],
    ['VOLC_BILLING_ENDPOINT', 'file:///etc/passwd'],
    ['ALLOW_UNAUTHENTICATED', 'yes'],
  ])('names %s when it is %p', (name, value) => {
    const error = configError({ [name]: value });

    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`^${name}:`));
  });

  it('allows the hosted Studio Explorer by default only while no vendor is live, and no router security directives', () => {
    expect(loadConfig({}).corsOrigins).toEqual(['https://studio.apollographql.com']);
    expect(loadConfig({ ...LIVE_CREDENTIALS, VENDORS: 'ess=live', ALLOW_UNAUTHENTICATED: 'true' }).corsOrigins).toEqual([]);
    expect(loadConfig({}).federationAuthDirectives).toBe(false);
    expect(loadConfig({ FEDERATION_AUTH_DIRECTIVES: 'true' }).federationAuthDirectives).toBe(true);
  });

  it('uses the documented reliability defaults (DESIGN.md Configuration)', () => {
    const config = loadConfig({});
    expect(config.vendorRateLimits).toEqual({ vendors: { ess: 20, vnpt: 20, volc: 20 }, actions: {} });
    expect(config.vendorCallsPerOperation).toBe(20);
    expect(config.callerRateShare).toBe(0.5);
    expect(config.requestTimeoutMs).toBe(30_000);
    expect(config.shutdownDelayMs).toBe(5_000);
  });

  it('reads VENDOR_RATE_LIMITS per vendor and per action, an action entry winning over its vendor', () => {
    const limits = loadConfig({ VENDOR_RATE_LIMITS: 'ess=10, volc=5, ess.DescribeFlowInfo=50' }).vendorRateLimits;
    expect(limits).toEqual({ vendors: { ess: 10, vnpt: 20, volc: 5 }, actions: { 'ess.DescribeFlowInfo': 50 } });
    expect(rateLimitFor(limits, 'ess', 'DescribeFlowInfo')).toBe(50);
    expect(rateLimitFor(limits, 'ess', 'CreateFlowReminds')).toBe(10);
    expect(rateLimitFor(limits, 'vnpt', 'get-document')).toBe(20);
  });

  it('takes VENDOR_RATE_LIMITS up to 100,000 a second per action (the bench raises its limits that far)', () => {
    const limits = loadConfig({ VENDOR_RATE_LIMITS: 'ess=100000,vnpt.cancel-document=100000' }).vendorRateLimits;
    expect(rateLimitFor(limits, 'ess', 'CreateReleaseFlow')).toBe(100_000);
    expect(rateLimitFor(limits, 'vnpt', 'cancel-document')).toBe(100_000);
  });

  it.each([
    'redis://127.0.0.1:6379/0',
    'rediss://cache.example:6380',
    'redis-sentinel://10.0.0.1:26379,10.0.0.2:26379/mymaster',
    'redis-cluster://10.0.0.1:7000,10.0.0.2:7000',
  ])('accepts REDIS_URL %s (standalone, TLS, Sentinel, Cluster)', (url) => {
    expect(loadConfig({ REDIS_URL: url }).redisUrl).toBe(url);
  });

  it('reads CORS_ORIGINS as a comma-separated list of origins', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://a.example , http://localhost:3000 ' }).corsOrigins).toEqual([
      'https://a.example',
      'http://localhost:3000',
    ]);
  });

  it.each([
    ['CORS_ORIGINS', 'https://a.example/path'],
    ['CORS_ORIGINS', 'not-an-origin'],
    ['FEDERATION_AUTH_DIRECTIVES', 'yes'],
    ['VENDOR_RATE_LIMITS', 'docusign=5'],
    ['VENDOR_RATE_LIMITS', 'ess=0'],
    ['VENDOR_RATE_LIMITS', 'ess=fast'],
    ['VENDOR_RATE_LIMITS', 'ess=100001'],
    ['VENDOR_CALLS_PER_OPERATION', '0'],
    ['CALLER_RATE_SHARE', '0'],
    ['CALLER_RATE_SHARE', '1.5'],
    ['CALLER_RATE_SHARE', 'half'],
    ['REQUEST_TIMEOUT_MS', '10'],
    ['SHUTDOWN_DELAY_MS', '-1'],
  ])('names %s when it is %p', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.problems).toEqual([expect.stringMatching(new RegExp(`^${name}:`))]);
  });

  it('echoes the bad value so the operator sees what was read', () => {
    expect(configError({ PORT: 'abc' }).message).toContain('"abc"');
  });

  it('reports every problem at once when several variables are wrong', () => {
    const error = configError({
      PORT: 'abc',
      VENDOR_TIMEOUT_MS: 'soon',
      LOG_LEVEL: 'verbose',
      REDIS_URL: 'localhost:6379',
      TENCENT_ESS_ENDPOINT: 'nope',
      VENDORS: 'ess=live,vnpt=sometimes',
    });

    const named = error.problems.map((problem) => problem.slice(0, problem.indexOf(':')));
    expect(named).toEqual(
      expect.arrayContaining(['PORT', 'VENDOR_TIMEOUT_MS', 'LOG_LEVEL', 'REDIS_URL', 'TENCENT_ESS_ENDPOINT', 'VENDORS', 'AUTH_MODE']),
    );
    // The bad vendor entry and the live ESS vendor's missing credentials are two separate VENDORS problems.
    expect(named.filter((name) => name === 'VENDORS')).toHaveLength(2);
    for (const problem of error.problems) expect(error.message).toContain(problem);
  });
});

describe('parseVendorModes', () => {
  it('puts all three vendors in sandbox when the value is absent', () => {
    expect(parseVendorModes(undefined, VENDOR_KEYS)).toEqual({ modes: { ess: 'sandbox', vnpt: 'sandbox', volc: 'sandbox' }, problems: [] });
  });

  it.each(['live', 'sandbox', 'off'] as const)('sets every vendor to %s when one mode is given', (mode) => {
    expect(parseVendorModes(mode, VENDOR_KEYS)).toEqual({ modes: { ess: mode, vnpt: mode, volc: mode }, problems: [] });
  });

  it('keeps unnamed vendors in sandbox when the list names only some', () => {
    expect(parseVendorModes(' vnpt = off ', VENDOR_KEYS)).toEqual({
      modes: { ess: 'sandbox', vnpt: 'off', volc: 'sandbox' },
      problems: [],
    });
  });

  it('reads a full per-vendor list with spaces around the parts', () => {
    expect(parseVendorModes('ess=live, vnpt=off , volc=sandbox', VENDOR_KEYS).modes).toEqual({ ess: 'live', vnpt: 'off', volc: 'sandbox' });
  });

  it.each(['ess', 'ess=', '=live', 'ess=live=now', 'ESS=live', 'ess=LIVE', 'tencent=live'])('reports %p as a bad entry', (entry) => {
    const { problems } = parseVendorModes(`vnpt=off,${entry}`, VENDOR_KEYS);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`"${entry}"`);
    expect(problems[0]).toMatch(/^VENDORS: /);
  });

  it('reports a vendor named twice instead of letting the last entry win', () => {
    const { problems } = parseVendorModes('ess=live,vnpt=off,ess=off', VENDOR_KEYS);

    expect(problems).toEqual([expect.stringContaining('"ess"')]);
    expect(problems[0]).toMatch(/^VENDORS: /);
  });

  it('reports a list with no entries instead of silently using sandbox', () => {
    expect(parseVendorModes(' , ,', VENDOR_KEYS).problems).toEqual([expect.stringMatching(/^VENDORS: /)]);
  });
});

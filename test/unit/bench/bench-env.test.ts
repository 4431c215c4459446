import { BENCH_VENDOR_RATE_LIMIT, subgraphEnv } from '../../../bench/processes';
import { DEFAULT_RATE_WINDOW_MS } from '../../../datasources/http/action-rate-limiter';
import { loadConfig, rateLimitFor } from '../../../src/config/config';

const VENDORS = { ess: 'http://127.0.0.1:1', vnpt: 'http://127.0.0.1:2', volc: 'http://127.0.0.1:3' };

/** The fastest bare passthrough the bench has measured: `cancelDocument`, 21,004 req/s (2026-12-06, README "Performance"). */
const FASTEST_BARE_RPS = 21_004;

describe("the bench's subgraph environment (bench/processes.ts)", () => {
  it('is a configuration the subgraph accepts, with every vendor action at the raised rate limit', () => {
    const config = loadConfig(subgraphEnv(VENDORS, 4000));

    expect(config.vendorRateLimits.vendors).toEqual({ ess: 100_000, vnpt: 100_000, volc: 100_000 });
    for (const [vendor, action] of [
      ['ess', 'CreateReleaseFlow'],
      ['vnpt', 'cancel-document'],
      ['volc', 'HandleInvitation'],
    ] as const) {
      expect(rateLimitFor(config.vendorRateLimits, vendor, action)).toBe(BENCH_VENDOR_RATE_LIMIT);
    }
  });

  it('lets through at least four times the fastest bare passthrough measured, so the limit never sets the pace', () => {
    const admittedPerSecond = (BENCH_VENDOR_RATE_LIMIT * 1000) / DEFAULT_RATE_WINDOW_MS;

    expect(admittedPerSecond).toBeGreaterThan(4 * FASTEST_BARE_RPS);
  });
});

import { request } from 'undici';

const METRIC = 'vendor_attempts_rate_limited_total';

/**
 * How many vendor-call attempts the subgraph's own rate limiter held (waited or refused), summed over every
 * vendor, action and outcome of `vendor_attempts_rate_limited_total` in Prometheus text. The bench raises
 * `VENDOR_RATE_LIMITS` so that this stays 0; anything else means the table measured the limit.
 */
export function rateLimitedAttempts(metricsText: string): number {
  let held = 0;
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith(`${METRIC}{`)) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) held += value;
  }
  return held;
}

/** `rateLimitedAttempts` of the subgraph at `url`, read from its `/metrics`. */
export async function subgraphRateLimitedAttempts(url: string): Promise<number> {
  const response = await request(`${url}/metrics`);
  return rateLimitedAttempts(await response.body.text());
}

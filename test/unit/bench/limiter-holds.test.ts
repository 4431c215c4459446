import { rateLimitedAttempts } from '../../../bench/limiter-holds';

describe("the bench's check of the subgraph's own rate limiter (bench/limiter-holds.ts)", () => {
  it('sums every vendor, action and outcome of vendor_attempts_rate_limited_total, and nothing else', () => {
    const text = [
      '# HELP vendor_attempts_rate_limited_total Attempts of vendor calls that this service held.',
      '# TYPE vendor_attempts_rate_limited_total counter',
      'vendor_attempts_rate_limited_total{vendor="TENCENT_ESS",operation="DescribeFlowInfo",outcome="waited"} 12',
      'vendor_attempts_rate_limited_total{vendor="VNPT_ECONTRACT",operation="cancel-document",outcome="refused"} 3',
      'vendor_request_duration_seconds_count{vendor="VNPT_ECONTRACT",operation="cancel-document",outcome="ok"} 90000',
      'graphql_requests_total{field="cancelDocument",outcome="ok"} 90000',
      '',
    ].join('\n');

    expect(rateLimitedAttempts(text)).toBe(15);
  });

  it('reads 0 when the limiter never held an attempt (prom-client prints no sample for a counter without labels set)', () => {
    const text = [
      '# HELP vendor_attempts_rate_limited_total Attempts of vendor calls that this service held.',
      '# TYPE vendor_attempts_rate_limited_total counter',
      '',
      'graphql_requests_total{field="cancelDocument",outcome="ok"} 90000',
    ].join('\n');

    expect(rateLimitedAttempts(text)).toBe(0);
  });
});

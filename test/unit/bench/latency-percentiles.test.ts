import { percentile } from '../../../bench/latency-percentiles';

describe('percentile (nearest rank)', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it('reads the nearest-rank sample: of 1..100, p50 is 50 and p99 is 99', () => {
    expect(percentile(oneToHundred, 0.5)).toBe(50);
    expect(percentile(oneToHundred, 0.99)).toBe(99);
    expect(percentile(oneToHundred, 1)).toBe(100);
  });

  it('rounds the rank up: of 10 samples, p99 is the 10th and p50 the 5th', () => {
    const samples = [0.4, 0.9, 1.2, 1.3, 2.05, 2.5, 3.1, 3.9, 4.2, 8.75];
    expect(percentile(samples, 0.99)).toBe(8.75);
    expect(percentile(samples, 0.5)).toBe(2.05);
    expect(percentile(samples, 0.51)).toBe(2.5);
  });

  it('keeps sub-millisecond values', () => {
    expect(percentile([3.25], 0.99)).toBe(3.25);
  });

  it('answers NaN without samples and refuses a fraction outside (0, 1]', () => {
    expect(percentile([], 0.99)).toBeNaN();
    expect(() => percentile(oneToHundred, 0)).toThrow(RangeError);
    expect(() => percentile(oneToHundred, 1.5)).toThrow(RangeError);
    expect(() => percentile(oneToHundred, Number.NaN)).toThrow(RangeError);
  });
});

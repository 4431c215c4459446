/**
 * A percentile of latencies, read off every answered request's own time. autocannon's histogram keeps
 * whole milliseconds, a quarter of the bare passthrough's 4 ms p99 on a fast machine, so the bench keeps
 * each response's time (autocannon's `response` event, measured with `process.hrtime`) instead.
 *
 * Nearest rank: the smallest sample that at least `fraction` of the samples are less than or equal to.
 *
 * @param sortedMs samples in ascending order
 * @param fraction in (0, 1]: 0.5 for the median, 0.99 for p99
 * @returns NaN when there are no samples
 */
export function percentile(sortedMs: readonly number[], fraction: number): number {
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`percentile fraction must be in (0, 1], got ${fraction}`);
  if (sortedMs.length === 0) return Number.NaN;
  return sortedMs[Math.ceil(fraction * sortedMs.length) - 1] ?? Number.NaN;
}

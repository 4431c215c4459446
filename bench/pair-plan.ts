import { median } from './summary';

/** Which build a process of a paired run holds: the base (a git ref) or the change (the working tree). */
export type Variant = 'base' | 'change';

/**
 * The processes of a paired run, in the order they are started: base, change, change, base. Two processes
 * of one build can differ by 5 % or more in CPU per request for their whole life (README "Performance"),
 * so each build runs in two, and neither build is always the one started first or last.
 */
export const START_ORDER: readonly Variant[] = Object.freeze(['base', 'change', 'change', 'base']);

/**
 * The order in which round `round` (from 0) loads `processCount` processes: the start order rotated by one
 * more place each round, so that every process takes every slot in turn (first after a quiet pause, last
 * after the others' load).
 */
export function loadOrder(processCount: number, round: number): number[] {
  return Array.from({ length: processCount }, (_, slot) => (slot + round) % processCount);
}

/** One round of one scenario on one process. */
export interface PairSample {
  readonly variant: Variant;
  /** CPU the process spent per answered request, µs. */
  readonly cpuUs: number;
}

/** What a paired run says about one scenario. */
export interface PairComparison {
  /** Median CPU per request over every round of every base process, µs. */
  readonly baseUs: number;
  /** The same for the change's processes. */
  readonly changeUs: number;
  /** (change - base) / base, in %: negative when the change costs less. */
  readonly changePercent: number;
}

/** The medians of each build's samples and how far apart they are; NaN where a build has no samples. */
export function compare(samples: readonly PairSample[]): PairComparison {
  const of = (variant: Variant): number => median(samples.filter((sample) => sample.variant === variant).map((sample) => sample.cpuUs));
  const baseUs = of('base');
  const changeUs = of('change');
  return { baseUs, changeUs, changePercent: ((changeUs - baseUs) / baseUs) * 100 };
}

import { START_ORDER, compare, loadOrder } from '../../../bench/pair-plan';

describe('the paired run plan (npm run bench:pair)', () => {
  it('starts the processes base, change, change, base: two of each build, neither always started first or last', () => {
    expect(START_ORDER).toEqual(['base', 'change', 'change', 'base']);
  });

  it('rotates the load order by one place a round, so that each process takes each slot once in four rounds', () => {
    const rounds = [0, 1, 2, 3].map((round) => loadOrder(4, round));

    expect(rounds).toEqual([
      [0, 1, 2, 3],
      [1, 2, 3, 0],
      [2, 3, 0, 1],
      [3, 0, 1, 2],
    ]);
    for (let slot = 0; slot < 4; slot += 1) expect(new Set(rounds.map((order) => order[slot]))).toEqual(new Set([0, 1, 2, 3]));
    expect(loadOrder(4, 4)).toEqual(loadOrder(4, 0));
  });

  it("compares the medians of each build's samples, negative when the change costs less", () => {
    const comparison = compare([
      { variant: 'base', cpuUs: 300 },
      { variant: 'change', cpuUs: 280 },
      { variant: 'change', cpuUs: 290 },
      { variant: 'base', cpuUs: 320 },
      { variant: 'base', cpuUs: 310 },
      { variant: 'change', cpuUs: 700 },
    ]);

    // base 300, 310, 320 -> 310; change 280, 290, 700 -> 290 (an outlier round does not move a median).
    expect(comparison.baseUs).toBe(310);
    expect(comparison.changeUs).toBe(290);
    expect(comparison.changePercent).toBeCloseTo(-6.45, 2);
  });

  it('answers NaN for a build without samples rather than a made-up figure', () => {
    expect(compare([{ variant: 'base', cpuUs: 300 }]).changeUs).toBeNaN();
    expect(compare([{ variant: 'base', cpuUs: 300 }]).changePercent).toBeNaN();
  });
});

import { isCalendarDay } from '../../../datasources/http/calendar-day';

/** The oracle: ECMAScript's Date, whose calendar is the proleptic Gregorian one, read back field by field. */
function dateAgrees(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

describe('isCalendarDay', () => {
  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2026, 4, 30, true],
    [2026, 4, 31, false],
    [2026, 12, 31, true],
    [2026, 1, 0, false],
    [2026, 1, 32, false],
    [2026, 0, 1, false],
    [2026, 13, 1, false],
    [100, 1, 1, true],
    [99, 12, 31, false],
    [2026, 1.5, 1, false],
    [2024.5, 1, 1, false],
    [2026, 1, 1.5, false],
    [2026, 1, Number.NaN, false],
  ])('%i-%s-%s is %s', (year, month, day, expected) => {
    expect(isCalendarDay(year, month, day)).toBe(expected);
  });

  it('agrees with Date for every day of years 100 to 2400 and the months and days around them', () => {
    const disagreements: string[] = [];
    for (let year = 100; year <= 2400; year += 1) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          if (isCalendarDay(year, month, day) !== dateAgrees(year, month, day)) disagreements.push(`${year}-${month}-${day}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

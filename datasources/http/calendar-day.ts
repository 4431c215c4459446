/**
 * Whether `year`-`month`-`day` (month 1–12) is a day of the calendar. `Date.UTC` does not refuse an
 * impossible date: it rolls 2024-02-30 into March (and reads years below 100 as 19xx), so the round trip
 * through it must give back the same year, month and day. Both vendors' timestamp readers use it.
 */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  // Stryker disable next-line ConditionalExpression: equivalent: a month past 12 also moves the year, a day past the month's end the day
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

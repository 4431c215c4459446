/** Days of each month of a common year, January first. */
const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `year`-`month`-`day` (month 1–12) is a day of the (proleptic Gregorian) calendar, for years
 * from 100 on: `Date.UTC` reads years below 100 as 19xx and rolls an impossible date such as 2024-02-30
 * into March, so both vendors' timestamp readers check the date here before they build an instant.
 * Arithmetic, not a `Date` round trip: a VNPT document carries eight timestamps, and the round trip cost
 * 250 ns of the 1.5 µs each one took to read.
 */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 100 || day < 1) return false;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: a month outside 1–12 reads past the table below, and `day <= undefined` is false
  if (month < 1 || month > 12) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

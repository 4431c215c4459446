import { isCalendarDay } from '../http/calendar-day';

/**
 * VNPT eContract sends ISO-like timestamps both with an offset (`2023-12-19T09:12:47.9709329+07:00`) and
 * without one (`2023-10-26T17:16:56.1433327`, the server's local wall clock), with .NET's 7-digit fractions
 * that `Date.parse` does not accept reliably. This module reads both.
 */

/** The vendor's servers run on Vietnam time (UTC+7, no daylight saving). */
export const VNPT_DEFAULT_OFFSET_MINUTES = 7 * 60;

const VNPT_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses a VNPT timestamp. An explicit offset (or `Z`) is honoured; an offset-less value is read as wall
 * clock time at `defaultOffsetMinutes` east of UTC (default UTC+7). Fractions beyond milliseconds are
 * truncated, not rounded, so an instant never moves into the next millisecond.
 *
 * @returns the instant, or `undefined` for anything that is not a valid timestamp (never throws: a bad
 *   date from the vendor must not fail a whole document).
 */
export function parseVnptDate(value: unknown, defaultOffsetMinutes: number = VNPT_DEFAULT_OFFSET_MINUTES): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = VNPT_DATE_PATTERN.exec(value.trim());
  if (!match) return undefined;
  // Optional groups that did not take part are undefined, which `RegExpExecArray`'s `string[]` hides.
  const groups: readonly (string | undefined)[] = match;
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fractionText, offsetText] = groups;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  const millisecond = fractionText === undefined ? 0 : Number(fractionText.slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || minute > 59 || second > 59) return undefined;
  // Stryker disable next-line ConditionalExpression: equivalent for `day < 1`: day 0 is no calendar day, refused by isCalendarDay below
  if (day < 1 || hour > 23) return undefined;
  // .NET serialises an unset DateTime as `0001-01-01T00:00:00`: that means "no date", not the year 1.
  // (Date.UTC would also misread years below 100 as 19xx.)
  if (year < 1000) return undefined;

  const offsetMinutes = offsetText === undefined ? defaultOffsetMinutes : parseOffsetMinutes(offsetText);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: a missing or non-finite offset makes the instant NaN, refused below
  if (offsetMinutes === undefined || !Number.isFinite(offsetMinutes)) return undefined;

  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (!isCalendarDay(year, month, day)) return undefined;
  const instant = new Date(wallClock - offsetMinutes * 60_000);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

function parseOffsetMinutes(text: string): number | undefined {
  // Stryker disable next-line ConditionalExpression,MethodExpression,StringLiteral: equivalent: `Z` read as digits is +00:00, offset 0 as well
  if (text.toUpperCase() === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 14 || minutes > 59) return undefined;
  const sign = text.startsWith('-') ? -1 : 1;
  return sign * (hours * 60 + minutes);
}

/** Formats instants the way VNPT's .NET servers print them: local UTC+7 wall clock, 7-digit fractions. */

const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** `2023-10-26T17:16:56.1433327`: local time without an offset, as in `createdDate`. */
export function formatVnptLocalDate(instant: Date): string {
  const wallClock = new Date(instant.getTime() + VIETNAM_OFFSET_MINUTES * 60_000);
  // toISOString gives milliseconds; .NET prints ticks (100 ns), so pad to seven digits.
  return `${wallClock.toISOString().slice(0, 23)}0000`;
}

/** `2023-12-19T09:12:47.9709329+07:00`: local time with its offset, as in `lastModifiedDate`. */
export function formatVnptOffsetDate(instant: Date): string {
  return `${formatVnptLocalDate(instant)}+07:00`;
}

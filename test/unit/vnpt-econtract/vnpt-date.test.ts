import { parseVnptDate, VNPT_DEFAULT_OFFSET_MINUTES } from '../../../datasources/vnpt-econtract/vnpt-date';

describe('parseVnptDate', () => {
  it('keeps the instant when the value carries an offset', () => {
    expect(parseVnptDate('2023-12-19T09:12:47.9709329+07:00')?.toISOString()).toBe('2023-12-19T02:12:47.970Z');
  });

  it('reads an offset-less value as UTC+7 by default', () => {
    expect(VNPT_DEFAULT_OFFSET_MINUTES).toBe(420);
    expect(parseVnptDate('2023-10-26T17:16:56.1433327')?.toISOString()).toBe('2023-10-26T10:16:56.143Z');
  });

  it('uses defaultOffsetMinutes for offset-less values when given', () => {
    expect(parseVnptDate('2023-10-26T17:16:56.1433327', 0)?.toISOString()).toBe('2023-10-26T17:16:56.143Z');
    expect(parseVnptDate('2023-10-26T17:16:56', -300)?.toISOString()).toBe('2023-10-26T22:16:56.000Z');
  });

  it('ignores defaultOffsetMinutes when the value has its own offset', () => {
    expect(parseVnptDate('2023-12-19T09:12:47+07:00', 0)?.toISOString()).toBe('2023-12-19T02:12:47.000Z');
    expect(parseVnptDate('2023-12-19T09:12:47Z')?.toISOString()).toBe('2023-12-19T09:12:47.000Z');
    expect(parseVnptDate('2023-12-19T09:12:47.5-0230')?.toISOString()).toBe('2023-12-19T11:42:47.500Z');
  });

  it('truncates 7-digit fractions to milliseconds instead of rounding when the fraction is .9999999', () => {
    expect(parseVnptDate('2023-12-31T23:59:59.9999999+00:00')?.toISOString()).toBe('2023-12-31T23:59:59.999Z');
  });

  it('pads short fractions when fewer than three digits are sent', () => {
    expect(parseVnptDate('2023-01-02T03:04:05.5+00:00')?.toISOString()).toBe('2023-01-02T03:04:05.500Z');
    expect(parseVnptDate('2023-01-02T03:04+00:00')?.toISOString()).toBe('2023-01-02T03:04:00.000Z');
  });

  it.each([
    ['an empty string', ''],
    ['garbage', 'yesterday'],
    ['a date without time', '2023-10-26'],
    ['an impossible day', '2023-02-30T10:00:00'],
    ['an impossible month', '2023-13-01T10:00:00'],
    ['an impossible hour', '2023-10-26T24:00:00'],
    ['an impossible offset', '2023-10-26T10:00:00+15:00'],
    ['the .NET DateTime.MinValue sentinel', '0001-01-01T00:00:00'],
    ['a number', 1698315416143],
    ['null', null],
    ['an object', { value: '2023-10-26T17:16:56' }],
  ])('returns undefined without throwing when given %s', (_label, value) => {
    expect(parseVnptDate(value)).toBeUndefined();
  });
});

describe('parseVnptDate boundaries', () => {
  it.each([
    ['the first day of a month', '2024-03-01T00:00:00', '2024-02-29T17:00:00.000Z'],
    ['the last second of a day', '2024-03-01T23:59:59', '2024-03-01T16:59:59.000Z'],
    ['the year 1000', '1000-01-01T07:00:00', '1000-01-01T00:00:00.000Z'],
    ['a value with surrounding spaces', ' 2023-10-26T17:16:56 ', '2023-10-26T10:16:56.000Z'],
    ['a space instead of T', '2023-10-26 17:16:56', '2023-10-26T10:16:56.000Z'],
    ['a lowercase z', '2023-10-26T17:16:56z', '2023-10-26T17:16:56.000Z'],
    ['an uppercase Z', '2023-10-26T17:16:56Z', '2023-10-26T17:16:56.000Z'],
    ['the largest offset, +14:59', '2023-10-26T17:16:56+14:59', '2023-10-26T02:17:56.000Z'],
    ['a negative offset without colon', '2023-10-26T17:16:56-0330', '2023-10-26T20:46:56.000Z'],
  ])('reads %s', (_label, value, expected) => {
    expect(parseVnptDate(value)?.toISOString()).toBe(expected);
  });

  it.each([
    ['month 00', '2023-00-10T10:00:00'],
    ['day 00', '2023-10-00T10:00:00'],
    ['minute 60', '2023-10-26T10:60:00'],
    ['second 60', '2023-10-26T10:00:60'],
    ['the year 999', '0999-01-01T10:00:00'],
    ['an offset of 15 hours', '2023-10-26T10:00:00-15:00'],
    ['an offset with 60 minutes', '2023-10-26T10:00:00+07:60'],
    ['text before the date', 'x2023-10-26T10:00:00'],
    ['text after the date', '2023-10-26T10:00:00x'],
  ])('returns undefined for %s', (_label, value) => {
    expect(parseVnptDate(value)).toBeUndefined();
  });

  it('returns undefined for an offset-less value when the default offset is not a finite number', () => {
    expect(parseVnptDate('2023-10-26T10:00:00', Number.NaN)).toBeUndefined();
    expect(parseVnptDate('2023-10-26T10:00:00', Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseVnptDate('2023-10-26T10:00:00+07:00', Number.NaN)?.toISOString()).toBe('2023-10-26T03:00:00.000Z');
  });
});

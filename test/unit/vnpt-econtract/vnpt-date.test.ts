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

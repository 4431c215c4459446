import { parseRetryAfter, retryAfterSecondsFor } from '../../../datasources/http/retry-after';
import { ErrorCode } from '../../../src/errors/error-code';

/** RFC 9110 §5.6.7 gives one instant in its three HTTP-date forms. */
const RFC_INSTANT = new Date('1994-11-06T08:49:37Z');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120],
    ['7', 7],
    [' 7 ', 7],
    ['1', 1],
  ])('reads delta-seconds when given %p', (value, expected) => {
    expect(parseRetryAfter(value, RFC_INSTANT)).toBe(expected);
  });

  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:50:07 GMT'],
    ['RFC 850 date', 'Sunday, 06-Nov-94 08:50:07 GMT'],
    ['asctime date', 'Sun Nov  6 08:50:07 1994'],
  ])('measures an %s from now', (_form, value) => {
    expect(parseRetryAfter(value, RFC_INSTANT)).toBe(30);
  });

  it("reads an asctime date as GMT (RFC 9110 §5.6.7), not in the machine's zone (jest.config.js runs tests at UTC+7)", () => {
    expect(new Date(2000, 0, 1).getTimezoneOffset()).toBe(-420);
    expect(parseRetryAfter('Sun Nov  6 08:50:07 1994', RFC_INSTANT)).toBe(30);
  });

  it('rounds a date a fraction of a second ahead up to the next whole second', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:42 GMT', new Date('1994-11-06T08:49:37.500Z'))).toBe(5);
  });

  it.each([
    ['zero seconds', '0'],
    ['a date in the past', 'Sun, 06 Nov 1994 08:00:00 GMT'],
    ['the current instant', 'Sun, 06 Nov 1994 08:49:37 GMT'],
  ])('never answers less than one second when given %s', (_label, value) => {
    expect(parseRetryAfter(value, RFC_INSTANT)).toBe(1);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['blank', '   '],
    ['words', 'soon'],
    ['a negative number', '-5'],
    ['a fraction', '1.5'],
    ['a date without its day name', '06 Nov 1994 08:50:07 GMT'],
    ['an ISO timestamp', '1994-11-06T08:50:07Z'],
    ['an impossible date', 'Mon, 99 Nov 1994 08:49:37 GMT'],
    // V8's Date.parse would read this one as 30 s ahead; RFC 9110 has no such form.
    ['a date with words before its day name', 'in Sun, 06 Nov 1994 08:50:07 GMT'],
  ])('defaults to one second when the value is %s', (_label, value) => {
    expect(parseRetryAfter(value, RFC_INSTANT)).toBe(1);
  });
});

describe('retryAfterSecondsFor', () => {
  it('reads the Retry-After header, in any letter case, when the code is RATE_LIMITED', () => {
    expect(retryAfterSecondsFor(ErrorCode.RATE_LIMITED, { 'Retry-After': '7' })).toBe(7);
    expect(retryAfterSecondsFor(ErrorCode.RATE_LIMITED, { 'retry-after': ['9', '3'] })).toBe(9);
  });

  it('waits one second when a RATE_LIMITED answer has no headers or no Retry-After', () => {
    expect(retryAfterSecondsFor(ErrorCode.RATE_LIMITED, undefined)).toBe(1);
    expect(retryAfterSecondsFor(ErrorCode.RATE_LIMITED, { 'content-type': 'text/plain' })).toBe(1);
  });

  it.each([ErrorCode.VENDOR_UNAVAILABLE, ErrorCode.INVALID_INPUT, ErrorCode.QUOTA_EXCEEDED])('sets no wait for %s', (code) => {
    expect(retryAfterSecondsFor(code, { 'retry-after': '7' })).toBeUndefined();
  });
});

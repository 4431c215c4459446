import { firstHeaderValue, headerValue } from '../../../datasources/http/headers';

describe('headerValue', () => {
  it('finds a header whatever the letter case of its name or of the name asked for', () => {
    expect(headerValue({ 'Retry-After': '7' }, 'retry-after')).toBe('7');
    expect(headerValue({ 'x-request-id': 'r1' }, 'X-Request-Id')).toBe('r1');
  });

  it('answers the first value of a repeated header', () => {
    expect(headerValue({ 'retry-after': ['7', '9'] }, 'retry-after')).toBe('7');
  });

  it('trims the value', () => {
    expect(headerValue({ 'x-request-id': '  r1\t' }, 'x-request-id')).toBe('r1');
  });

  it.each([
    ['absent', {}],
    ['undefined', { 'retry-after': undefined }],
    ['empty', { 'retry-after': '' }],
    ['blank', { 'retry-after': '  ' }],
    ['an empty list', { 'retry-after': [] }],
  ])('answers undefined when the header is %s', (_label, headers) => {
    expect(headerValue(headers, 'retry-after')).toBeUndefined();
  });

  it('answers undefined for a blank header spelt in another case', () => {
    expect(headerValue({ 'Retry-After': '  ' }, 'retry-after')).toBeUndefined();
  });

  it('passes over a blank spelling of the header to a spelling with a value', () => {
    expect(headerValue({ 'retry-after': ' ', 'Retry-After': '', 'RETRY-AFTER': '7' }, 'retry-after')).toBe('7');
  });

  it('does not match a header whose name only starts with the one asked for', () => {
    expect(headerValue({ 'retry-after-ms': '700' }, 'retry-after')).toBeUndefined();
  });
});

describe('firstHeaderValue', () => {
  it('answers the first name, in the order given, that has a value', () => {
    const headers = { 'X-Correlation-Id': 'corr-9', 'x-trace-id': 'trace-1', 'x-request-id': ' ' };
    expect(firstHeaderValue(headers, ['x-request-id', 'x-correlation-id', 'x-trace-id'])).toBe('corr-9');
  });

  it('answers undefined when none of the names has a value', () => {
    expect(firstHeaderValue({ other: 'x' }, ['x-request-id', 'x-trace-id'])).toBeUndefined();
  });
});

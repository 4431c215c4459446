import { quoteIntegerFields } from '../../../datasources/volcengine-billing/json-integers';

describe('quoteIntegerFields', () => {
  it('keeps every digit of a UID beyond 2^53 when given it as a JSON integer', () => {
    const text = quoteIntegerFields('{"MajorAccountID": 21002501451234567890, "Other": 12345678901234567890}', ['MajorAccountID']);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed.MajorAccountID).toBe('21002501451234567890');
    expect(typeof parsed.Other).toBe('number');
  });

  it('quotes every occurrence in nested objects and arrays', () => {
    const text = quoteIntegerFields('{"List":[{"Relation":{"MajorAccountID":1,"SubAccountID":2}},{"Auth":{"SubAccountID":3}}]}', [
      'MajorAccountID',
      'SubAccountID',
    ]);
    expect(text).toBe('{"List":[{"Relation":{"MajorAccountID":"1","SubAccountID":"2"}},{"Auth":{"SubAccountID":"3"}}]}');
  });

  it('leaves the text alone when the key only appears inside a string value', () => {
    const json = JSON.stringify({ Note: '"MajorAccountID": 5}' });
    expect(quoteIntegerFields(json, ['MajorAccountID'])).toBe(json);
  });

  it('leaves decimals, strings and nulls alone', () => {
    const json = '{"MajorAccountID":1.5,"SubAccountID":"7","X":{"MajorAccountID":null}}';
    expect(quoteIntegerFields(json, ['MajorAccountID', 'SubAccountID'])).toBe(json);
  });
});

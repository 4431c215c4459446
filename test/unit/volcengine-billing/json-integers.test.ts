import { parseKeepingIntegers } from '../../../datasources/volcengine-billing/json-integers';

describe('parseKeepingIntegers', () => {
  it('keeps every digit of a UID beyond 2^53 when given it as a JSON integer', () => {
    const parsed = parseKeepingIntegers('{"MajorAccountID": 21002501451234567890, "Other": 12345678901234567890}', ['MajorAccountID']);
    expect(parsed).toEqual({ MajorAccountID: '21002501451234567890', Other: Number('12345678901234567890') });
  });

  it('turns every occurrence into text in nested objects and arrays', () => {
    const parsed = parseKeepingIntegers('{"List":[{"Relation":{"MajorAccountID":1,"SubAccountID":2}},{"Auth":{"SubAccountID":3}}]}', [
      'MajorAccountID',
      'SubAccountID',
    ]);
    expect(parsed).toEqual({ List: [{ Relation: { MajorAccountID: '1', SubAccountID: '2' } }, { Auth: { SubAccountID: '3' } }] });
  });

  it('leaves a string value alone when the key only appears inside it', () => {
    const json = JSON.stringify({ Note: '"MajorAccountID": 5}' });
    expect(parseKeepingIntegers(json, ['MajorAccountID'])).toEqual({ Note: '"MajorAccountID": 5}' });
  });

  it('leaves decimals, strings and nulls alone', () => {
    const json = '{"MajorAccountID":1.5,"SubAccountID":"7","X":{"MajorAccountID":null}}';
    expect(parseKeepingIntegers(json, ['MajorAccountID', 'SubAccountID'])).toEqual({
      MajorAccountID: 1.5,
      SubAccountID: '7',
      X: { MajorAccountID: null },
    });
  });

  it('reads everything else as JSON.parse does, a repeated key keeping its last value', () => {
    const json = '{"a":1,"b":[true,false,null,"x",-0.5,1e3],"a":2,"c":{}}';
    expect(parseKeepingIntegers(json, ['MajorAccountID'])).toEqual({ a: 2, b: [true, false, null, 'x', -0.5, 1000], c: {} });
  });

  it('with no field to keep as text, reads numbers as doubles, a UID beyond 2^53 rounded', () => {
    const json = '{"MajorAccountID":21002501451234567890,"b":[-0,1e3,0.25],"MajorAccountID2":7,"b":[1]}';
    expect(parseKeepingIntegers(json, [])).toEqual({ MajorAccountID: Number('21002501451234567890'), b: [1], MajorAccountID2: 7 });
    expect(Object.is((parseKeepingIntegers('[-0]', []) as number[])[0], -0)).toBe(true);
  });

  it('throws a SyntaxError when given text that is not JSON, with or without fields to keep', () => {
    expect(() => parseKeepingIntegers('{"IsSuccess": true "BaseResp": {}}', [])).toThrow(SyntaxError);
    expect(() => parseKeepingIntegers('{"IsSuccess": true "BaseResp": {}}', ['MajorAccountID'])).toThrow(SyntaxError);
  });
});

import {
  parseJsonBytes,
  parseJsonOrUndefined,
  readArray,
  readBoolean,
  readInteger,
  readNumber,
  readString,
  readText,
} from '../../../datasources/http/json-readers';

const NOT_A_STRING: readonly unknown[] = [undefined, null, 0, true, {}, []];

describe('JSON readers', () => {
  it('reads any string with readString and only non-empty ones with readText', () => {
    expect(readString('')).toBe('');
    expect(readString('x')).toBe('x');
    expect(readText('x')).toBe('x');
    expect(readText('')).toBeUndefined();
    for (const value of NOT_A_STRING) {
      expect(readString(value)).toBeUndefined();
      expect(readText(value)).toBeUndefined();
    }
  });

  it('reads finite numbers and decimal strings with readNumber', () => {
    expect(readNumber(6)).toBe(6);
    expect(readNumber(-1.5)).toBe(-1.5);
    expect(readNumber('6')).toBe(6);
    expect(readNumber(' -3.25 ')).toBe(-3.25);
    expect(readNumber('1.5')).toBe(1.5);
    expect(readNumber('120.25')).toBe(120.25);
    expect(readNumber(Number.MAX_VALUE)).toBe(Number.MAX_VALUE);
    for (const value of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      '6x',
      'x6',
      '6.',
      '.5',
      '+6',
      '1.2.3',
      '',
      '1e3',
      null,
      undefined,
      true,
    ]) {
      expect(readNumber(value)).toBeUndefined();
    }
  });

  it('reads only integers a double holds exactly with readInteger', () => {
    expect(readInteger(21)).toBe(21);
    expect(readInteger(-3)).toBe(-3);
    expect(readInteger(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    for (const value of [2 ** 53, 1.5, '21', Number.NaN, null, undefined]) expect(readInteger(value)).toBeUndefined();
  });

  it('reads booleans and arrays, and nothing else as them', () => {
    expect(readBoolean(false)).toBe(false);
    expect(readBoolean('true')).toBeUndefined();
    expect(readArray([1, 'a'])).toEqual([1, 'a']);
    expect(readArray({ length: 1 })).toEqual([]);
    expect(readArray(undefined)).toEqual([]);
  });

  it('parses JSON and answers undefined for anything that is not JSON', () => {
    expect(parseJsonOrUndefined('{"a":[1,null]}')).toEqual({ a: [1, null] });
    expect(parseJsonOrUndefined('<html>502 Bad Gateway</html>')).toBeUndefined();
    expect(parseJsonOrUndefined('')).toBeUndefined();
  });

  it('parses a body from its UTF-8 bytes, Chinese and Vietnamese text included', () => {
    // The bytes are written out by hand: 合同 is E5 90 88 E5 90 8C, "Hủy" is 48 E1 BB A7 79.
    const bytes = Buffer.concat([
      Buffer.from('{"FlowName":"'),
      Buffer.from([0xe5, 0x90, 0x88, 0xe5, 0x90, 0x8c]),
      Buffer.from('","message":"'),
      Buffer.from([0x48, 0xe1, 0xbb, 0xa7, 0x79]),
      Buffer.from('"}'),
    ]);
    expect(parseJsonBytes(bytes)).toEqual({ FlowName: '\u5408\u540c', message: 'H\u1ee7y' });
    expect(parseJsonBytes(Buffer.from('<html>502 Bad Gateway</html>'))).toBeUndefined();
    expect(parseJsonBytes(Buffer.alloc(0))).toBeUndefined();
  });
});

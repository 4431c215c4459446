import { characterCount } from '../../../resolvers/shared/validation';

describe('characterCount (Unicode code points)', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['合同', 2],
    // U+1F4DD MEMO: one code point, two UTF-16 units.
    ['\u{1F4DD}', 1],
    ['a\u{1F4DD}b\u{1F4DD}', 4],
    // U+20000, a CJK Extension B character: one code point, two units.
    ['\u{20000}合', 2],
    // Lone surrogates count one each, as Array.from counts them.
    ['\uD83D', 1],
    ['\uDCDD', 1],
    ['\uDCDD\uD83D', 2],
    ['x\uD83D', 2],
    ['\uD83Dx', 2],
    // A low surrogate after anything but a high one is a lone surrogate.
    ['a\uDCDD', 2],
    ['\uD7FF\uDC00', 2],
    ['\uDC00\uDC00', 2],
    // The ends of both ranges pair: U+10000, U+10FFFF, U+103FF, U+10FC00.
    ['\uD800\uDC00', 1],
    ['\uDBFF\uDFFF', 1],
    ['\uD800\uDFFF', 1],
    ['\uDBFF\uDC00', 1],
    // A high surrogate before a unit just outside the low range does not pair.
    ['\uD83D\uDBFF', 2],
    ['\uD83D\uE000', 2],
  ])('counts %j as %i', (text, expected) => {
    expect(characterCount(text)).toBe(expected);
  });
});

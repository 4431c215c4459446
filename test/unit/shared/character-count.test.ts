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
  ])('counts %j as %i', (text, expected) => {
    expect(characterCount(text)).toBe(expected);
  });
});

import { isInteger, isLosslessNumber, LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * Volcengine account UIDs are JSON integers that exceed 2^53 (`21002501451234567890`), which a double
 * cannot hold. `lossless-json` reads and writes them digit for digit; everything else behaves as with
 * `JSON.parse` / `JSON.stringify`.
 */

/**
 * Parses `text` as `JSON.parse` would, except that an integer value of a key in `integerFieldsAsText` comes
 * back as its decimal text (`"MajorAccountID": 21002501451234567890` → `'21002501451234567890'`). Other
 * numbers, those keys' non-integer values and string values are left as `JSON.parse` leaves them; a
 * repeated key keeps its last value, as with `JSON.parse`.
 *
 * @throws SyntaxError when `text` is not JSON.
 */
export function parseKeepingIntegers(text: string, integerFieldsAsText: readonly string[]): unknown {
  // With no field to keep as text, lossless-json reads exactly what JSON.parse reads, at several times its cost.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: the lossless path answers the same, slower
  if (integerFieldsAsText.length === 0) return JSON.parse(text) as unknown;
  const asText = new Set(integerFieldsAsText);
  return parse(
    text,
    (key, value) => {
      if (!isLosslessNumber(value)) return value;
      return asText.has(key) && isInteger(value.value) ? value.value : Number(value.value);
    },
    { onDuplicateKey: ({ newValue }) => newValue },
  );
}

/** A JSON integer literal with exactly these digits, for `stringifyWithIntegers`. */
export function integerLiteral(digits: string): LosslessNumber {
  return new LosslessNumber(digits);
}

/**
 * `JSON.stringify(value)`, with `integerLiteral` values written as bare integer literals (the vendor
 * rejects quoted numbers). Keys keep their insertion order; strings are escaped exactly as `JSON.stringify`
 * escapes them.
 */
export function stringifyWithIntegers(value: Readonly<Record<string, unknown>>): string {
  const text = stringify(value);
  // Only `undefined`, functions and symbols stringify to nothing; an object never does.
  // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, the check only narrows the type: an object always stringifies
  if (text === undefined) throw new TypeError('a JSON object did not stringify');
  return text;
}

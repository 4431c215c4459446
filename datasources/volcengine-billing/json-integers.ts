import { isInteger, isLosslessNumber, parse } from 'lossless-json';

/**
 * Volcengine account UIDs are JSON integers that exceed 2^53 (`21002501451234567890`), which a double
 * cannot hold. `lossless-json` reads them digit for digit; everything else behaves as with `JSON.parse`.
 * (Requests write them as the digits they were given: see `handleInvitationBody`.)
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

import { VendorError } from '../../src/errors/vendor-error';

/**
 * Input checks that run before any vendor call. Each throws `VendorError.invalidInput(field, …)`
 * naming the GraphQL input path, so a client can point at the culprit.
 */

export interface TextRule {
  readonly max: number;
  /** Default 1: empty (or blank) text is refused. */
  readonly min?: number;
}

/**
 * Length in Unicode code points, the unit the vendors document their limits in (a UTF-16 `length`
 * would count an emoji or a rare CJK character twice). A surrogate pair counts once, a lone surrogate
 * once, as `Array.from(text).length` counts them, without building that array for every id of a list.
 */
export function characterCount(text: string): number {
  let count = text.length;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent: a unit past the end reads NaN, which pairs with nothing
  for (let index = 0; index < text.length - 1; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count -= 1;
        index += 1;
      }
    }
  }
  return count;
}

/** Required text: trimmed for the length check, sent as given. */
export function requireText(value: string, field: string, rule: TextRule): string {
  const length = characterCount(value.trim());
  const min = rule.min ?? 1;
  if (length < min)
    throw VendorError.invalidInput(field, min === 1 ? `${field} must not be empty.` : `${field} needs at least ${min} characters.`);
  if (characterCount(value) > rule.max) throw VendorError.invalidInput(field, `${field} must be at most ${rule.max} characters.`);
  return value;
}

/** Optional text: `null`/`undefined` pass as `undefined`; present text follows `requireText`. */
export function optionalText(value: string | null | undefined, field: string, rule: TextRule): string | undefined {
  if (value === null || value === undefined) return undefined;
  return requireText(value, field, rule);
}

/** Removes duplicates, keeping first occurrences, and checks the count and each id. */
export function uniqueIds(values: readonly string[], field: string, range: { readonly min: number; readonly max: number }): string[] {
  values.forEach((value, index) => requireText(value, `${field}[${index}]`, { max: 128 }));
  const unique = [...new Set(values)];
  if (unique.length < range.min)
    throw VendorError.invalidInput(field, `${field} needs at least ${range.min} id${range.min > 1 ? 's' : ''}.`);
  if (unique.length > range.max) throw VendorError.invalidInput(field, `${field} takes at most ${range.max} distinct ids.`);
  return unique;
}

/**
 * A mobile number as ESS accepts it: digits with an optional leading `+`, 10 to 15 digits (mainland
 * numbers have 11; the vendor's own examples use 10). Spaces, dashes and letters are refused.
 */
export function requireMobile(value: string, field: string): string {
  if (!/^\+?\d{10,15}$/.test(value)) throw VendorError.invalidInput(field, `${field} is not a valid mobile number.`);
  return value;
}

/** An instant in the future (e.g. a signing deadline). */
export function optionalFutureDate(value: Date | null | undefined, field: string, now: Date = new Date()): Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (Number.isNaN(value.getTime())) throw VendorError.invalidInput(field, `${field} is not a valid date-time.`);
  if (value.getTime() <= now.getTime()) throw VendorError.invalidInput(field, `${field} must be in the future.`);
  return value;
}

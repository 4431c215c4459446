/**
 * Narrowing helpers for vendor JSON, which is `unknown` until proven otherwise. Each returns `undefined`
 * for a value of the wrong type instead of throwing, so one odd field never fails a whole answer.
 */

export { isJsonObject, type JsonObject } from '../../src/json/json-object';

/** A string, or `undefined` for anything else (numbers are not stringified: ids are strings on this wire). */
export function readString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A finite number; also accepts a decimal string such as `"6"`, which .NET serialisers sometimes emit. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

export function readBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** The elements of an array, or an empty list when `value` is not one. */
export function readArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

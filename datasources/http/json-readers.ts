/**
 * Narrowing readers for vendor JSON, which is `unknown` until proven otherwise. Each returns `undefined`
 * for a value of the wrong type instead of throwing, so one odd field never fails a whole answer; a
 * mapper whose model wants `null` writes `?? null`.
 */

/** `JSON.parse(text)`, or `undefined` when `text` is not JSON (vendor bodies may be proxy pages). */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A vendor body's UTF-8 bytes decoded and parsed (`parseJsonOrUndefined`) in one step: nothing keeps the
 * decoded text once the parse returns (see `RawVendorResponse.body`).
 */
export function parseJsonBytes(bytes: Buffer): unknown {
  return parseJsonOrUndefined(bytes.toString('utf8'));
}

/** Any string, the empty one included (numbers are not stringified: ids are strings on these wires). */
export function readString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A non-empty string: for fields where the vendor sends `""` to mean "none". */
export function readText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A finite number; also a decimal string such as `"6"`, which .NET serialisers (VNPT) sometimes emit. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

/** An integer JSON number that a double holds exactly (a larger one has already lost digits). */
export function readInteger(value: unknown): number | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent: Number.isSafeInteger is false for anything but a number
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

export function readBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** The elements of an array, or an empty list when `value` is not one. */
export function readArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

import type { RawVendorResponse } from './vendor-call';

/** Response headers as the HTTP layer hands them over (node lowercases names; other transports may not). */
export type ResponseHeaders = RawVendorResponse['headers'];

/**
 * The value of header `name`, matched case-insensitively: the first value when the header is repeated,
 * trimmed; `undefined` when the header is absent or blank.
 */
export function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  // Node's own spelling first: one lookup instead of a walk over every header.
  const direct = firstTrimmed(headers[wanted]);
  if (direct) return direct;
  // A walk without Object.entries' array of pairs: absent headers are the common case of this walk.
  for (const key in headers) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: `key === wanted` only skips the value read above
    if (key === wanted || key.toLowerCase() !== wanted) continue;
    const text = firstTrimmed(headers[key]);
    if (text) return text;
  }
  return undefined;
}

function firstTrimmed(value: ResponseHeaders[string]): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim();
}

/** The value of the first of `names` (in that order) that `headerValue` finds. */
export function firstHeaderValue(headers: ResponseHeaders, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headerValue(headers, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * `value` as an Error: itself when it is one, else an Error whose message is its text. For what a
 * `catch` or a rejection hands over (typed `unknown`) where an Error must be kept, e.g. in a loader's
 * failed slot.
 */
export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

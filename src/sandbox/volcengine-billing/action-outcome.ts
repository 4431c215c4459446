import type { VolcErrorInstance } from './vendor-errors';

/** What a simulated action produced: the `Result` object, or the vendor error to answer with. */
export type ActionOutcome =
  { readonly ok: true; readonly result: Record<string, unknown> } | { readonly ok: false; readonly error: VolcErrorInstance };

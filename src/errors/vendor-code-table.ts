import { ErrorCode } from './error-code';

/** How one vendor error code maps into the shared model. */
export interface VendorCodeRule {
  readonly code: ErrorCode;
  /** English message for clients; the vendor's own text is kept apart in `vendorMessage`. */
  readonly message: string;
}

/**
 * A vendor's error table: exact codes first, then the longest matching prefix, then `VENDOR_ERROR`.
 * Tables are data so that every row can be tested on its own (one test per row).
 */
export interface VendorCodeTable {
  readonly exact: Readonly<Record<string, VendorCodeRule>>;
  /** Prefixes such as `InvalidParameter` (matches `InvalidParameter` and `InvalidParameter.X`). */
  readonly prefixes: Readonly<Record<string, VendorCodeRule>>;
}

/** One row of a table: frozen, so a table cannot be changed at run time through a shared rule. */
export function rule(code: ErrorCode, message: string): VendorCodeRule {
  return Object.freeze({ code, message });
}

/**
 * A frozen table whose row objects have no prototype: rows are looked up with vendor-controlled text, and
 * a code such as `constructor` or `toString` must never find an `Object.prototype` member.
 */
export function vendorCodeTable(
  exact: Readonly<Record<string, VendorCodeRule>>,
  prefixes: Readonly<Record<string, VendorCodeRule>> = {},
): VendorCodeTable {
  return Object.freeze({ exact: frozenRows(exact), prefixes: frozenRows(prefixes) });
}

function frozenRows(rows: Readonly<Record<string, VendorCodeRule>>): Readonly<Record<string, VendorCodeRule>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, VendorCodeRule>, rows));
}

/** The rule for a code that neither the exact table nor any prefix knows. */
export const UNKNOWN_VENDOR_CODE_RULE: VendorCodeRule = rule(
  ErrorCode.VENDOR_ERROR,
  'The vendor returned an error this service does not know.',
);

/**
 * Classifies `vendorCode` with `table`. A prefix matches the code itself or the code followed by a `.`
 * segment, so `AuthFailure` matches `AuthFailure.SignatureExpire` but not `AuthFailureX`.
 */
export function classifyVendorCode(table: VendorCodeTable, vendorCode: string): VendorCodeRule {
  // Own rows only: a vendor code such as `constructor` must not find Object.prototype members.
  const exact = Object.hasOwn(table.exact, vendorCode) ? table.exact[vendorCode] : undefined;
  if (exact) return exact;
  let best: { length: number; rule: VendorCodeRule } | undefined;
  for (const [prefix, candidate] of Object.entries(table.prefixes)) {
    const matches = vendorCode === prefix || vendorCode.startsWith(`${prefix}.`);
    if (matches && (!best || prefix.length > best.length)) best = { length: prefix.length, rule: candidate };
  }
  return best?.rule ?? UNKNOWN_VENDOR_CODE_RULE;
}

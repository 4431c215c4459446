/**
 * Demand-control annotations (Federation 2.9 `@cost` / `@listSize`) so a router's cost estimate reflects
 * vendor calls, the scarce resource (Tencent allows 20 requests/s per action). One vendor call weighs
 * `VENDOR_CALL_WEIGHT`; an object or list item keeps the default weight 1. Slicing arguments must be
 * `Int`, so lists taken by ids declare the size a router should assume.
 */
export const VENDOR_CALL_WEIGHT = 10;

/** A field whose resolution costs one vendor call. */
export const VENDOR_CALL_COST = `@cost(weight: ${String(VENDOR_CALL_WEIGHT)})`;

/** A list a router should assume to hold `size` items (e.g. 100 for `flows(ids:)`, the vendor's batch). */
export function assumedListSize(size: number): string {
  return `@listSize(assumedSize: ${String(size)})`;
}

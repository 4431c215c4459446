/** How one vendor is served: the real API, the in-process simulator, or not at all. */
export type VendorMode = 'live' | 'sandbox' | 'off';

/** Short vendor names used by the `VENDORS` variable. */
export type VendorKey = 'ess' | 'vnpt' | 'volc';

export type VendorModes = Readonly<Record<VendorKey, VendorMode>>;

const VENDOR_KEYS: readonly VendorKey[] = ['ess', 'vnpt', 'volc'];
const MODES: readonly VendorMode[] = ['live', 'sandbox', 'off'];

function isVendorKey(value: string): value is VendorKey {
  return (VENDOR_KEYS as readonly string[]).includes(value);
}

function isVendorMode(value: string): value is VendorMode {
  return (MODES as readonly string[]).includes(value);
}

/**
 * Parses `VENDORS`: one mode for all (`sandbox`, `live`, `off`) or a list such as
 * `ess=live,vnpt=off,volc=sandbox`; vendors a list leaves out stay in `sandbox`.
 * Returns the problems found instead of throwing, so config loading can report them all at once.
 */
export function parseVendorModes(raw: string | undefined): { modes: VendorModes; problems: string[] } {
  const value = (raw ?? 'sandbox').trim();
  if (isVendorMode(value)) return { modes: { ess: value, vnpt: value, volc: value }, problems: [] };
  const modes: Record<VendorKey, VendorMode> = { ess: 'sandbox', vnpt: 'sandbox', volc: 'sandbox' };
  const problems: string[] = [];
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  // `VENDORS=,` must not pass silently as "all sandbox": it names no vendor at all.
  if (parts.length === 0) problems.push(`VENDORS: "${value}" names no vendor; use sandbox, live, off or <vendor>=<mode>,…`);
  const seen = new Set<VendorKey>();
  for (const part of parts) {
    const [name = '', mode = '', ...rest] = part.split('=').map((p) => p.trim());
    if (!isVendorKey(name) || !isVendorMode(mode) || rest.length > 0) {
      problems.push(
        `VENDORS: "${part}" is not <vendor>=<mode> with vendor one of ${VENDOR_KEYS.join(', ')} and mode one of ${MODES.join(', ')}`,
      );
      continue;
    }
    // `ess=live,ess=off` is ambiguous; refusing it beats guessing which one the operator meant.
    if (seen.has(name)) problems.push(`VENDORS: "${name}" is given more than once`);
    seen.add(name);
    modes[name] = mode;
  }
  return { modes, problems };
}

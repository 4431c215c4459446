import type { VendorKey } from '../vendors/registry';

/** How one vendor is served: the real API, the in-process simulator, or not at all. */
export type VendorMode = 'live' | 'sandbox' | 'off';

const MODES: readonly VendorMode[] = ['live', 'sandbox', 'off'];

/** The mode of every registered vendor, by its `VENDORS` name. */
export type VendorModes<Key extends string = VendorKey> = Readonly<Record<Key, VendorMode>>;

function isVendorMode(value: string): value is VendorMode {
  return (MODES as readonly string[]).includes(value);
}

/**
 * Parses `VENDORS`: one mode for all (`sandbox`, `live`, `off`) or a list such as
 * `ess=live,vnpt=off,volc=sandbox` over the vendor names `keys`; vendors a list leaves out stay in
 * `sandbox`. Returns the problems found instead of throwing, so config loading can report them all at once.
 */
export function parseVendorModes<const Key extends string>(
  raw: string | undefined,
  keys: readonly Key[],
): { modes: VendorModes<Key>; problems: string[] } {
  const value = (raw ?? 'sandbox').trim();
  // Sound: the entries are exactly `keys`; `Object.fromEntries` cannot carry that key type itself.
  const everyVendor = (mode: VendorMode): Record<Key, VendorMode> =>
    Object.fromEntries(keys.map((key) => [key, mode])) as Record<Key, VendorMode>;
  if (isVendorMode(value)) return { modes: everyVendor(value), problems: [] };
  const modes = everyVendor('sandbox');
  const problems: string[] = [];
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  // `VENDORS=,` must not pass silently as "all sandbox": it names no vendor at all.
  if (parts.length === 0) problems.push(`VENDORS: "${value}" names no vendor; use sandbox, live, off or <vendor>=<mode>,…`);
  const seen = new Set<Key>();
  const isKey = (name: string): name is Key => (keys as readonly string[]).includes(name);
  for (const part of parts) {
    const [name = '', mode = '', ...rest] = part.split('=').map((p) => p.trim());
    if (!isKey(name) || !isVendorMode(mode) || rest.length > 0) {
      problems.push(`VENDORS: "${part}" is not <vendor>=<mode> with vendor one of ${keys.join(', ')} and mode one of ${MODES.join(', ')}`);
      continue;
    }
    // `ess=live,ess=off` is ambiguous; refusing it beats guessing which one the operator meant.
    if (seen.has(name)) problems.push(`VENDORS: "${name}" is given more than once`);
    seen.add(name);
    modes[name] = mode;
  }
  return { modes, problems };
}

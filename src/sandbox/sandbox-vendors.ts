import { randomBytes } from 'node:crypto';
import type { VendorModes } from '../config/vendor-modes';
import type { VendorSettings } from '../config/vendor-settings';
import { TencentEssSimulator } from './tencent-ess/simulator';

/** The running simulators of one process, their settings, and ids worth trying. */
export interface SandboxVendors {
  readonly settings: VendorSettings;
  readonly ess: TencentEssSimulator | undefined;
  /** Lines for the start-up banner: seeded ids a newcomer can query. */
  readonly seededIds: Readonly<Record<string, readonly string[]>>;
  close(): Promise<void>;
}

/** Generated per start: sandbox signing is real, but with secrets that exist only in this process. */
function sandboxSecret(prefix: string): string {
  return `${prefix}${randomBytes(18).toString('base64url')}`;
}

/**
 * Starts an in-process simulator (loopback, ephemeral port) for each vendor in `sandbox` mode. The
 * subgraph reaches them through the same datasource code as the real vendors: real HTTP, real signing.
 */
export async function startSandboxVendors(modes: VendorModes): Promise<SandboxVendors> {
  let ess: TencentEssSimulator | undefined;
  let settings: VendorSettings = {};
  const seededIds: Record<string, readonly string[]> = {};
  if (modes.ess === 'sandbox') {
    const secretId = sandboxSecret('AKIDsandbox');
    const secretKey = sandboxSecret('');
    ess = await TencentEssSimulator.start({ secretId, secretKey });
    settings = { ...settings, ess: { endpoint: ess.url, secretId, secretKey, operatorId: 'sandbox-operator' } };
    seededIds['ESS flows (signed, can be released)'] = ess.seeded.signed;
    seededIds['ESS flows (waiting to sign, can be reminded)'] = ess.seeded.pending;
  }
  const running = ess;
  return {
    settings,
    ess,
    seededIds,
    close: async () => {
      await running?.close();
    },
  };
}

import { randomBytes } from 'node:crypto';
import type { VendorModes } from '../config/vendor-modes';
import type { VendorSettings } from '../config/vendor-settings';
import { TencentEssSimulator } from './tencent-ess/simulator';
import { VnptEcontractSimulator } from './vnpt-econtract/simulator';
import { VolcengineBillingSimulator } from './volcengine-billing/simulator';

/** The running simulators of one process, their settings, and ids worth trying. */
export interface SandboxVendors {
  readonly settings: VendorSettings;
  readonly ess: TencentEssSimulator | undefined;
  readonly vnpt: VnptEcontractSimulator | undefined;
  readonly volc: VolcengineBillingSimulator | undefined;
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
  let vnpt: VnptEcontractSimulator | undefined;
  if (modes.vnpt === 'sandbox') {
    const sandboxUser = { username: 'sandbox-integration', password: sandboxSecret(''), companyId: '164', userId: 6 };
    const colleague = { username: 'sandbox-colleague', password: sandboxSecret(''), companyId: '164', userId: 2341 };
    vnpt = await VnptEcontractSimulator.start({ users: [sandboxUser, colleague] });
    const { username, password, companyId } = sandboxUser;
    settings = { ...settings, vnpt: { endpoint: vnpt.url, username, password, companyId } };
    const { byStatus, ownedByOther } = vnpt.seeded;
    seededIds['VNPT documents (READY, PROCESSING, COMPLETED: can be canceled)'] = [byStatus.READY, byStatus.PROCESSING, byStatus.COMPLETED];
    seededIds['VNPT documents (CANCELED; created by someone else)'] = [byStatus.CANCELED, ownedByOther];
  }
  let volc: VolcengineBillingSimulator | undefined;
  if (modes.volc === 'sandbox') {
    const accessKeyId = sandboxSecret('AKLTsandbox');
    const secretAccessKey = sandboxSecret('');
    const region = 'cn-north-1';
    volc = await VolcengineBillingSimulator.start({ accessKeyId, secretAccessKey, region });
    settings = { ...settings, volc: { endpoint: volc.url, accessKeyId, secretAccessKey, region } };
    seededIds['Volcengine invitations (ids for the Invitation entity; respond with relationId and friends)'] = volc.seededInvitationIds();
  }
  const running = [ess, vnpt, volc];
  return {
    settings,
    ess,
    vnpt,
    volc,
    seededIds,
    close: async () => {
      await Promise.all(running.map((simulator) => simulator?.close()));
    },
  };
}

import DataLoader from 'dataloader';
import { ESS_MAX_FLOW_IDS } from '../../datasources/tencent-ess/client';
import type { FlowRecord } from '../../datasources/tencent-ess/model';
import type { Principal } from '../../src/auth/principal';
import { scopeFailure } from '../../src/auth/require-scope';
import { Scope } from '../../src/auth/scopes';
import { Vendor } from '../../src/errors/vendor';
import { vendorNotConfigured } from '../../src/errors/vendor-not-configured';
import { essOperatorFor, type EssAccess } from './ess-access';

export type FlowLoader = DataLoader<string, FlowRecord | null>;

/**
 * Per-request loader over `DescribeFlowInfo`: one vendor call per 100 distinct ids, duplicates free
 * (the loader's cache), `null` for ids the vendor does not know. A failed call fails only its own
 * batch's keys, each with the call's `VendorError` — never the whole request. Every read path to a flow
 * goes through here, so this is where `flows:read` is enforced.
 */
export function createFlowLoader(ess: EssAccess | undefined, principal: Principal): FlowLoader {
  return new DataLoader<string, FlowRecord | null>(
    async (ids) => {
      const refused = scopeFailure(principal, Scope.FLOWS_READ);
      if (refused) return ids.map(() => refused);
      if (!ess) return ids.map(() => vendorNotConfigured(Vendor.TENCENT_ESS));
      try {
        const flows = await ess.client.describeFlows(essOperatorFor(ess, principal), ids);
        return ids.map((id) => flows.get(id) ?? null);
      } catch (error: unknown) {
        const failure = error instanceof Error ? error : new Error(String(error));
        return ids.map(() => failure);
      }
    },
    { maxBatchSize: ESS_MAX_FLOW_IDS },
  );
}

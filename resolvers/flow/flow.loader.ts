import { ESS_MAX_FLOW_IDS } from '../../datasources/tencent-ess/client';
import type { CallScope } from '../../datasources/http/vendor-call';
import type { FlowRecord } from '../../datasources/tencent-ess/model';
import type { Principal } from '../../src/auth/principal';
import { scopeFailure } from '../../src/auth/require-scope';
import { Scope } from '../../src/auth/scopes';
import { Vendor } from '../../src/errors/vendor';
import { vendorNotConfigured } from '../../src/errors/vendor-not-configured';
import { NO_ENTITY_CACHE, type EntityCache } from '../../src/cache/entity-cache';
import { readThroughCache } from '../shared/cached-read';
import { ListLoader } from '../shared/list-loader';
import { essOperatorFor, type EssAccess } from './ess-access';
import { asError } from '../../src/errors/as-error';

export type FlowLoader = ListLoader<FlowRecord | null>;

/**
 * Per-request loader over `DescribeFlowInfo`: one vendor call per 100 distinct ids, duplicates free
 * (the loader's cache), `null` for ids the vendor does not know; `loadList` reads a whole list with one
 * promise. A failed call fails only its own batch's keys, each with the call's `VendorError` — never the
 * whole request. Every read path to a flow goes through here, so this is where `flows:read` is enforced.
 * With the entity cache on, flows it holds for the caller's ESS operator cost no call.
 */
export function createFlowLoader(
  ess: EssAccess | undefined,
  principal: Principal,
  cache: EntityCache = NO_ENTITY_CACHE,
  scope?: CallScope,
): FlowLoader {
  return new ListLoader<FlowRecord | null>(
    async (ids) => {
      const refused = scopeFailure(principal, Scope.FLOWS_READ);
      if (refused) return ids.map(() => refused);
      if (!ess) return ids.map(() => vendorNotConfigured(Vendor.TENCENT_ESS));
      const operatorId = essOperatorFor(ess, principal);
      return readThroughCache(
        cache,
        'Flow',
        ids,
        async (missing) => {
          try {
            const flows = await ess.client.describeFlows(operatorId, missing, scope);
            return missing.map((id) => flows.get(id) ?? null);
          } catch (error: unknown) {
            const failure = asError(error);
            return missing.map(() => failure);
          }
        },
        operatorId,
      );
    },
    { maxBatchSize: ESS_MAX_FLOW_IDS },
  );
}

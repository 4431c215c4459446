import type { TencentEssClient } from '../../datasources/tencent-ess/client';
import type { Principal } from '../../src/auth/principal';

/** What the flow resolvers get for ESS: the client and the operator to act as when a token names none. */
export interface EssAccess {
  readonly client: TencentEssClient;
  /** `TENCENT_ESS_OPERATOR_ID` (live; required there) or the sandbox's operator. */
  readonly defaultOperatorId: string;
}

/**
 * The ESS `Operator.UserId` for this caller: the verified token's `ess_operator_id` claim, else the
 * configured default. Never taken from GraphQL input (DESIGN.md "Schema contract").
 */
export function essOperatorFor(access: EssAccess, principal: Principal): string {
  const claimed = principal.claims.ess_operator_id;
  return typeof claimed === 'string' && claimed.length > 0 ? claimed : access.defaultOperatorId;
}

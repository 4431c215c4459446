import type { AppConfig } from './config';

/** Everything the ESS datasource needs, whichever mode supplied it. */
export interface EssSettings {
  readonly endpoint: string;
  readonly secretId: string;
  readonly secretKey: string;
  /** Default `Operator.UserId` when the caller's token carries none. */
  readonly operatorId: string;
}

/** Per-vendor settings for vendors that are on; a vendor that is `off` has none. */
export interface VendorSettings {
  readonly ess?: EssSettings;
}

/** Settings of the vendors configured `live` (config validation guarantees their credentials). */
export function liveVendorSettings(config: AppConfig): VendorSettings {
  const { ess } = config;
  return {
    ...(config.vendors.ess === 'live' && ess.secretId && ess.secretKey && ess.operatorId
      ? { ess: { endpoint: ess.endpoint, secretId: ess.secretId, secretKey: ess.secretKey, operatorId: ess.operatorId } }
      : {}),
  };
}

import type { AppConfig } from './config';

/** Everything the ESS datasource needs, whichever mode supplied it. */
export interface EssSettings {
  readonly endpoint: string;
  readonly secretId: string;
  readonly secretKey: string;
  /** Default `Operator.UserId` when the caller's token carries none. */
  readonly operatorId: string;
}

/** VNPT eContract password-login credentials and base URL. */
export interface VnptSettings {
  readonly endpoint: string;
  readonly username: string;
  readonly password: string;
  readonly companyId: string;
}

/** Volcengine OpenAPI credentials, region and base URL. */
export interface VolcSettings {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
}

/** Per-vendor settings for vendors that are on; a vendor that is `off` has none. */
export interface VendorSettings {
  readonly ess?: EssSettings;
  readonly vnpt?: VnptSettings;
  readonly volc?: VolcSettings;
}

/** Settings of the vendors configured `live` (config validation guarantees their credentials). */
export function liveVendorSettings(config: AppConfig): VendorSettings {
  const { ess, vnpt, volc } = config;
  return {
    ...(config.vendors.ess === 'live' && ess.secretId && ess.secretKey && ess.operatorId
      ? { ess: { endpoint: ess.endpoint, secretId: ess.secretId, secretKey: ess.secretKey, operatorId: ess.operatorId } }
      : {}),
    ...(config.vendors.vnpt === 'live' && vnpt.endpoint && vnpt.username && vnpt.password && vnpt.companyId
      ? { vnpt: { endpoint: vnpt.endpoint, username: vnpt.username, password: vnpt.password, companyId: vnpt.companyId } }
      : {}),
    ...(config.vendors.volc === 'live' && volc.accessKeyId && volc.secretAccessKey
      ? { volc: { endpoint: volc.endpoint, accessKeyId: volc.accessKeyId, secretAccessKey: volc.secretAccessKey, region: volc.region } }
      : {}),
  };
}

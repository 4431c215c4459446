import type { Level } from 'pino';

/** A pino level, or `silent` to log nothing. */
export type LogLevel = Level | 'silent';
import { parseVendorModes, type VendorModes } from './vendor-modes';

/** Tencent ESS settings; credentials are present whenever the vendor is `live`. */
export interface EssConfig {
  readonly endpoint: string;
  readonly secretId: string | undefined;
  readonly secretKey: string | undefined;
  readonly operatorId: string | undefined;
}

export interface VnptConfig {
  readonly endpoint: string | undefined;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly companyId: string | undefined;
}

export interface VolcConfig {
  readonly endpoint: string;
  readonly accessKeyId: string | undefined;
  readonly secretAccessKey: string | undefined;
  readonly region: string;
}

/**
 * How callers are authenticated. `none`: every caller acts with every scope (sandbox, or behind a
 * router that authenticates). `jwt`: a bearer JWT verified against a JWKS URL or a shared secret.
 */
export type AuthConfig =
  | { readonly mode: 'none'; readonly allowUnauthenticated: boolean }
  | {
      readonly mode: 'jwt';
      readonly jwksUrl: string | undefined;
      readonly jwtSecret: string | undefined;
      readonly issuer: string;
      readonly audience: string;
    };

/** The whole configuration, parsed once at start (DESIGN.md "Configuration"). */
export interface AppConfig {
  readonly port: number;
  readonly vendors: VendorModes;
  readonly ess: EssConfig;
  readonly vnpt: VnptConfig;
  readonly volc: VolcConfig;
  readonly vendorTimeoutMs: number;
  readonly redisUrl: string | undefined;
  /** Namespace of every Redis key (`REDIS_KEY_PREFIX`), so deployments can share one Redis. */
  readonly redisKeyPrefix: string;
  readonly auth: AuthConfig;
  readonly logLevel: LogLevel;
  /** `NODE_ENV=production`: introspection, Sandbox and field suggestions off unless enabled. */
  readonly production: boolean;
  /** `GRAPHQL_INTROSPECTION=true` turns introspection and the Sandbox landing page on in production. */
  readonly introspection: boolean;
  /**
   * `APOLLO_INLINE_TRACES=true` answers a router's request for federated traces (ftv1) with per-field
   * timings, for GraphOS field usage. Off by default: it costs throughput on every traced request.
   */
  readonly inlineTraces: boolean;
}

/** Start-up stops with this; `problems` name each variable and what is wrong with it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads the environment into an `AppConfig`, or throws a `ConfigError` listing every problem. */
export function loadConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name}: "${raw}" is not a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, fallback?: string): string | undefined => {
    const raw = read(name) ?? fallback;
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
      return raw;
    } catch {
      problems.push(`${name}: "${raw}" is not an http(s) URL`);
      return fallback;
    }
  };
  const bool = (name: string): boolean => {
    const raw = read(name);
    if (raw === undefined) return false;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    problems.push(`${name}: "${raw}" must be true or false`);
    return false;
  };

  const { modes, problems: vendorProblems } = parseVendorModes(read('VENDORS'));
  problems.push(...vendorProblems);

  const essEndpoint = read('TENCENT_ESS_ENDPOINT');
  if (essEndpoint !== undefined && URL.canParse(essEndpoint) && !['', '/'].includes(new URL(essEndpoint).pathname)) {
    // TC3 signs the canonical URI `/`: ESS is always served at the root of its host.
    problems.push(`TENCENT_ESS_ENDPOINT: "${essEndpoint}" must be a base URL without a path`);
  }
  const ess: EssConfig = {
    endpoint: url('TENCENT_ESS_ENDPOINT', 'https://ess.tencentcloudapi.com') ?? 'https://ess.tencentcloudapi.com',
    secretId: read('TENCENT_SECRET_ID'),
    secretKey: read('TENCENT_SECRET_KEY'),
    operatorId: read('TENCENT_ESS_OPERATOR_ID'),
  };
  const vnpt: VnptConfig = {
    endpoint: url('VNPT_ECONTRACT_ENDPOINT'),
    username: read('VNPT_USERNAME'),
    password: read('VNPT_PASSWORD'),
    companyId: read('VNPT_COMPANY_ID'),
  };
  const volc: VolcConfig = {
    endpoint: url('VOLC_BILLING_ENDPOINT', 'https://billing.volcengineapi.com') ?? 'https://billing.volcengineapi.com',
    accessKeyId: read('VOLC_ACCESS_KEY_ID'),
    secretAccessKey: read('VOLC_SECRET_ACCESS_KEY'),
    region: read('VOLC_REGION') ?? 'cn-north-1',
  };

  const requireForLive = (vendor: string, names: readonly string[]): void => {
    const missing = names.filter((name) => read(name) === undefined);
    if (missing.length > 0)
      problems.push(`VENDORS: ${vendor} is live but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set`);
  };
  if (modes.ess === 'live') requireForLive('ess', ['TENCENT_SECRET_ID', 'TENCENT_SECRET_KEY', 'TENCENT_ESS_OPERATOR_ID']);
  if (modes.vnpt === 'live') requireForLive('vnpt', ['VNPT_ECONTRACT_ENDPOINT', 'VNPT_USERNAME', 'VNPT_PASSWORD', 'VNPT_COMPANY_ID']);
  if (modes.volc === 'live') requireForLive('volc', ['VOLC_ACCESS_KEY_ID', 'VOLC_SECRET_ACCESS_KEY']);

  const authMode = read('AUTH_MODE') ?? 'none';
  const allowUnauthenticated = bool('ALLOW_UNAUTHENTICATED');
  if (authMode !== 'none' && authMode !== 'jwt') problems.push(`AUTH_MODE: "${authMode}" is not one of none, jwt`);
  const jwksUrl = url('AUTH_JWKS_URL');
  const jwtSecret = read('AUTH_JWT_SECRET');
  const issuer = read('AUTH_ISSUER');
  const audience = read('AUTH_AUDIENCE');
  if (authMode === 'jwt') {
    if ((jwksUrl === undefined) === (jwtSecret === undefined)) {
      problems.push('AUTH_MODE: jwt needs exactly one of AUTH_JWKS_URL or AUTH_JWT_SECRET');
    }
    // HS256 with a short secret can be brute-forced offline from any token a client holds.
    if (jwtSecret !== undefined && Buffer.byteLength(jwtSecret) < 32) problems.push('AUTH_JWT_SECRET: must be at least 32 bytes');
    if (issuer === undefined) problems.push('AUTH_ISSUER: required when AUTH_MODE is jwt');
    if (audience === undefined) problems.push('AUTH_AUDIENCE: required when AUTH_MODE is jwt');
  }
  const auth: AuthConfig =
    authMode === 'jwt'
      ? { mode: 'jwt', jwksUrl, jwtSecret, issuer: issuer ?? '', audience: audience ?? '' }
      : { mode: 'none', allowUnauthenticated };
  const anyLive = Object.values(modes).includes('live');
  if (authMode === 'none' && anyLive && !allowUnauthenticated) {
    problems.push('AUTH_MODE: "none" is refused while a vendor is live; set ALLOW_UNAUTHENTICATED=true to accept that risk');
  }

  const redisUrl = read('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('REDIS_URL: must start with redis:// or rediss://');
  }

  const logLevelRaw = read('LOG_LEVEL') ?? 'info';
  const logLevel = LOG_LEVELS.find((level) => level === logLevelRaw);
  if (!logLevel) problems.push(`LOG_LEVEL: "${logLevelRaw}" is not one of ${LOG_LEVELS.join(', ')}`);

  const production = read('NODE_ENV') === 'production';
  const config: AppConfig = {
    port: integer('PORT', 4001, 0, 65535),
    vendors: modes,
    ess,
    vnpt,
    volc,
    vendorTimeoutMs: integer('VENDOR_TIMEOUT_MS', 10_000, 50, 60_000),
    redisUrl,
    redisKeyPrefix: read('REDIS_KEY_PREFIX') ?? 'agreements-subgraph:',
    auth,
    logLevel: logLevel ?? 'info',
    production,
    introspection: production ? bool('GRAPHQL_INTROSPECTION') : true,
    inlineTraces: bool('APOLLO_INLINE_TRACES'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

import type { Level } from 'pino';
import { z } from 'zod';
import { readVendorConfigs, VENDOR_KEYS, type VendorConfigs, type VendorKey, type VendorSettings } from '../vendors/registry';
import { REDIS_URL_PATTERN } from '../stores/redis-connection';
import { booleanFlag, cleanEnv, httpUrl, oneOf, parseEnv, wholeNumber } from './env-variables';
import { parseVendorModes, type VendorModes } from './vendor-modes';

/** A pino level, or `silent` to log nothing. */
export type LogLevel = Level | 'silent';

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
  readonly host: string;
  readonly vendors: VendorModes;
  /** Each vendor's own variables as read (its module's config slice). */
  readonly vendorConfigs: VendorConfigs;
  /** Settings of the vendors that are `live` (their credentials are present). */
  readonly liveVendorSettings: VendorSettings;
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
  /** `FEDERATION_AUTH_DIRECTIVES=true`: the SDL declares `@requiresScopes` for routers that enforce it. */
  readonly federationAuthDirectives: boolean;
  /**
   * `CORS_ORIGINS`: browser origins allowed to call `/graphql` (e.g. the hosted Apollo Studio Explorer).
   * Default: `https://studio.apollographql.com` when no vendor is live, none otherwise.
   */
  readonly corsOrigins: readonly string[];
  /**
   * `VENDOR_RATE_LIMITS`: requests per second per vendor action, shared by all replicas. `vendors` holds
   * each vendor's default (`ess=20`), `actions` the per-action entries (`ess.DescribeFlowInfo=50`), which win.
   */
  readonly vendorRateLimits: VendorRateLimits;
  /** `VENDOR_CALLS_PER_OPERATION`: most vendor calls one GraphQL operation may cause. */
  readonly vendorCallsPerOperation: number;
  /** `CALLER_RATE_SHARE`: the largest fraction of one action's rate a single caller (token subject) may use. */
  readonly callerRateShare: number;
  /** `REQUEST_TIMEOUT_MS`: longest one HTTP request to us may take, body upload included. */
  readonly requestTimeoutMs: number;
  /** `SHUTDOWN_DELAY_MS`: after SIGTERM, how long `/ready` answers 503 while the replica keeps serving. */
  readonly shutdownDelayMs: number;
  /**
   * `ENTITY_CACHE_TTL_MS`: how long Flow, Document and Invitation records are served from the entity
   * cache (shared through Redis when `REDIS_URL` is set); 0, the default, turns it off.
   */
  readonly entityCacheTtlMs: number;
}

/** Parsed `VENDOR_RATE_LIMITS`. */
export interface VendorRateLimits {
  readonly vendors: Readonly<Record<VendorKey, number>>;
  /** Keyed `<vendor>.<Action>`, e.g. `ess.DescribeFlowInfo`. */
  readonly actions: Readonly<Record<string, number>>;
}

/** Tencent documents 20 requests/s per action; the same default applies to every vendor. */
const DEFAULT_RATE_PER_SECOND = 20;

/** The requests-per-second limit for `action` of `vendor`: the action's own entry, else the vendor's. */
export function rateLimitFor(limits: VendorRateLimits, vendor: VendorKey, action: string): number {
  return limits.actions[`${vendor}.${action}`] ?? limits.vendors[vendor];
}

/** Start-up stops with this; `problems` name each variable and what is wrong with it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Variables that stand on their own. */
const serverSchema = z.object({
  PORT: wholeNumber(0, 65535).default(4001),
  HOST: z.string().default('0.0.0.0'),
  VENDOR_TIMEOUT_MS: wholeNumber(50, 60_000).default(10_000),
  REDIS_URL: z
    .string()
    .refine((raw) => REDIS_URL_PATTERN.test(raw), {
      error: 'must start with redis://, rediss://, redis-sentinel:// or redis-cluster://',
    })
    .optional(),
  REDIS_KEY_PREFIX: z.string().default('agreements-subgraph:'),
  LOG_LEVEL: oneOf(LOG_LEVELS).default('info'),
  NODE_ENV: z.string().optional(),
  GRAPHQL_INTROSPECTION: booleanFlag().default(false),
  APOLLO_INLINE_TRACES: booleanFlag().default(false),
  FEDERATION_AUTH_DIRECTIVES: booleanFlag().default(false),
  VENDOR_RATE_LIMITS: z.string().optional(),
  VENDOR_CALLS_PER_OPERATION: wholeNumber(1, 10_000).default(20),
  CALLER_RATE_SHARE: z
    .string()
    .refine((raw) => /^(0(\.\d+)?|1(\.0+)?)$/.test(raw) && Number(raw) > 0, {
      error: (issue) => `"${String(issue.input)}" is not a fraction greater than 0 and at most 1 (e.g. 0.5)`,
    })
    .transform(Number)
    .default(0.5),
  REQUEST_TIMEOUT_MS: wholeNumber(1_000, 600_000).default(30_000),
  SHUTDOWN_DELAY_MS: wholeNumber(0, 120_000).default(5_000),
  ENTITY_CACHE_TTL_MS: wholeNumber(0, 86_400_000).default(0),
  CORS_ORIGINS: z
    .string()
    .transform((raw) =>
      raw
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin.length > 0),
    )
    .refine((origins) => origins.every((origin) => URL.canParse(origin) && new URL(origin).origin === origin), {
      error: 'must be a comma-separated list of origins such as https://studio.apollographql.com (scheme, host, port; no path)',
    })
    .optional(),
});

/**
 * The highest `VENDOR_RATE_LIMITS` entry. Every slot taken stays in the limiter's log for its window
 * (1.1 s), in the process or as a member of a Redis sorted set, so the limit bounds that log: 100,000 a
 * second is at most 110,000 entries per action. In the process that is under 2 MB (an array of numbers,
 * compacted once half of it has left the window); in Redis 13 MB (`MEMORY USAGE` of a sorted set of
 * 110,000 members shaped like the limiter's). It is far past any vendor's documented limit (Tencent's
 * 20/s) and past what one replica makes: `npm run bench` needs a limit that never binds, and its bare
 * passthrough reached 21,000 calls/s.
 */
const MAX_RATE_PER_SECOND = 100_000;

/**
 * Parses `VENDOR_RATE_LIMITS` (`ess=20,vnpt=20,volc=20,ess.DescribeFlowInfo=50`); entries left out keep
 * the default. Returns the problems instead of throwing, so they are reported with the others.
 */
function parseVendorRateLimits(raw: string | undefined): { limits: VendorRateLimits; problems: string[] } {
  // Sound: the entries are exactly VENDOR_KEYS; `Object.fromEntries` cannot carry that key type itself.
  const vendors = Object.fromEntries(VENDOR_KEYS.map((key) => [key, DEFAULT_RATE_PER_SECOND])) as Record<VendorKey, number>;
  const actions: Record<string, number> = {};
  const problems: string[] = [];
  const isKey = (name: string): name is VendorKey => (VENDOR_KEYS as readonly string[]).includes(name);
  for (const part of (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)) {
    const match = /^([a-z]+)(?:\.([A-Za-z][\w-]*))?=(\d+)$/.exec(part);
    const [, vendor = '', , rate = ''] = match ?? [];
    // The action group is optional: `.at` says so in its type (an index would claim a string).
    const action = match?.at(2);
    if (!match || !isKey(vendor) || Number(rate) < 1 || Number(rate) > MAX_RATE_PER_SECOND) {
      problems.push(
        `VENDOR_RATE_LIMITS: "${part}" is not <vendor>=<n> or <vendor>.<Action>=<n> with vendor one of ${VENDOR_KEYS.join(', ')} and n from 1 to ${MAX_RATE_PER_SECOND}`,
      );
      continue;
    }
    if (action === undefined) vendors[vendor] = Number(rate);
    else actions[`${vendor}.${action}`] = Number(rate);
  }
  return { limits: { vendors, actions }, problems };
}

/** The hosted Apollo Studio Explorer, allowed by default while no vendor is live (sandbox, demos). */
const STUDIO_ORIGIN = 'https://studio.apollographql.com';

/**
 * The authentication variables, checked together. `anyLive` is whether some vendor is `live`: then
 * `AUTH_MODE=none` needs `ALLOW_UNAUTHENTICATED=true`, an explicit acceptance of the risk.
 */
function authSchema(anyLive: boolean): z.ZodType<AuthConfig> {
  return z
    .object({
      AUTH_MODE: oneOf(['none', 'jwt']).default('none'),
      ALLOW_UNAUTHENTICATED: booleanFlag().default(false),
      AUTH_JWKS_URL: httpUrl().optional(),
      AUTH_JWT_SECRET: z.string().optional(),
      AUTH_ISSUER: z.string().optional(),
      AUTH_AUDIENCE: z.string().optional(),
    })
    .superRefine((env, context) => {
      const problem = (variable: string, message: string): void => {
        context.addIssue({ code: 'custom', path: [variable], message });
      };
      if (env.AUTH_MODE === 'none') {
        if (anyLive && !env.ALLOW_UNAUTHENTICATED) {
          problem('AUTH_MODE', '"none" is refused while a vendor is live; set ALLOW_UNAUTHENTICATED=true to accept that risk');
        }
        return;
      }
      if ((env.AUTH_JWKS_URL === undefined) === (env.AUTH_JWT_SECRET === undefined)) {
        problem('AUTH_MODE', 'jwt needs exactly one of AUTH_JWKS_URL or AUTH_JWT_SECRET');
      }
      // HS256 with a short secret can be brute-forced offline from any token a client holds.
      if (env.AUTH_JWT_SECRET !== undefined && Buffer.byteLength(env.AUTH_JWT_SECRET) < 32) {
        problem('AUTH_JWT_SECRET', 'must be at least 32 bytes');
      }
      if (env.AUTH_ISSUER === undefined) problem('AUTH_ISSUER', 'required when AUTH_MODE is jwt');
      if (env.AUTH_AUDIENCE === undefined) problem('AUTH_AUDIENCE', 'required when AUTH_MODE is jwt');
    })
    .transform((env): AuthConfig =>
      env.AUTH_MODE === 'jwt'
        ? {
            mode: 'jwt',
            jwksUrl: env.AUTH_JWKS_URL,
            jwtSecret: env.AUTH_JWT_SECRET,
            issuer: env.AUTH_ISSUER ?? '',
            audience: env.AUTH_AUDIENCE ?? '',
          }
        : { mode: 'none', allowUnauthenticated: env.ALLOW_UNAUTHENTICATED },
    );
}

/** Reads the environment into an `AppConfig`, or throws a `ConfigError` listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const cleaned = cleanEnv(env);
  const { modes, problems: modeProblems } = parseVendorModes(cleaned.VENDORS, VENDOR_KEYS);
  const server = parseEnv(serverSchema, cleaned);
  const vendors = readVendorConfigs(cleaned, modes);
  const anyLive = Object.values(modes).includes('live');
  const auth = parseEnv(authSchema(anyLive), cleaned);
  const rateLimits = parseVendorRateLimits(cleaned.VENDOR_RATE_LIMITS);
  const problems = [...server.problems, ...modeProblems, ...vendors.problems, ...auth.problems, ...rateLimits.problems];
  if (server.value === undefined || vendors.configs === undefined || auth.value === undefined || problems.length > 0) {
    throw new ConfigError(problems);
  }
  const production = server.value.NODE_ENV === 'production';
  return {
    port: server.value.PORT,
    host: server.value.HOST,
    vendors: modes,
    vendorConfigs: vendors.configs,
    liveVendorSettings: vendors.liveSettings,
    vendorTimeoutMs: server.value.VENDOR_TIMEOUT_MS,
    redisUrl: server.value.REDIS_URL,
    redisKeyPrefix: server.value.REDIS_KEY_PREFIX,
    auth: auth.value,
    logLevel: server.value.LOG_LEVEL,
    production,
    introspection: production ? server.value.GRAPHQL_INTROSPECTION : true,
    inlineTraces: server.value.APOLLO_INLINE_TRACES,
    federationAuthDirectives: server.value.FEDERATION_AUTH_DIRECTIVES,
    corsOrigins: server.value.CORS_ORIGINS ?? (anyLive ? [] : [STUDIO_ORIGIN]),
    vendorRateLimits: rateLimits.limits,
    vendorCallsPerOperation: server.value.VENDOR_CALLS_PER_OPERATION,
    callerRateShare: server.value.CALLER_RATE_SHARE,
    requestTimeoutMs: server.value.REQUEST_TIMEOUT_MS,
    shutdownDelayMs: server.value.SHUTDOWN_DELAY_MS,
    entityCacheTtlMs: server.value.ENTITY_CACHE_TTL_MS,
  };
}

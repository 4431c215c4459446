import '../../resolvers/invitation/invitation-enums';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { VOLC_BILLING_ERROR_TABLE } from '../../datasources/volcengine-billing/error-table';
import { VolcengineBillingClient } from '../../datasources/volcengine-billing/client';
import { InvitationPoller } from '../../datasources/volcengine-billing/invitation-poller';
import { createInvitationLoader, type InvitationLoader } from '../../resolvers/invitation/invitation.loader';
import { invitationReferenceResolver } from '../../resolvers/invitation/invitation.reference';
import { InvitationEventsResolver } from '../../resolvers/invitation/invitation-events.resolver';
import { InvitationResolver } from '../../resolvers/invitation/invitation.resolver';
import { RespondToInvitationResolver } from '../../resolvers/invitation/respond-to-invitation.resolver';
import { httpUrl, wholeNumber } from '../config/env-variables';
import { Vendor } from '../errors/vendor';
import { VolcengineBillingSimulator } from '../sandbox/volcengine-billing/simulator';
import { NO_SEEDED_IDS, type VendorModule } from './vendor-module';

const DEFAULT_ENDPOINT = 'https://billing.volcengineapi.com';
/** Billing is global; the official SDKs sign with this region by default (VENDORS.md). */
const DEFAULT_REGION = 'cn-north-1';
/** `VOLC_POLL_INTERVAL_MS` when unset (DESIGN.md "Configuration"). */
export const DEFAULT_VOLC_POLL_INTERVAL_MS = 60_000;
/** Sandbox mode polls the simulator this often unless `VOLC_POLL_INTERVAL_MS` says otherwise, so answered invitations show up quickly. */
export const SANDBOX_VOLC_POLL_INTERVAL_MS = 3_000;
/** The sandbox's poll interval: `VOLC_POLL_INTERVAL_MS` when set, else `SANDBOX_VOLC_POLL_INTERVAL_MS`. */
export function sandboxPollIntervalMs(config: VolcConfig | undefined): number {
  return config?.pollIntervalMs ?? SANDBOX_VOLC_POLL_INTERVAL_MS;
}
/** Longest accepted interval: a day (a larger value is surely a unit mistake). */
const MAX_VOLC_POLL_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** The Volcengine variables as read, whatever the mode. */
export interface VolcConfig {
  readonly endpoint: string;
  readonly accessKeyId: string | undefined;
  readonly secretAccessKey: string | undefined;
  readonly region: string;
  /** `VOLC_POLL_INTERVAL_MS` as set; `undefined` when unset (live mode then uses the default, sandbox its own). */
  readonly pollIntervalMs: number | undefined;
}

/** Volcengine OpenAPI credentials, region and base URL. */
export interface VolcSettings {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  /** How often one replica polls `ListInvitation` for invitation events; `0` is off. */
  readonly pollIntervalMs: number;
}

const volcConfigSchema = z
  .object({
    VOLC_BILLING_ENDPOINT: httpUrl().default(DEFAULT_ENDPOINT),
    VOLC_ACCESS_KEY_ID: z.string().optional(),
    VOLC_SECRET_ACCESS_KEY: z.string().optional(),
    VOLC_REGION: z.string().default(DEFAULT_REGION),
    VOLC_POLL_INTERVAL_MS: wholeNumber(0, MAX_VOLC_POLL_INTERVAL_MS).optional(),
  })
  .transform((env): VolcConfig => ({
    endpoint: env.VOLC_BILLING_ENDPOINT,
    accessKeyId: env.VOLC_ACCESS_KEY_ID,
    secretAccessKey: env.VOLC_SECRET_ACCESS_KEY,
    region: env.VOLC_REGION,
    pollIntervalMs: env.VOLC_POLL_INTERVAL_MS,
  }));

/** Per-request loaders Volcengine adds to the context. */
export interface VolcLoaders {
  readonly invitation: InvitationLoader;
}

/** Volcengine Billing: finance invitations (list, accept, reject). */
export const volcengineBillingModule: VendorModule<
  'volc',
  VolcConfig,
  VolcSettings,
  VolcengineBillingClient,
  VolcLoaders,
  VolcengineBillingSimulator
> = {
  key: 'volc',
  vendor: Vendor.VOLCENGINE_BILLING,
  errorTable: VOLC_BILLING_ERROR_TABLE,
  config: {
    schema: volcConfigSchema,
    requiredForLive: ['VOLC_ACCESS_KEY_ID', 'VOLC_SECRET_ACCESS_KEY'],
    liveSettings: ({ endpoint, accessKeyId, secretAccessKey, region, pollIntervalMs }) =>
      accessKeyId !== undefined && secretAccessKey !== undefined
        ? { endpoint, accessKeyId, secretAccessKey, region, pollIntervalMs: pollIntervalMs ?? DEFAULT_VOLC_POLL_INTERVAL_MS }
        : undefined,
  },
  /**
   * `config` (the vendor's variables as read) lets a set `VOLC_POLL_INTERVAL_MS` win over the sandbox's
   * short interval; without it the sandbox polls every `SANDBOX_VOLC_POLL_INTERVAL_MS`.
   */
  async startSandbox({ seed }, config?: VolcConfig) {
    const accessKeyId = `AKLTsandbox${randomBytes(18).toString('base64url')}`;
    const secretAccessKey = randomBytes(18).toString('base64url');
    const simulator = await VolcengineBillingSimulator.start({ accessKeyId, secretAccessKey, region: DEFAULT_REGION, seed });
    return {
      settings: {
        endpoint: simulator.url,
        accessKeyId,
        secretAccessKey,
        region: DEFAULT_REGION,
        pollIntervalMs: sandboxPollIntervalMs(config),
      },
      simulator,
      seededIds: seed
        ? {
            'Volcengine invitations (respond with respondToInvitation(input: { invitationId, decision }))': simulator.seededInvitationIds(),
          }
        : NO_SEEDED_IDS,
      close: () => simulator.close(),
    };
  },
  endpointOf: (settings) => settings.endpoint,
  createClient: (settings, { transport }) =>
    new VolcengineBillingClient({
      transport,
      endpoint: settings.endpoint,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      region: settings.region,
    }),
  createLoaders: (client, principal, cache, scope) => ({ invitation: createInvitationLoader(client, principal, cache, scope) }),
  resolvers: [InvitationResolver, RespondToInvitationResolver, InvitationEventsResolver],
  referenceResolvers: invitationReferenceResolver,
  events: {
    poller: (settings, client, { sink, store, logger }) =>
      settings.pollIntervalMs > 0
        ? new InvitationPoller({
            invitations: client,
            sink,
            store,
            logger,
            intervalMs: settings.pollIntervalMs,
            scope: pollScope(settings),
          })
        : undefined,
  },
};

/**
 * The poller's lease and snapshot belong to one Volcengine account at one endpoint: replicas of one
 * deployment share them, another account sharing the Redis does not. Hashed, so no key id shows in the store.
 */
function pollScope(settings: VolcSettings): string {
  return createHash('sha256').update(`${settings.endpoint}\n${settings.accessKeyId}`, 'utf8').digest('hex').slice(0, 32);
}

import '../../resolvers/invitation/invitation-enums';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { VOLC_BILLING_ERROR_TABLE } from '../../datasources/volcengine-billing/error-table';
import { VolcengineBillingClient } from '../../datasources/volcengine-billing/client';
import { createInvitationLoader, type InvitationLoader } from '../../resolvers/invitation/invitation.loader';
import { invitationReferenceResolver } from '../../resolvers/invitation/invitation.reference';
import { InvitationResolver } from '../../resolvers/invitation/invitation.resolver';
import { RespondToInvitationResolver } from '../../resolvers/invitation/respond-to-invitation.resolver';
import { httpUrl } from '../config/env-variables';
import { Vendor } from '../errors/vendor';
import { VolcengineBillingSimulator } from '../sandbox/volcengine-billing/simulator';
import { NO_SEEDED_IDS, type VendorModule } from './vendor-module';

const DEFAULT_ENDPOINT = 'https://billing.volcengineapi.com';
/** Billing is global; the official SDKs sign with this region by default (VENDORS.md). */
const DEFAULT_REGION = 'cn-north-1';

/** The Volcengine variables as read, whatever the mode. */
export interface VolcConfig {
  readonly endpoint: string;
  readonly accessKeyId: string | undefined;
  readonly secretAccessKey: string | undefined;
  readonly region: string;
}

/** Volcengine OpenAPI credentials, region and base URL. */
export interface VolcSettings {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
}

const volcConfigSchema = z
  .object({
    VOLC_BILLING_ENDPOINT: httpUrl().default(DEFAULT_ENDPOINT),
    VOLC_ACCESS_KEY_ID: z.string().optional(),
    VOLC_SECRET_ACCESS_KEY: z.string().optional(),
    VOLC_REGION: z.string().default(DEFAULT_REGION),
  })
  .transform((env): VolcConfig => ({
    endpoint: env.VOLC_BILLING_ENDPOINT,
    accessKeyId: env.VOLC_ACCESS_KEY_ID,
    secretAccessKey: env.VOLC_SECRET_ACCESS_KEY,
    region: env.VOLC_REGION,
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
    liveSettings: ({ endpoint, accessKeyId, secretAccessKey, region }) =>
      accessKeyId !== undefined && secretAccessKey !== undefined ? { endpoint, accessKeyId, secretAccessKey, region } : undefined,
  },
  async startSandbox({ seed }) {
    const accessKeyId = `AKLTsandbox${randomBytes(18).toString('base64url')}`;
    const secretAccessKey = randomBytes(18).toString('base64url');
    const simulator = await VolcengineBillingSimulator.start({ accessKeyId, secretAccessKey, region: DEFAULT_REGION, seed });
    return {
      settings: { endpoint: simulator.url, accessKeyId, secretAccessKey, region: DEFAULT_REGION },
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
  createLoaders: (client, principal, cache) => ({ invitation: createInvitationLoader(client, principal, cache) }),
  resolvers: [InvitationResolver, RespondToInvitationResolver],
  referenceResolvers: invitationReferenceResolver,
};

import '../../resolvers/document/document-enums';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { VNPT_ERROR_TABLE } from '../../datasources/vnpt-econtract/error-table';
import { VnptEcontractClient } from '../../datasources/vnpt-econtract/client';
import { VNPT_WEBHOOK_PATH, VnptWebhookReceiver } from '../../datasources/vnpt-econtract/webhook-receiver';
import { CancelDocumentResolver } from '../../resolvers/document/cancel-document.resolver';
import { createDocumentLoader, type DocumentLoader } from '../../resolvers/document/document.loader';
import { documentReferenceResolver } from '../../resolvers/document/document.reference';
import { DocumentEventsResolver } from '../../resolvers/document/document-events.resolver';
import { DocumentResolver } from '../../resolvers/document/document.resolver';
import { httpUrl } from '../config/env-variables';
import { Vendor } from '../errors/vendor';
import { VnptEcontractSimulator } from '../sandbox/vnpt-econtract/simulator';
import { NO_SEEDED_IDS, type VendorModule } from './vendor-module';

/** The VNPT variables as read, whatever the mode. */
export interface VnptConfig {
  readonly endpoint: string | undefined;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly companyId: string | undefined;
  readonly webhookToken: string | undefined;
}

/** VNPT eContract password-login credentials and base URL. */
export interface VnptSettings {
  readonly endpoint: string;
  readonly username: string;
  readonly password: string;
  readonly companyId: string;
  /** `VNPT_WEBHOOK_TOKEN`: the bearer VNPT's webhook carries; enables `POST /callbacks/vnpt-econtract`. */
  readonly webhookToken?: string;
}

/** A bearer token: printable, no whitespace. The message never quotes the value (it is a secret). */
const webhookToken = z
  .string()
  .refine((raw) => /^[\x21-\x7e]+$/.test(raw), { error: 'must be printable ASCII without spaces (a bearer token)' });

const vnptConfigSchema = z
  .object({
    VNPT_ECONTRACT_ENDPOINT: httpUrl().optional(),
    VNPT_USERNAME: z.string().optional(),
    VNPT_PASSWORD: z.string().optional(),
    VNPT_COMPANY_ID: z.string().optional(),
    VNPT_WEBHOOK_TOKEN: webhookToken.optional(),
  })
  .transform((env): VnptConfig => ({
    endpoint: env.VNPT_ECONTRACT_ENDPOINT,
    username: env.VNPT_USERNAME,
    password: env.VNPT_PASSWORD,
    companyId: env.VNPT_COMPANY_ID,
    webhookToken: env.VNPT_WEBHOOK_TOKEN,
  }));

/** Per-request loaders VNPT adds to the context. */
export interface VnptLoaders {
  readonly document: DocumentLoader;
}

/** The sandbox's VNPT company, and the user the subgraph logs in as (creator of the seeded documents). */
const SANDBOX_COMPANY_ID = '164';
export const SANDBOX_VNPT_USER_ID = 6;
/** A colleague in the same company, creator of the document the subgraph may not cancel. */
const SANDBOX_COLLEAGUE_USER_ID = 2341;

/** VNPT eContract: documents (read, cancel). */
export const vnptEcontractModule: VendorModule<'vnpt', VnptConfig, VnptSettings, VnptEcontractClient, VnptLoaders, VnptEcontractSimulator> =
  {
    key: 'vnpt',
    vendor: Vendor.VNPT_ECONTRACT,
    errorTable: VNPT_ERROR_TABLE,
    config: {
      schema: vnptConfigSchema,
      requiredForLive: ['VNPT_ECONTRACT_ENDPOINT', 'VNPT_USERNAME', 'VNPT_PASSWORD', 'VNPT_COMPANY_ID'],
      liveSettings: ({ endpoint, username, password, companyId, webhookToken }) =>
        endpoint !== undefined && username !== undefined && password !== undefined && companyId !== undefined
          ? { endpoint, username, password, companyId, webhookToken }
          : undefined,
    },
    async startSandbox({ seed, logger }) {
      const user = {
        username: 'sandbox-integration',
        password: randomBytes(18).toString('base64url'),
        companyId: SANDBOX_COMPANY_ID,
        userId: SANDBOX_VNPT_USER_ID,
      };
      const colleague = {
        username: 'sandbox-colleague',
        password: randomBytes(18).toString('base64url'),
        companyId: SANDBOX_COMPANY_ID,
        userId: SANDBOX_COLLEAGUE_USER_ID,
      };
      // The simulator posts its webhook with this bearer, and the subgraph's receiver expects it.
      const webhookToken = randomBytes(24).toString('base64url');
      const simulator = await VnptEcontractSimulator.start({ users: [user, colleague], seed, webhookToken, logger });
      const seeded = seed ? simulator.seeded : undefined;
      return {
        settings: { endpoint: simulator.url, username: user.username, password: user.password, companyId: user.companyId, webhookToken },
        simulator,
        seededIds: seeded
          ? {
              'VNPT documents (READY, PROCESSING, COMPLETED: can be canceled)': [
                seeded.byStatus.READY,
                seeded.byStatus.PROCESSING,
                seeded.byStatus.COMPLETED,
              ],
              'VNPT documents (CANCELED; created by someone else)': [seeded.byStatus.CANCELED, seeded.ownedByOther],
            }
          : NO_SEEDED_IDS,
        deliverEventsTo: (subgraphUrl) => {
          simulator.deliverWebhooksTo(new URL(VNPT_WEBHOOK_PATH, subgraphUrl).toString());
        },
        close: () => simulator.close(),
      };
    },
    endpointOf: (settings) => settings.endpoint,
    createClient: (settings, { transport, store, logger, loginRefusalCooldownMs }) =>
      new VnptEcontractClient({
        transport,
        endpoint: settings.endpoint,
        credentials: { username: settings.username, password: settings.password, companyId: settings.companyId },
        store,
        logger,
        loginRefusalCooldownMs,
      }),
    createLoaders: (client, principal, cache, scope) => ({ document: createDocumentLoader(client, principal, cache, scope) }),
    resolvers: [DocumentResolver, CancelDocumentResolver, DocumentEventsResolver],
    referenceResolvers: documentReferenceResolver,
    events: {
      // No token, no endpoint: an unauthenticated webhook would let anyone make us call VNPT.
      receiver: (settings, client, { logger }) =>
        settings.webhookToken === undefined
          ? undefined
          : new VnptWebhookReceiver({ token: settings.webhookToken, documents: client, logger }),
    },
  };

import '../../resolvers/flow/flow-enums';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CALLBACK_KEY_BYTES } from '../../datasources/tencent-ess/callback-crypto';
import { TencentEssCallbackReceiver, type EssCallbackSettings } from '../../datasources/tencent-ess/callback-receiver';
import { TENCENT_ESS_ERROR_TABLE } from '../../datasources/tencent-ess/error-table';
import { TencentEssClient } from '../../datasources/tencent-ess/client';
import type { EssAccess } from '../../resolvers/flow/ess-access';
import { CreateReleaseFlowResolver } from '../../resolvers/flow/create-release-flow.resolver';
import { createFlowLoader, type FlowLoader } from '../../resolvers/flow/flow.loader';
import { flowReferenceResolver } from '../../resolvers/flow/flow.reference';
import { FlowEventsResolver } from '../../resolvers/flow/flow-events.resolver';
import { FlowResolver } from '../../resolvers/flow/flow.resolver';
import { RemindFlowsResolver } from '../../resolvers/flow/remind-flows.resolver';
import { httpUrl } from '../config/env-variables';
import { Vendor } from '../errors/vendor';
import { TencentEssSimulator } from '../sandbox/tencent-ess/simulator';
import { NO_SEEDED_IDS, type VendorModule } from './vendor-module';

const DEFAULT_ENDPOINT = 'https://ess.tencentcloudapi.com';

/** The ESS variables as read, whatever the mode (credentials only matter when `live`). */
export interface EssConfig {
  readonly endpoint: string;
  readonly secretId: string | undefined;
  readonly secretKey: string | undefined;
  readonly operatorId: string | undefined;
  /** `TENCENT_ESS_CALLBACK_KEY` and `TENCENT_ESS_CALLBACK_TOKEN`; undefined when no key is set. */
  readonly callback: EssCallbackSettings | undefined;
}

/** Everything the ESS client needs, whichever mode supplied it. */
export interface EssSettings {
  readonly endpoint: string;
  readonly secretId: string;
  readonly secretKey: string;
  /** Default `Operator.UserId` when the caller's token carries no `ess_operator_id`. */
  readonly operatorId: string;
  /** Enables `POST /callbacks/tencent-ess` (live: when the key is configured; sandbox: always, with generated secrets). */
  readonly callback?: EssCallbackSettings;
}

const essConfigSchema = z
  .object({
    TENCENT_ESS_ENDPOINT: httpUrl()
      // TC3 signs the canonical URI `/`: ESS is always served at the root of its host.
      .refine((raw) => !URL.canParse(raw) || ['', '/'].includes(new URL(raw).pathname), {
        error: (issue) => `"${String(issue.input)}" must be a base URL without a path`,
      })
      .default(DEFAULT_ENDPOINT),
    TENCENT_SECRET_ID: z.string().optional(),
    TENCENT_SECRET_KEY: z.string().optional(),
    TENCENT_ESS_OPERATOR_ID: z.string().optional(),
    // The CallbackUrlKey is the AES-256 key itself: any other length cannot decrypt a callback. The
    // message gives the length only, never the value (it is a secret).
    TENCENT_ESS_CALLBACK_KEY: z
      .string()
      .refine((raw) => raw.length === CALLBACK_KEY_BYTES && Buffer.byteLength(raw, 'utf8') === CALLBACK_KEY_BYTES, {
        error: (issue) =>
          `must be exactly ${CALLBACK_KEY_BYTES} ASCII characters (the ESS CallbackUrlKey), got ${String(issue.input).length} characters`,
      })
      .optional(),
    TENCENT_ESS_CALLBACK_TOKEN: z.string().optional(),
  })
  // A token alone would enable nothing: say so rather than silently receive no callbacks.
  .refine((env) => env.TENCENT_ESS_CALLBACK_TOKEN === undefined || env.TENCENT_ESS_CALLBACK_KEY !== undefined, {
    path: ['TENCENT_ESS_CALLBACK_TOKEN'],
    error: 'is set but TENCENT_ESS_CALLBACK_KEY is not; callbacks need the key to be decrypted',
  })
  .transform((env): EssConfig => ({
    endpoint: env.TENCENT_ESS_ENDPOINT,
    secretId: env.TENCENT_SECRET_ID,
    secretKey: env.TENCENT_SECRET_KEY,
    operatorId: env.TENCENT_ESS_OPERATOR_ID,
    callback: callbackSettings(env.TENCENT_ESS_CALLBACK_KEY, env.TENCENT_ESS_CALLBACK_TOKEN),
  }));

function callbackSettings(key: string | undefined, token: string | undefined): EssCallbackSettings | undefined {
  if (key === undefined) return undefined;
  return token === undefined ? { key } : { key, token };
}

/** Per-request loaders ESS adds to the context. */
export interface EssLoaders {
  readonly flow: FlowLoader;
}

/** Tencent Cloud E-Sign: sign flows (read, release, remind). */
export const tencentEssModule: VendorModule<'ess', EssConfig, EssSettings, EssAccess, EssLoaders, TencentEssSimulator> = {
  key: 'ess',
  vendor: Vendor.TENCENT_ESS,
  errorTable: TENCENT_ESS_ERROR_TABLE,
  config: {
    schema: essConfigSchema,
    requiredForLive: ['TENCENT_SECRET_ID', 'TENCENT_SECRET_KEY', 'TENCENT_ESS_OPERATOR_ID'],
    liveSettings: ({ endpoint, secretId, secretKey, operatorId, callback }) =>
      secretId !== undefined && secretKey !== undefined && operatorId !== undefined
        ? { endpoint, secretId, secretKey, operatorId, ...(callback && { callback }) }
        : undefined,
  },
  async startSandbox({ seed, logger }) {
    // Sandbox signing is real, with secrets that exist only in this process.
    const secretId = `AKIDsandbox${randomBytes(18).toString('base64url')}`;
    const secretKey = randomBytes(18).toString('base64url');
    // 24 random bytes are 32 base64url characters: exactly a CallbackUrlKey.
    const callback = { key: randomBytes(24).toString('base64url'), token: randomBytes(24).toString('base64url') };
    const simulator = await TencentEssSimulator.start({ secretId, secretKey, seed, callback, logger });
    return {
      settings: { endpoint: simulator.url, secretId, secretKey, operatorId: 'sandbox-operator', callback },
      simulator,
      seededIds: seed
        ? {
            'ESS flows (signed, can be released)': simulator.seeded.signed,
            'ESS flows (waiting to sign, can be reminded)': simulator.seeded.pending,
          }
        : NO_SEEDED_IDS,
      deliverEventsTo: (subgraphUrl) => {
        simulator.deliverEventsTo(subgraphUrl);
      },
      close: () => simulator.close(),
    };
  },
  endpointOf: (settings) => settings.endpoint,
  createClient: (settings, { transport }) => ({
    client: new TencentEssClient({
      transport,
      endpoint: settings.endpoint,
      credentials: { secretId: settings.secretId, secretKey: settings.secretKey },
    }),
    defaultOperatorId: settings.operatorId,
  }),
  createLoaders: (access, principal, cache, scope) => ({ flow: createFlowLoader(access, principal, cache, scope) }),
  resolvers: [FlowResolver, CreateReleaseFlowResolver, RemindFlowsResolver, FlowEventsResolver],
  referenceResolvers: flowReferenceResolver,
  events: {
    receiver: (settings, _access, { logger }) =>
      settings.callback ? new TencentEssCallbackReceiver(settings.callback, { logger }) : undefined,
  },
};

import 'reflect-metadata';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DocumentNode } from 'graphql';
import { Writable } from 'node:stream';
import { AgreementsApp, type ResilienceOverrides } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import type { TencentEssSimulator } from '../../src/sandbox/tencent-ess/simulator';
import type { VnptEcontractSimulator } from '../../src/sandbox/vnpt-econtract/simulator';
import type { VolcengineBillingSimulator } from '../../src/sandbox/volcengine-billing/simulator';
import { settingsOfVendorsOn, startSandboxVendors, type SandboxVendors, type VendorSettings } from '../../src/vendors/registry';
import { postGraphQL, type GraphQLResponse } from './graphql-client';

export const TEST_ESS_SECRET_ID = 'AKIDtestSecretId0000000000000000';
export const TEST_ESS_SECRET_KEY = 'testSecretKey00000000000000000000';
export const TEST_OPERATOR_ID = 'yDxjOUUgydjxxxxxjEWA07rC2xl';
/** The VNPT user the subgraph logs in as (creator of the seeded documents), and a colleague. */
export const TEST_VNPT_USER = { username: 'integration', password: 'integration-password', companyId: '164', userId: 6 } as const;
export const TEST_VNPT_COLLEAGUE = { username: 'colleague', password: 'colleague-password', companyId: '164', userId: 2341 } as const;

export interface TestAppOptions {
  /** Extra environment for `loadConfig` (default: every vendor sandboxed by the harness). */
  readonly env?: Readonly<Record<string, string>>;
  readonly resilience?: ResilienceOverrides;
  readonly operatorId?: string;
  /** Seed the simulators with their default data. Default true. */
  readonly seed?: boolean;
  /** Reuse another test app's simulators (a second replica); they are then not closed by `close()`. */
  readonly shareSimulatorsOf?: TestApp;
  /** Point the simulators' callbacks at this app (as `npm start` does). Default false. */
  readonly deliverEvents?: boolean;
  /**
   * Run the Volcengine invitation poller at the sandbox's interval (as `npm start` does). Default false:
   * its `ListInvitation` calls would show up in tests that count the requests the simulator received.
   */
  readonly pollInvitations?: boolean;
  /** Serve common requests on the direct path (`AppOptions.directExecution`). Default true, as in production. */
  readonly directExecution?: boolean;
}

/** A running subgraph on 127.0.0.1:0 with its vendor simulators, for tests over real HTTP. */
export interface TestApp {
  readonly url: string;
  readonly app: AgreementsApp;
  /** The simulators' start, shared with a second replica through `shareSimulatorsOf`. */
  readonly sandbox: SandboxVendors;
  /** The vendor settings the app runs with (endpoints and the sandbox's generated credentials). */
  readonly settings: VendorSettings;
  readonly ess: TencentEssSimulator;
  readonly vnpt: VnptEcontractSimulator;
  readonly volc: VolcengineBillingSimulator;
  /** Every log line the app wrote, parsed. */
  readonly logs: () => readonly Record<string, unknown>[];
  graphql<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables> | DocumentNode,
    variables?: TVariables,
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

/**
 * Vendor rate limits high enough that no test is limited by accident (the most `VENDOR_RATE_LIMITS`
 * takes); tests of the limiter pass their own `VENDOR_RATE_LIMITS` in `env`.
 */
const TEST_RATE_LIMITS = 'ess=10000,vnpt=10000,volc=10000';

/** Fast, deterministic resilience for tests: quick retries, a breaker that does not trip by accident. */
export const TEST_RESILIENCE: ResilienceOverrides = {
  retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 },
  breaker: { minimumCalls: 1000, halfOpenAfterMs: 1000 },
  // Tests inject refused logins and then expect the next request to log in again.
  loginRefusalCooldownMs: 0,
};

/** A simulator of the sandbox start, which starts every registered vendor's. */
function started<T>(simulator: T | undefined, vendor: string): T {
  if (simulator === undefined) throw new Error(`the sandbox did not start the ${vendor} simulator`);
  return simulator;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const shared = options.shareSimulatorsOf;
  // Every registered vendor's simulator runs, also for vendors a test turns off (they are then unused).
  const sandbox =
    shared?.sandbox ?? (await startSandboxVendors(loadConfig({ VENDORS: 'sandbox' }).vendors, { seed: options.seed ?? true }));
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line.length > 0),
      );
      callback();
    },
  });
  const config = loadConfig({
    VENDORS: 'sandbox',
    LOG_LEVEL: 'debug',
    VENDOR_TIMEOUT_MS: '2000',
    VENDOR_RATE_LIMITS: TEST_RATE_LIMITS,
    ...options.env,
  });
  // Vendors the test turns off get no settings, as in production.
  const on = settingsOfVendorsOn(sandbox.settings, config.vendors);
  const withOperator: VendorSettings =
    on.ess && options.operatorId !== undefined ? { ...on, ess: { ...on.ess, operatorId: options.operatorId } } : on;
  const settings: VendorSettings =
    withOperator.volc && options.pollInvitations !== true
      ? { ...withOperator, volc: { ...withOperator.volc, pollIntervalMs: 0 } }
      : withOperator;
  const app = await AgreementsApp.create({
    config,
    logger: createLogger(config.logLevel, sink),
    vendors: settings,
    resilience: { ...TEST_RESILIENCE, ...options.resilience },
    directExecution: options.directExecution,
  });
  const url = await app.listen(0, '127.0.0.1');
  if (options.deliverEvents === true) sandbox.deliverEventsTo(url);
  return {
    url,
    app,
    sandbox,
    settings,
    ess: started(sandbox.simulators.ess, 'ess'),
    vnpt: started(sandbox.simulators.vnpt, 'vnpt'),
    volc: started(sandbox.simulators.volc, 'volc'),
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    graphql: (document, variables) => postGraphQL(url, document, variables),
    close: async () => {
      await app.close();
      if (!shared) await sandbox.close();
    },
  };
}

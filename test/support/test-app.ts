import 'reflect-metadata';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DocumentNode } from 'graphql';
import { Writable } from 'node:stream';
import { AgreementsApp, type ResilienceOverrides } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { TencentEssSimulator } from '../../src/sandbox/tencent-ess/simulator';
import { postGraphQL, type GraphQLResponse } from './graphql-client';

export const TEST_ESS_SECRET_ID = 'AKIDtestSecretId0000000000000000';
export const TEST_ESS_SECRET_KEY = 'testSecretKey00000000000000000000';
export const TEST_OPERATOR_ID = 'yDxjOUUgydjxxxxxjEWA07rC2xl';

export interface TestAppOptions {
  /** Extra environment for `loadConfig` (defaults: ESS sandboxed by the harness, other vendors off). */
  readonly env?: Readonly<Record<string, string>>;
  readonly resilience?: ResilienceOverrides;
  readonly operatorId?: string;
  /** Seed the simulator with its default flows. Default true. */
  readonly seed?: boolean;
}

/** A running subgraph on 127.0.0.1:0 with its ESS simulator, for tests over real HTTP. */
export interface TestApp {
  readonly url: string;
  readonly app: AgreementsApp;
  readonly ess: TencentEssSimulator;
  /** Every log line the app wrote, parsed. */
  readonly logs: () => ReadonlyArray<Record<string, unknown>>;
  graphql<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables> | DocumentNode,
    variables?: TVariables,
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

/** Fast, deterministic resilience for tests: quick retries, a breaker that does not trip by accident. */
export const TEST_RESILIENCE: ResilienceOverrides = {
  retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 },
  breaker: { consecutiveFailures: 1000, halfOpenAfterMs: 1000 },
  rateLimitPerSecond: 10_000,
};

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ess = await TencentEssSimulator.start({
    secretId: TEST_ESS_SECRET_ID,
    secretKey: TEST_ESS_SECRET_KEY,
    seed: options.seed ?? true,
  });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter((line) => line.length > 0));
      callback();
    },
  });
  const config = loadConfig({ VENDORS: 'ess=sandbox,vnpt=off,volc=off', LOG_LEVEL: 'debug', VENDOR_TIMEOUT_MS: '2000', ...options.env });
  const app = await AgreementsApp.create({
    config,
    logger: createLogger(config.logLevel, sink),
    vendors: {
      ess: {
        endpoint: ess.url,
        secretId: TEST_ESS_SECRET_ID,
        secretKey: TEST_ESS_SECRET_KEY,
        operatorId: options.operatorId ?? TEST_OPERATOR_ID,
      },
    },
    resilience: { ...TEST_RESILIENCE, ...options.resilience },
  });
  const url = await app.listen(0, '127.0.0.1');
  return {
    url,
    app,
    ess,
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    graphql: (document, variables) => postGraphQL(url, document, variables),
    close: async () => {
      await app.close();
      await ess.close();
    },
  };
}

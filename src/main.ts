import 'reflect-metadata';
import { AgreementsApp } from './app';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { createLogger } from './logging/logger';
import { LogOutput, STDOUT_LOG_OUTPUT } from './logging/log-output';
import { startSandboxVendors, VENDOR_KEYS, type SandboxVendors } from './vendors/registry';

function sandboxBanner(sandbox: SandboxVendors, url: string): string {
  const sandboxed = VENDOR_KEYS.filter((key) => sandbox.settings[key] !== undefined);
  const lines = [
    '',
    '==================================================================',
    ` SANDBOX MODE: ${sandboxed.join(', ')} answered by in-process simulators.`,
    ' No real vendor is called; data is simulated and lost on exit.',
    ` Apollo Sandbox: ${url.replace('0.0.0.0', 'localhost').replace('127.0.0.1', 'localhost')}/graphql`,
    '------------------------------------------------------------------',
  ];
  for (const [label, ids] of Object.entries(sandbox.seededIds)) lines.push(` ${label}:`, ...ids.map((id) => `   ${id}`));
  lines.push(
    '------------------------------------------------------------------',
    ' Events: open a second Sandbox tab and run',
    '   subscription { flowEvents { eventId flowId status operation flow { id status } } }',
    ' then remind a waiting flow (remindFlows): its signer signs a few seconds later.',
    ' Likewise documentEvents (cancelDocument) and invitationEvents (respondToInvitation).',
  );
  lines.push('==================================================================', '');
  return lines.join('\n');
}

/** `url` on 127.0.0.1: the in-process simulators reach this replica on loopback whatever `HOST` it listens on. */
function loopbackUrl(url: string): string {
  const loopback = new URL(url);
  loopback.hostname = '127.0.0.1';
  return loopback.origin;
}

/**
 * What the close phase (Apollo, vendor pools, Redis, simulators) may take after the drain before the hard
 * stop exits 1: the hard stop is SHUTDOWN_DELAY_MS + REQUEST_TIMEOUT_MS + this (40 s by default, under
 * the 45 s terminationGracePeriodSeconds in deploy/kubernetes/deployment.yaml).
 */
const CLOSE_BUDGET_MS = 5_000;

/** Starts the subgraph; exits non-zero with a message naming the variable when configuration is wrong. */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Batched synchronous writes to stdout (LogOutput). With pino's default asynchronous ones, a line could
  // reach stdout after lines logged later (a shutdown's `close` after its `exit`, about one shutdown in five under test).
  const output = new LogOutput(STDOUT_LOG_OUTPUT);
  const logger = createLogger(config.logLevel, output);
  const sandbox = await startSandboxVendors(
    config.vendors,
    { seed: true, logger: logger.child({ component: 'sandbox' }) },
    config.vendorConfigs,
  );
  const app = await AgreementsApp.create({
    config,
    logger,
    // A vendor is live or sandboxed, never both: the two sets of settings never overlap.
    vendors: { ...config.liveVendorSettings, ...sandbox.settings },
  });
  const url = await app.listen(config.port, config.host);
  // The simulators post their callbacks to this replica, so events show in Sandbox with no setup.
  sandbox.deliverEventsTo(loopbackUrl(url));
  logger.info({ url, vendors: config.vendors, redis: config.redisUrl !== undefined }, 'agreements-subgraph started');
  const sandboxed = Object.values(config.vendors).includes('sandbox');
  if (sandboxed) logger.warn({ vendors: config.vendors }, 'SANDBOX MODE: vendors are simulated');
  // Whoever waits for the start (a test, an operator's tail) sees it now, not at the next batch; and the
  // banner, written to stdout directly, comes after these lines.
  output.flush();
  if (sandboxed) process.stdout.write(sandboxBanner(sandbox, url));

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'shutdown already under way; signal ignored');
      return;
    }
    stopping = true;
    // Each shutdown phase's line is out before the next step (an orchestrator may kill us at any point).
    output.writeEachLine();
    // SIGTERM comes from an orchestrator whose load balancer needs the 503 window; SIGINT is a terminal.
    const delayMs = signal === 'SIGTERM' ? config.shutdownDelayMs : 0;
    // A request still running REQUEST_TIMEOUT_MS after the listener closed has outlived what a router
    // waits for it (its timeout is at most ours), so cutting its connection loses no answer anyone awaits.
    const drainTimeoutMs = config.requestTimeoutMs;
    const hardStopMs = delayMs + drainTimeoutMs + CLOSE_BUDGET_MS;
    logger.info({ phase: 'signal', signal, delayMs, drainTimeoutMs, hardStopMs }, 'shutting down');
    const hardStop = setTimeout(() => {
      logger.error({ phase: 'hard-stop', hardStopMs }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, hardStopMs);
    hardStop.unref();
    app
      .close({ delayMs, drainTimeoutMs })
      .then(() => sandbox.close())
      .then(() => {
        logger.info({ phase: 'exit' }, 'exiting');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`agreements-subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

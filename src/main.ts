import 'reflect-metadata';
import { AgreementsApp } from './app';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { createLogger } from './logging/logger';
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
  lines.push('==================================================================', '');
  return lines.join('\n');
}

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
  const logger = createLogger(config.logLevel);
  const sandbox = await startSandboxVendors(config.vendors, { seed: true });
  const app = await AgreementsApp.create({
    config,
    logger,
    // A vendor is live or sandboxed, never both: the two sets of settings never overlap.
    vendors: { ...config.liveVendorSettings, ...sandbox.settings },
  });
  const url = await app.listen(config.port, config.host);
  logger.info({ url, vendors: config.vendors, redis: config.redisUrl !== undefined }, 'agreements-subgraph started');
  if (Object.values(config.vendors).includes('sandbox')) {
    logger.warn({ vendors: config.vendors }, 'SANDBOX MODE: vendors are simulated');
    process.stdout.write(sandboxBanner(sandbox, url));
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining in-flight requests');
    const hardStop = setTimeout(() => {
      logger.error('shutdown took longer than 25 s; exiting');
      process.exit(1);
    }, 25_000);
    hardStop.unref();
    app
      .close()
      .then(() => sandbox.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`agreements-subgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

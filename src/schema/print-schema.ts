import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { printAgreementsSchema } from '../graphql/print-schema';

/**
 * `npm run schema:print`: writes the subgraph SDL to `schema/schema.graphql` (the default, which Apollo
 * Gateway loads) and `schema/schema.auth-directives.graphql` (the `FEDERATION_AUTH_DIRECTIVES=true`
 * variant with `@requiresScopes`, for Apollo Router and Hive Gateway) at the project root.
 */
async function main(): Promise<void> {
  const folder = join(__dirname, '..', '..', '..', 'schema');
  const variants: readonly [string, boolean][] = [
    ['schema.graphql', false],
    ['schema.auth-directives.graphql', true],
  ];
  for (const [file, federationAuthDirectives] of variants) {
    const target = join(folder, file);
    await writeFile(target, await printAgreementsSchema({ federationAuthDirectives }), 'utf8');
    process.stdout.write(`wrote ${target}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { printAgreementsSchema } from '../graphql/print-schema';

/** `npm run schema:print`: writes the subgraph SDL to `schema/schema.graphql` at the project root. */
async function main(): Promise<void> {
  const target = join(__dirname, '..', '..', '..', 'schema', 'schema.graphql');
  await writeFile(target, await printAgreementsSchema(), 'utf8');
  process.stdout.write(`wrote ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

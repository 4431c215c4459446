import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderErrorCodeTable } from './error-code-table';

/** The README lines between which `npm run docs:error-codes` writes the table; nothing else is touched. */
const ERROR_CODES_START = '<!-- error-codes:start -->';
const ERROR_CODES_END = '<!-- error-codes:end -->';

/** Where the generated block starts and ends in `readme`; throws unless each marker is there exactly once. */
function markerBounds(readme: string): { readonly from: number; readonly to: number } {
  for (const marker of [ERROR_CODES_START, ERROR_CODES_END]) {
    const count = readme.split(marker).length - 1;
    if (count !== 1) throw new Error(`README.md must contain ${marker} exactly once (found ${count})`);
  }
  const from = readme.indexOf(ERROR_CODES_START) + ERROR_CODES_START.length;
  const to = readme.indexOf(ERROR_CODES_END);
  if (to < from) throw new Error(`README.md: ${ERROR_CODES_END} comes before ${ERROR_CODES_START}`);
  return { from, to };
}

/** The generated block currently in `readme` (what lies between the markers, without the blank lines around it). */
export function errorCodeTableIn(readme: string): string {
  const { from, to } = markerBounds(readme);
  return `${readme.slice(from, to).trim()}\n`;
}

/** `readme` with `table` between the markers, set off by blank lines. */
export function withErrorCodeTable(readme: string, table: string): string {
  const { from, to } = markerBounds(readme);
  return `${readme.slice(0, from)}\n\n${table.trim()}\n\n${readme.slice(to)}`;
}

/** `npm run docs:error-codes`: rewrites the README's `ErrorCode` table, between its markers, from the code. */
async function main(): Promise<void> {
  const readmePath = join(__dirname, '..', '..', '..', 'README.md');
  const readme = await readFile(readmePath, 'utf8');
  const updated = withErrorCodeTable(readme, renderErrorCodeTable());
  if (updated === readme) {
    process.stdout.write(`${readmePath}: the ErrorCode table is up to date\n`);
    return;
  }
  await writeFile(readmePath, updated, 'utf8');
  process.stdout.write(`wrote the ErrorCode table into ${readmePath}\n`);
}

// Run as a script only; the README test imports the functions above.
if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}

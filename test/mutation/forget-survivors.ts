import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isJsonObject } from '../../src/json/json-object';

/**
 * `npm run test:mutation:survivors`: drops every mutant that survived or had no coverage from Stryker's
 * committed incremental file, then runs Stryker, which tests those mutants afresh.
 *
 * Why: an incremental run keeps a survivor's status when the mutant and the tests that covered it are
 * unchanged, even after a new test that kills it was added. Seen on 2026-12-06 with the module-level
 * patterns of the VNPT error table (static mutants): five new message cases, each failing with its mutant
 * applied by hand, and the incremental run still reported the five as survived. An incremental file
 * merged from another tree can also carry stale survivors (the ESS callback's base64 check was listed as
 * survived although its test killed it). Killed, timed-out and ignored results are kept.
 */

const INCREMENTAL_FILE = join(__dirname, 'stryker-incremental.json');
const UNDETECTED: ReadonlySet<string> = new Set(['Survived', 'NoCoverage']);

/** `report` without its undetected mutants, and how many were dropped; every other field is kept as it was. */
export function forgetSurvivors(report: unknown): { readonly report: unknown; readonly forgotten: number } {
  if (!isJsonObject(report) || !isJsonObject(report.files)) throw new Error('not a Stryker incremental report: no files');
  let forgotten = 0;
  const files: Record<string, unknown> = {};
  for (const [path, file] of Object.entries(report.files)) {
    if (!isJsonObject(file) || !Array.isArray(file.mutants)) throw new Error(`not a Stryker incremental report: ${path} has no mutants`);
    const kept = file.mutants.filter(
      (mutant) => !(isJsonObject(mutant) && typeof mutant.status === 'string' && UNDETECTED.has(mutant.status)),
    );
    forgotten += file.mutants.length - kept.length;
    files[path] = { ...file, mutants: kept };
  }
  return { report: { ...report, files }, forgotten };
}

function main(): void {
  const { report, forgotten } = forgetSurvivors(JSON.parse(readFileSync(INCREMENTAL_FILE, 'utf8')));
  writeFileSync(INCREMENTAL_FILE, JSON.stringify(report));
  process.stdout.write(`forgot ${String(forgotten)} surviving or uncovered mutants; Stryker tests them again\n`);
}

if (require.main === module) main();

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './processes';

/** A git ref checked out and compiled beside this checkout, for `npm run bench:pair` to measure against. */
export interface BaseBuild {
  /** The worktree's root: its `dist/` holds the compiled base. */
  readonly root: string;
  /** The commit the ref named. */
  readonly commit: string;
  /** Whether the base's `package-lock.json` or `patches/` differ from this checkout's (it runs on this one's `node_modules`). */
  readonly dependenciesDiffer: boolean;
  /** Removes the worktree and its directory. */
  remove(): void;
}

function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${String(result.status)}): ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * Checks `ref` out in a temporary git worktree that shares this checkout's `node_modules`, and compiles it as
 * `npm run build` does. The caller removes it (`remove`) whatever happens next.
 */
export function prepareBaseBuild(ref: string): BaseBuild {
  const commit = run('git', ['rev-parse', '--verify', `${ref}^{commit}`], ROOT);
  const parent = mkdtempSync(join(tmpdir(), 'bench-pair-'));
  const root = join(parent, 'base');
  run('git', ['worktree', 'add', '--detach', root, commit], ROOT);
  const remove = (): void => {
    spawnSync('git', ['worktree', 'remove', '--force', root], { cwd: ROOT });
    rmSync(parent, { recursive: true, force: true });
  };
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], root);
    const dependenciesDiffer =
      spawnSync('git', ['diff', '--quiet', commit, '--', 'package-lock.json', 'patches'], { cwd: ROOT }).status !== 0;
    return { root, commit, dependenciesDiffer, remove };
  } catch (error: unknown) {
    remove();
    throw error;
  }
}

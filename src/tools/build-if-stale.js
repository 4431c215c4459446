// `npm start`'s prestart: compiles to dist/ only when a source is newer than the last successful build,
// so a start with nothing changed costs a directory scan (milliseconds) instead of a full `tsc` (6-9 s).
// Plain CommonJS because it runs before anything is compiled. A change is any file or folder under the
// compiled roots (a deleted file changes its folder's mtime) or a compiler or package file; the stamp
// is written only after tsc succeeded, so a failed build is retried on the next start.
const { spawnSync } = require('node:child_process');
const { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const stamp = join(root, 'dist', '.build-stamp');
const roots = ['src', 'resolvers', 'datasources', 'bench'];
const files = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

function newest(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function builtAt() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

const sourcesAt = Math.max(...roots.map((dir) => newest(join(root, dir))), ...files.map((file) => newest(join(root, file))));
if (sourcesAt < builtAt()) process.exit(0);

const tsc = require.resolve('typescript/bin/tsc');
const startedAt = Date.now();
const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
mkdirSync(join(root, 'dist'), { recursive: true });
// The stamp carries the start of the build: a source saved while tsc ran is newer, so it triggers the next one.
const at = new Date(startedAt);
writeFileSync(stamp, `${at.toISOString()}\n`);
utimesSync(stamp, at, at);

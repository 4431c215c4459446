import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DESIGN_DEFAULTS, ROOT, readText } from './deploy-files';

/** Static checks of the Dockerfile as text (there is no Docker engine in CI; nothing is built here). */

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

interface Stage {
  readonly from: string;
  readonly name: string | undefined;
  readonly instructions: readonly Instruction[];
}

/** `npm start`'s command line, from package.json. */
function npmStartCommand(): string {
  return (JSON.parse(readText('package.json')) as { scripts: { start: string } }).scripts.start;
}

/** Instructions with line continuations joined and comment lines dropped, as Docker reads them. */
function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || (trimmed === '' && pending === '')) continue;
    const continued = trimmed.endsWith('\\');
    pending += `${continued ? trimmed.slice(0, -1) : trimmed} `;
    if (continued) continue;
    const [keyword = '', ...rest] = pending.trim().split(/\s+/);
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' ') });
    pending = '';
  }
  return instructions;
}

function stagesOf(instructions: readonly Instruction[]): Stage[] {
  const stages: { from: string; name: string | undefined; instructions: Instruction[] }[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const parts = instruction.args.split(' ');
      stages.push({ from: parts[0] ?? '', name: parts.at(1)?.toUpperCase() === 'AS' ? parts.at(2) : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

function argsOf(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);
}

/** The sources of a COPY (its arguments without flags and without the destination). */
function copySources(args: string): string[] {
  return args
    .split(' ')
    .filter((part) => !part.startsWith('--'))
    .slice(0, -1);
}

/** An exec-form JSON array (`["node", "x"]`), or undefined for the shell form. */
function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(args);
  return Array.isArray(parsed) && parsed.every((part) => typeof part === 'string') ? parsed : undefined;
}

const dockerfile = readText('Dockerfile');
const stages = stagesOf(parseDockerfile(dockerfile));
const build = stages.at(0);
const runtime = stages.at(-1);
if (build === undefined || runtime === undefined) throw new Error('Dockerfile has no FROM');

describe('Dockerfile', () => {
  it('is multi-stage, every stage on a pinned Node 20 image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      // node:20.<minor>[.<patch>]-<debian release>[-slim][@sha256:…]: never `latest`, never a bare major.
      expect(stage.from).toMatch(/^node:20\.\d+(\.\d+)?-[a-z]+(-slim)?(@sha256:[0-9a-f]{64})?$/);
    }
  });

  it('builds with every dependency: npm ci, then npm run build', () => {
    const runs = argsOf(build, 'RUN').join('\n');
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).toContain('npm run build');
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm run build'));
  });

  it('copies into the build stage everything tsconfig.build.json compiles, from paths that exist', () => {
    const copied = argsOf(build, 'COPY').flatMap(copySources);
    const tsconfigBuild = JSON.parse(readText('tsconfig.build.json')) as { include: string[] };
    for (const folder of tsconfigBuild.include) expect(copied).toContain(folder);
    for (const source of copied) expect(existsSync(join(ROOT, source))).toBe(true);
  });

  it('installs with the patches in place, then keeps production dependencies only', () => {
    const copied = argsOf(build, 'COPY').flatMap(copySources);
    expect(copied).toContain('patches');
    const runs = argsOf(build, 'RUN').join('\n');
    expect(runs).toContain('npm prune --omit=dev');
    expect(runs.indexOf('npm run build')).toBeLessThan(runs.indexOf('npm prune --omit=dev'));
    // The postinstall that applies them is what package.json says.
    const manifest = JSON.parse(readText('package.json')) as { scripts?: Record<string, string> };
    expect(manifest.scripts?.postinstall).toBe('patch-package');
  });

  it("runs with the build stage's production dependencies and the compiled dist/ only", () => {
    const copies = argsOf(runtime, 'COPY');
    expect(copies.some((args) => args.split(' ').includes('package-lock.json'))).toBe(true);
    const fromBuild = copies.filter((args) => args.startsWith('--from='));
    const stage = `(${build.name ?? '0'}|0)`;
    expect(fromBuild).toHaveLength(2);
    expect(fromBuild.some((args) => new RegExp(`^--from=${stage} \\S*/node_modules \\S*node_modules$`).test(args))).toBe(true);
    expect(fromBuild.some((args) => new RegExp(`^--from=${stage} \\S*dist\\S* `).test(args))).toBe(true);
  });

  it('runs as a non-root user', () => {
    const users = argsOf(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)?.split(':')[0];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('sets NODE_ENV=production and exposes PORT (default 4001)', () => {
    expect(argsOf(runtime, 'ENV').join(' ')).toMatch(/\bNODE_ENV=production\b/);
    expect(argsOf(runtime, 'EXPOSE')).toContain(String(DESIGN_DEFAULTS.PORT));
  });

  it('checks its health with GET /health through node itself (slim images have no curl)', () => {
    const healthcheck = argsOf(runtime, 'HEALTHCHECK').at(0);
    expect(healthcheck).toBeDefined();
    const command = execForm((healthcheck ?? '').replace(/^(--\S+\s+)*CMD\s+/, ''));
    expect(command?.[0]).toBe('node');
    expect(command?.join(' ')).toContain('/health');
    expect(healthcheck).not.toMatch(/\b(curl|wget)\b/);
  });

  it('starts what `npm start` starts, as PID 1 in exec form, and stops on SIGTERM', () => {
    const start = npmStartCommand();
    const cmds = argsOf(runtime, 'CMD');
    expect(cmds).toHaveLength(1);
    expect(execForm(cmds[0] ?? '')).toEqual(start.split(' '));
    // The compiled entry point, with the heap sizing measured in docs/performance.md ("Memory").
    expect(execForm(cmds[0] ?? '')).toEqual([
      'node',
      '--max-semi-space-size=16',
      '--heap-growing-percent=50',
      '--no-allocation-site-pretenuring',
      'dist/src/main.js',
    ]);
    expect(argsOf(runtime, 'STOPSIGNAL')).toEqual(['SIGTERM']);
  });

  it('passes node only options this Node accepts (a V8 flag a newer Node dropped would stop every start)', () => {
    const start = npmStartCommand();
    const options = start.split(' ').slice(1, -1);
    const accepted = spawnSync(process.execPath, [...options, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(accepted.stderr).toBe('');
    expect(accepted.status).toBe(0);
    // The same check refuses an option node does not know.
    const refused = spawnSync(process.execPath, [...options, '--heap-growing-percentage=50', '-e', 'process.exit(0)'], {
      encoding: 'utf8',
    });
    expect(refused.status).not.toBe(0);
  });
});

describe('.dockerignore', () => {
  const ignored = readText('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  it('keeps local installs, builds, VCS data and reports out of the build context', () => {
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git', 'coverage', 'reports']));
  });

  it('does not exclude anything the Dockerfile copies', () => {
    const copied = stages.flatMap((stage) =>
      argsOf(stage, 'COPY')
        .filter((args) => !args.startsWith('--from='))
        .flatMap(copySources),
    );
    for (const source of copied) expect(ignored).not.toContain(source);
  });
});

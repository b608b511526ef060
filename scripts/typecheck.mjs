// Type-checks every workspace with its own tsconfig (server and web need different libs).
import { spawnSync } from 'node:child_process';
import { ensureModernNode } from './node24.mjs';

ensureModernNode();
const projects = ['packages/core', 'packages/contracts', 'apps/emulator', 'apps/server', 'apps/web', 'bench', 'tests'];
let failed = false;
for (const project of projects) {
  const result = spawnSync('tsc', ['-p', project, '--noEmit'], { stdio: 'inherit', shell: false });
  if (result.status !== 0) {
    console.error(`typecheck failed in ${project}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

// `npm start`: everything a fresh machine needs, then the server on http://localhost:8000.
// Defaults are embedded: SQLite in ./data, in-memory cache, Enedis/RTE emulator on loopback.
import { spawn } from 'node:child_process';
import { ensureModernNode } from './node24.mjs';
import { ensureDependencies, ensureWebBuild, root } from './prepare.mjs';

ensureModernNode();
ensureDependencies();
ensureWebBuild();

const server = spawn(process.execPath, ['apps/server/src/main.ts'], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

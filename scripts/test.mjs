// `npm test`: installs what is missing, then runs every unit and integration suite with TZ=UTC.
// `npm run test:e2e`: builds the web app and runs the browser tests in Debian's Chromium.
// PostgreSQL and Valkey suites run too when TEST_DATABASE_URL / TEST_REDIS_URL are set (CI sets them).
import { ensureModernNode } from './node24.mjs';
import { ensureDependencies, ensureWebBuild, run } from './prepare.mjs';

ensureModernNode();
ensureDependencies();

const e2e = process.argv.includes('--e2e');
const passThrough = process.argv.slice(2).filter((arg) => arg !== '--e2e');
const env = { ...process.env, TZ: 'UTC', NODE_ENV: 'test' };

if (e2e) {
  ensureWebBuild();
  run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...passThrough], { env });
} else {
  run('npx', ['vitest', 'run', ...passThrough], { env });
}

// `npm run test:image`: builds the image (scripts/image-build.mjs), then runs it in both modes and checks
// what a self-hoster relies on:
//  - gateway (SERVER_MODE=true, production, SQLite + in-memory cache, the production refusals satisfied
//    through SECRET_KEY, ALLOW_EMULATOR_IN_PRODUCTION and ALLOW_FILE_OUTBOX_IN_PRODUCTION): /ready answers
//    200, the web app is served, the image's HEALTHCHECK passes, the process runs as uid 10001;
//  - local client (SERVER_MODE=false, HOST=0.0.0.0 with LOCAL_PASSWORD) synced from that gateway with a real
//    account signed up on it: /ready answers 200, the gateway link is `connected`, non-root too.
//  - with TEST_DATABASE_URL and TEST_REDIS_URL (as CI sets them), the gateway again on a fresh PostgreSQL
//    database and that Valkey. Every container runs read-only but for its data volume and /tmp.
// Containers share the host's network (ports picked free), so the client reaches the gateway on loopback.
// When no container can run here (no engine, no base image, the engine refuses to run one), it prints
// "skipped: <reason>" and exits 0 (CI stays readable); a failing build or check exits 1.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { buildImage, engineCommand, engineOf, ensureLocalBaseImage, podmanLimitArgs, sh } from './image-build.mjs';

const READY_TIMEOUT_MS = 120_000;

function skip(reason) {
  console.log(`[image-test] skipped: ${reason}`);
  process.exit(0);
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `check` until it returns a value or the timeout passes; returns the value and the time taken. */
async function waitFor(what, check, timeoutMs = READY_TIMEOUT_MS) {
  const started = performance.now();
  let last;
  while (performance.now() - started < timeoutMs) {
    try {
      const value = await check();
      if (value !== undefined) {
        return { value, seconds: (performance.now() - started) / 1000 };
      }
    } catch (error) {
      last = error;
    }
    await sleep(500);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s${last ? ` (${last.message})` : ''}`);
}

const engine = (() => {
  try {
    return engineOf(process.env.MED_IMAGE_ENGINE);
  } catch (error) {
    return skip(error.message);
  }
})();
const command = engineCommand(engine);
const run = (args, options) => sh(command[0], [...command.slice(1), ...args], options);
const runArgs = engine === 'podman' ? ['--network', 'host', ...podmanLimitArgs()] : ['--network', 'host'];

// Can a container run at all here? Asked on the base image (made first when it is the local one): what
// depends on this machine is skipped with its reason; a build that fails afterwards is a real failure.
const baseImage = (() => {
  try {
    return process.env.MED_IMAGE_BASE ?? ensureLocalBaseImage(engine);
  } catch (error) {
    return skip(`no base image: ${error.message.split('\n')[0]}`);
  }
})();
const probe = run(['run', '--rm', ...runArgs, '--entrypoint', 'true', baseImage], {
  quiet: true,
  allowFailure: true,
});
if (probe.status !== 0) {
  skip(`${engine} cannot run containers here: ${probe.stderr.split('\n').at(-1)}`);
}

const { tag, buildSeconds, size } = buildImage({ engine, base: baseImage });

const suffix = `${process.pid}`;
const containers = [];
const volumes = [];
/** Run after the containers are removed (e.g. dropping the test database). */
const cleanups = [];

function start(name, env) {
  const volume = `${name}-data`;
  volumes.push(volume);
  containers.push(name);
  const envArgs = Object.entries(env).flatMap(([key, value]) => ['--env', `${key}=${value}`]);
  run(
    [
      'run',
      '--detach',
      '--name',
      name,
      ...runArgs,
      // As Compose and the Helm chart run it: nothing writable but the data volume and /tmp.
      '--read-only',
      '--tmpfs',
      '/tmp',
      '--volume',
      `${volume}:/var/lib/myelectricaldata`,
      ...envArgs,
      tag,
    ],
    {
      quiet: true,
    },
  );
}

/** uid of the container's main process, from /proc/1/status (no ps in the image). */
function processUid(name) {
  const status = run(['exec', name, 'cat', '/proc/1/status'], { quiet: true }).stdout;
  return Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
}

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function ready(port) {
  const response = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(3000) });
  return response.status === 200 ? true : undefined;
}

const results = [];
let failed = false;
try {
  // --- Gateway ---
  const serverPort = await freePort();
  const server = `med-image-test-server-${suffix}`;
  start(server, {
    PORT: serverPort,
    SECRET_KEY: randomBytes(36).toString('base64'),
    ALLOW_EMULATOR_IN_PRODUCTION: 'true',
    ALLOW_FILE_OUTBOX_IN_PRODUCTION: 'true',
  });
  const serverReady = await waitFor('gateway /ready 200', () => ready(serverPort));
  const home = await fetch(`http://127.0.0.1:${serverPort}/`);
  const html = await home.text();
  assert(home.status === 200 && /<div id="root">/.test(html), `web app not served at / (${home.status})`);
  const serverUid = processUid(server);
  assert(serverUid !== 0, 'the gateway runs as root');
  if (engine === 'podman') {
    const health = run(['healthcheck', 'run', server], { quiet: true, allowFailure: true });
    assert(health.status === 0, `the image's HEALTHCHECK fails: ${health.stdout} ${health.stderr}`);
  }
  results.push(`gateway: /ready 200 after ${serverReady.seconds.toFixed(1)} s, web app served, uid ${serverUid}`);

  // --- The gateway as Compose and Helm wire it: PostgreSQL + Valkey (when the test servers are given) ---
  if (process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL) {
    const database = `med_image_test_${suffix}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    });
    const databaseUrl = new URL(process.env.TEST_DATABASE_URL);
    databaseUrl.pathname = `/${database}`;
    const sharedPort = await freePort();
    const shared = `med-image-test-server-pg-${suffix}`;
    start(shared, {
      PORT: sharedPort,
      SECRET_KEY: randomBytes(36).toString('base64'),
      ALLOW_EMULATOR_IN_PRODUCTION: 'true',
      ALLOW_FILE_OUTBOX_IN_PRODUCTION: 'true',
      DATABASE_URL: databaseUrl.href,
      REDIS_URL: process.env.TEST_REDIS_URL,
      // No scheduled jobs: the test Valkey is shared with the suites' prefixed keys, and jobs are not the point.
      JOBS_ENABLED: 'false',
    });
    const sharedReady = await waitFor('gateway on PostgreSQL + Valkey /ready 200', () => ready(sharedPort));
    const logs = run(['logs', shared], { quiet: true });
    assert(
      /database: postgres, cache: valkey/.test(`${logs.stdout}${logs.stderr}`),
      'the gateway did not start on PostgreSQL + Valkey',
    );
    results.push(`gateway on PostgreSQL + Valkey: /ready 200 after ${sharedReady.seconds.toFixed(1)} s`);
  } else {
    results.push('gateway on PostgreSQL + Valkey: skipped (TEST_DATABASE_URL and TEST_REDIS_URL not set)');
  }

  // --- An account on it, for the client ---
  const signup = await fetch(`http://127.0.0.1:${serverPort}/api/accounts/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `image-test-${suffix}@example.com`, password: 'Image-test-2026-pass!' }),
  });
  const account = (await signup.json()).data;
  assert(signup.status === 201 && account?.client_id, `sign-up refused: ${signup.status}`);

  // --- Local client of that gateway ---
  const clientPort = await freePort();
  const client = `med-image-test-client-${suffix}`;
  const localPassword = randomBytes(12).toString('hex');
  start(client, {
    SERVER_MODE: 'false',
    HOST: '0.0.0.0',
    PORT: clientPort,
    LOCAL_PASSWORD: localPassword,
    MED_API_URL: `http://127.0.0.1:${serverPort}/api`,
    MED_CLIENT_ID: account.client_id,
    MED_CLIENT_SECRET: account.client_secret,
  });
  const clientReady = await waitFor('client /ready 200', () => ready(clientPort));
  const link = await waitFor('client connected to the gateway', async () => {
    const response = await fetch(`http://127.0.0.1:${clientPort}/api/client/status`, {
      headers: { authorization: `Bearer ${localPassword}` },
    });
    const state = (await response.json()).data?.gateway?.state;
    return state === 'connected' ? state : undefined;
  });
  const clientUid = processUid(client);
  assert(clientUid !== 0, 'the client runs as root');
  results.push(
    `client: /ready 200 after ${clientReady.seconds.toFixed(1)} s, gateway link ${link.value} after ${link.seconds.toFixed(1)} s more, uid ${clientUid}`,
  );
  // SIGTERM: /ready turns 503, in-flight requests drain, the process exits 0 (SHUTDOWN_DELAY_SECONDS is 5 in
  // production, then at most SHUTDOWN_TIMEOUT_SECONDS).
  for (const name of [...containers].reverse()) {
    const started = performance.now();
    run(['stop', '--time', '40', name], { quiet: true });
    const code = run(['inspect', '--format', '{{.State.ExitCode}}', name], { quiet: true }).stdout;
    assert(code === '0', `${name} exited with ${code} on SIGTERM`);
    results.push(`${name}: stopped cleanly (exit 0) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} catch (error) {
  failed = true;
  console.error(`[image-test] FAILED: ${error.message}`);
  for (const name of containers) {
    console.error(
      `--- logs of ${name} ---\n${run(['logs', '--tail', '40', name], { quiet: true, allowFailure: true }).stdout}`,
    );
  }
} finally {
  for (const name of containers) {
    run(['rm', '--force', name], { quiet: true, allowFailure: true });
  }
  for (const volume of volumes) {
    run(['volume', 'rm', '--force', volume], { quiet: true, allowFailure: true });
  }
  for (const cleanup of cleanups) {
    await cleanup().catch((error) => console.error(`[image-test] cleanup: ${error.message}`));
  }
}

console.log(`[image-test] image ${tag}: ${(size / 1e6).toFixed(0)} MB, built in ${buildSeconds.toFixed(0)} s`);
for (const line of results) {
  console.log(`[image-test] ${line}`);
}
process.exit(failed ? 1 : 0);

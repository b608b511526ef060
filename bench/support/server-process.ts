import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface BenchServer {
  baseUrl: string;
  child: ChildProcess;
  /** The server's DATA_DIR (its dev outbox is `outbox/` in there). */
  dataDir: string;
  /** Resident set size of the server process, in MiB (from /proc). */
  rssMiB(): number;
  /** Everything the server wrote so far (also forwarded to this process's stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the real server (`apps/server/src/main.ts`) in its own process, so load and memory are measured apart. */
export async function startServerProcess(env: Record<string, string>): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'med-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'apps/server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SECRET_KEY: randomBytes(32).toString('base64url'),
      // Production-like, but measured against the emulator and reading mails from the file outbox.
      ALLOW_EMULATOR_IN_PRODUCTION: 'true',
      ALLOW_FILE_OUTBOX_IN_PRODUCTION: 'true',
      // No load balancer to wait for: stop at once (the shutdown benchmark sets the production delay back).
      SHUTDOWN_DELAY_SECONDS: '0',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // Scheduled RTE jobs would fill their tables during the measurement: keep the server to the load under test.
      JOBS_ENABLED: 'false',
      FRONTEND_URL: `http://127.0.0.1:${port}`,
      BACKEND_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`${baseUrl}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) {
      break;
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  return {
    baseUrl,
    child,
    dataDir,
    output: () => output,
    rssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolveExit) => child.once('exit', resolveExit));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs up, confirms the address through the mailed link (which is what makes an ADMIN_EMAILS address
 * admin), logs in and gives consent for `prms` over HTTP; returns the session cookie.
 */
export async function userWithMeters(server: BenchServer, email: string, prms: string[]): Promise<string> {
  return (await accountWithMeters(server, email, prms)).cookie;
}

/** `userWithMeters`, also returning the account's client credentials (what a local client is configured with). */
export async function accountWithMeters(
  server: BenchServer,
  email: string,
  prms: string[],
): Promise<{ cookie: string; clientId: string; clientSecret: string }> {
  const { baseUrl } = server;
  const password = 'Bench-Password-2026';
  const signup = await fetch(`${baseUrl}/api/accounts/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const credentials = ((await signup.json()) as { data: { client_id: string; client_secret: string } }).data;
  const verify = new URL(await verificationLink(server.dataDir, email));
  const verified = await fetch(`${baseUrl}/api/accounts/verify-email${verify.search}`);
  if (!verified.ok) {
    throw new Error(`verify-email failed: ${verified.status} ${await verified.text()}`);
  }
  const login = await fetch(`${baseUrl}/api/accounts/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const authorize = (await (await fetch(`${baseUrl}/api/oauth/authorize`, { headers: { cookie } })).json()) as {
    data: { authorize_url: string };
  };
  const consent = new URL(authorize.data.authorize_url);
  consent.searchParams.set('auto_select', prms.join(';'));
  const back = (await fetch(consent, { redirect: 'manual' })).headers.get('location') ?? '';
  await fetch(back, { headers: { cookie }, redirect: 'manual' });
  return { cookie, clientId: credentials.client_id, clientSecret: credentials.client_secret };
}

/**
 * The verification link of the last mail to `email` in the dev outbox (no SMTP_URL: mails are .eml
 * files). The server's mail worker writes it just after the sign-up answer: look for up to 10 s.
 */
async function verificationLink(dataDir: string, email: string): Promise<string> {
  const outbox = join(dataDir, 'outbox');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mails = existsSync(outbox)
      ? readdirSync(outbox)
          .sort()
          .reverse()
          .map((file) => decodeQuotedPrintable(readFileSync(join(outbox, file), 'utf8')))
      : [];
    const link = mails
      .filter((mail) => mail.includes(`To: ${email}`))
      .map((mail) => /https?:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]+/.exec(mail)?.[0])
      .find((found) => found !== undefined);
    if (link) {
      return link;
    }
    if (Date.now() > deadline) {
      throw new Error(`no verification mail to ${email} in ${outbox}`);
    }
    await sleep(100);
  }
}

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// Bytes on the wire and page timing, measured in Chromium against the real server (built SPA, brotli
// accepted as any browser does). Prints:
//   - the JS of the first visit to `/` (entry, preloads and whatever it loads lazily), as sent;
//   - the JS of the consumption page opened directly, as sent;
//   - "fetch my whole history" (every metering answer of the history panel), as sent and decoded;
//   - the consumption page with its figures and charts drawn on a phone profile (4× CPU, 1.6 Mbit/s,
//     150 ms RTT), server cache warm, browser cache empty.
// Targets (issue 9 §1): `/` JS ≤ 150 KB, history ≤ 0.3 MB on the wire, consumption page ≤ 4 s on the phone.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { startServerProcess, userWithMeters, type BenchServer } from './support/server-process.ts';

const PRM = '22516914714270';
const ROOT = resolve(import.meta.dirname, '..');
// Debian's Chromium, as the browser tests use (tests/e2e/support/browser.ts); nothing is downloaded.
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'];

/** A phone-sized French context, like the browser tests' `phoneContext`. */
function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 3,
  });
}
const EMAIL = 'bench-wire@example.org';

interface Transfer {
  url: string;
  type: string;
  /** Bytes received for the response (headers and encoded body), as the network saw them. */
  wire: number;
  /** The encoded body alone (what compression changes; headers excluded). */
  body: number;
  /** Body bytes after content decoding. */
  decoded: number;
}

/** Records every finished response of `page` through the DevTools protocol. */
async function recordTransfers(page: Page): Promise<{ cdp: CDPSession; transfers: Transfer[] }> {
  const cdp = await page.context().newCDPSession(page);
  const transfers: Transfer[] = [];
  const pending = new Map<string, { url: string; type: string; decoded: number; headers: number }>();
  cdp.on('Network.responseReceived', (event) => {
    pending.set(event.requestId, {
      url: event.response.url,
      type: event.type ?? 'Other',
      decoded: 0,
      // At this point only the status line and headers have been received.
      headers: event.response.encodedDataLength,
    });
  });
  cdp.on('Network.dataReceived', (event) => {
    const entry = pending.get(event.requestId);
    if (entry) {
      entry.decoded += event.dataLength;
    }
  });
  cdp.on('Network.loadingFinished', (event) => {
    const entry = pending.get(event.requestId);
    if (entry) {
      const { headers, ...rest } = entry;
      transfers.push({ ...rest, wire: event.encodedDataLength, body: event.encodedDataLength - headers });
      pending.delete(event.requestId);
    }
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { cdp, transfers };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const sum = (transfers: Transfer[], key: 'wire' | 'body' | 'decoded') =>
  transfers.reduce((total, t) => total + t[key], 0);
const scripts = (transfers: Transfer[]) => transfers.filter((t) => t.type === 'Script');

async function loggedInContext(server: BenchServer, cookie: string, context: BrowserContext): Promise<void> {
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name: name ?? '', value: value ?? '', url: server.baseUrl }]);
}

/** Opens the consumption page and waits for its figures and its load-curve chart. */
async function openConsumption(page: Page): Promise<void> {
  await page.goto(`/consumption?pdl=${PRM}`);
  await page.getByTestId('rolling-total').waitFor({ timeout: 120_000 });
  await page.getByTestId('curve-summary').waitFor({ timeout: 120_000 });
}

export async function runWebWire(): Promise<void> {
  // The figures are those of the current sources: build them (about 3 s), compressed variants included.
  execFileSync('npm', ['run', 'build', '--workspace', 'apps/web'], { cwd: ROOT, stdio: 'ignore' });
  const server = await startServerProcess({ ADMIN_EMAILS: EMAIL });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const cookie = await userWithMeters(server, EMAIL, [PRM]);
    console.log('Bytes on the wire (Chromium, Accept-Encoding: gzip, deflate, br, zstd)');

    const landing = await phoneContext(browser, server.baseUrl);
    const landingPage = await landing.newPage();
    const first = await recordTransfers(landingPage);
    await landingPage.goto('/', { waitUntil: 'networkidle' });
    const landingJs = scripts(first.transfers);
    if (process.env.BENCH_VERBOSE) {
      landingJs.forEach((t) => console.log(`    ${t.url.replace(server.baseUrl, '')} ${t.body} B`));
    }
    console.log(
      `  first visit to /: ${kb(sum(landingJs, 'body'))} of compressed JS in ${landingJs.length} files (${kb(sum(landingJs, 'wire'))} with headers, ${kb(sum(landingJs, 'decoded'))} decoded)`,
    );
    await landing.close();

    const context = await phoneContext(browser, server.baseUrl);
    await loggedInContext(server, cookie, context);
    const page = await context.newPage();
    const consumption = await recordTransfers(page);
    // Cold: fills the server cache from the emulator; the JS is the same as for any visit.
    await openConsumption(page);
    await page.waitForLoadState('networkidle');
    const pageJs = scripts(consumption.transfers);
    console.log(
      `  consumption page: ${kb(sum(pageJs, 'body'))} of compressed JS in ${pageJs.length} files (${kb(sum(pageJs, 'wire'))} with headers, ${kb(sum(pageJs, 'decoded'))} decoded)`,
    );

    consumption.transfers.length = 0;
    const history = page.getByRole('region', { name: 'Historique' });
    await history.getByRole('button', { name: 'Récupérer tout mon historique' }).click();
    const bars = history.getByRole('progressbar');
    await bars.first().waitFor();
    for (const bar of await bars.all()) {
      await bar.waitFor();
      for (;;) {
        const [value, max] = [await bar.getAttribute('value'), await bar.getAttribute('max')];
        if (value !== null && value === max) {
          break;
        }
        await page.waitForTimeout(500);
      }
    }
    await page.waitForLoadState('networkidle');
    const api = consumption.transfers.filter((t) => t.url.includes('/api/enedis/'));
    console.log(
      `  fetch my whole history: ${mb(sum(api, 'wire'))} on the wire for ${mb(sum(api, 'decoded'))} of JSON in ${api.length} requests`,
    );
    await context.close();

    // Phone profile: a new browser (empty cache) on a warm server.
    const phone = await phoneContext(browser, server.baseUrl);
    await loggedInContext(server, cookie, phone);
    const phonePage = await phone.newPage();
    const phoneCdp = await phone.newCDPSession(phonePage);
    await phoneCdp.send('Network.enable');
    await phoneCdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await phoneCdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const started = performance.now();
    await openConsumption(phonePage);
    const drawn = performance.now() - started;
    console.log(
      `  phone profile (4× CPU, 1.6 Mbit/s, 150 ms RTT): consumption page figures and charts drawn in ${(drawn / 1000).toFixed(2)} s`,
    );
    await phone.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.main) {
  await runWebWire();
}

/// <reference lib="dom" />
// « Tout » in Chromium: the demo account's two years of load curve loaded once, then the time from the
// click on « Tout » to the chart drawn (the overview note in the page, then two animation frames: the
// frame ECharts paints in, and the next), on a desktop and with the CPU slowed 4× (a phone). Needs the
// built web app (`npm run build`) and Debian's Chromium. Target: < 200 ms on the desktop.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startServerProcess } from './support/server-process.ts';

const DEMO_PRM = '04004253849200';
const RUNS = 7;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Milliseconds from the click on « Tout » to the second animation frame after the overview is in the page. */
function clickToDrawn(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((element) => element.textContent === 'Tout');
    if (!button) {
      throw new Error('no « Tout » button');
    }
    const started = performance.now();
    button.click();
    await new Promise<void>((resolve) => {
      const check = () =>
        document.querySelector('[data-testid="curve-overview-note"]') ? resolve() : requestAnimationFrame(check);
      check();
    });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - started;
  });
}

async function measure(page: Page): Promise<string> {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.getByRole('button', { name: 'Semaine', exact: true }).click();
    await page.getByTestId('curve-overview-note').waitFor({ state: 'detached' });
    samples.push(await clickToDrawn(page));
  }
  samples.sort((a, b) => a - b);
  return `median ${samples[Math.floor(RUNS / 2)]?.toFixed(0)} ms, max ${samples.at(-1)?.toFixed(0)} ms (${RUNS} clicks)`;
}

export async function runChartOverviewBrowser(): Promise<void> {
  if (!existsSync(join(import.meta.dirname, '..', 'apps/web/dist/index.html')) || !existsSync(CHROMIUM)) {
    console.log('« Tout » in Chromium: skipped (build the web app and install chromium first)');
    return;
  }
  const server = await startServerProcess({ DEMO_ENABLED: 'true' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
  try {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 800 },
    });
    const login = await context.request.post('/api/accounts/demo');
    if (!login.ok()) {
      throw new Error(`demo login failed: ${login.status()}`);
    }
    const page = await context.newPage();
    await page.goto(`/consumption?pdl=${DEMO_PRM}`);
    await page.getByTestId('curve-summary').waitFor({ timeout: 60_000 });
    // Load the two years once (the first « Tout » fetches them quarter by quarter).
    await page.getByRole('button', { name: 'Tout', exact: true }).click();
    const note = page.getByTestId('curve-overview-note');
    const deadline = Date.now() + 300_000;
    let readings = 0;
    while (readings < 34_000 && Date.now() < deadline) {
      await page.waitForTimeout(1000);
      const text = (await note.count()) > 0 ? await note.innerText() : '';
      readings = Number((/^[^\d]*([\d\s\u202f\u00a0]+) mesures/.exec(text)?.[1] ?? '').replace(/\D/g, ''));
    }
    console.log(`« Tout » in Chromium on ${readings.toLocaleString('en')} loaded slots`);
    console.log(`  desktop: ${await measure(page)}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    console.log(`  CPU slowed 4×: ${await measure(page)}`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.main) {
  await runChartOverviewBrowser();
}

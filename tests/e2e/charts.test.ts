import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { addDays, daysInMonth, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, frenchContext, horizontalOverflow, launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The demo account's main home (emulator data up to yesterday, two years back).
const DEMO_PRM = '04004253849200';
const MONTHS_FR = [
  'Janvier',
  'Février',
  'Mars',
  'Avril',
  'Mai',
  'Juin',
  'Juillet',
  'Août',
  'Septembre',
  'Octobre',
  'Novembre',
  'Décembre',
];

async function demoPage(context: BrowserContext): Promise<Page> {
  expect((await context.request.post('/api/accounts/demo')).status()).toBe(200);
  const page = await context.newPage();
  await page.goto(`/consumption?pdl=${DEMO_PRM}`);
  await page.getByTestId('rolling-total').waitFor({ timeout: 60_000 });
  await page.getByTestId('curve-summary').waitFor({ timeout: 60_000 });
  return page;
}

/**
 * Columns of canvas pixels at the left and right edges that something is drawn on. A label or legend
 * cut by the edge of the chart leaves ink there; the grid, labels and slider keep a margin otherwise.
 */
function inkAtEdges(chart: Locator): Promise<number> {
  return chart.evaluate((element) => {
    let ink = 0;
    for (const canvas of element.querySelectorAll('canvas')) {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0) {
        continue;
      }
      const edge = Math.max(2, Math.round(window.devicePixelRatio * 2));
      for (const x of [0, canvas.width - edge]) {
        const { data } = context.getImageData(x, 0, edge, canvas.height);
        for (let index = 3; index < data.length; index += 4) {
          ink += (data[index] ?? 0) > 0 ? 1 : 0;
        }
      }
    }
    return ink;
  });
}

describe('charts that tell the truth (demo account)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const yesterday = addDays(parisToday(new Date()), -1);
  const year = Number(yesterday.slice(0, 4));
  const month = Number(yesterday.slice(5, 7));
  const dayOfMonth = Number(yesterday.slice(8, 10));
  const monthIsPartial = dayOfMonth < daysInMonth(yesterday.slice(0, 7));

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ DEMO_ENABLED: 'true' }), launchBrowser()]);
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await server?.stop();
  });

  it('marks partial years and months, compares them on the same days, and gives no one-day HC/HP chart', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    const page = await demoPage(context);

    // The running year is partial and set against the same days of last year, with French plurals.
    const yearTile = page.getByTestId(`year-${year}`);
    await expect.poll(() => yearTile.innerText()).toMatch(/partiel : \d+ jours sur 36[56]/);
    expect(await yearTile.innerText()).toMatch(new RegExp(`par rapport à ${year - 1}, sur les \\d+ mêmes jours`));
    expect(await page.locator('main').innerText()).not.toMatch(/\(s\)|\d+ j sur/);

    // Month by month: the running month is hatched, explained, and set against the same days only.
    const monthly = page.getByRole('region', { name: new RegExp(`^Mois par mois : ${year}`) });
    await monthly.locator('canvas').first().waitFor();
    if (monthIsPartial) {
      const legend = monthly.getByTestId('partial-legend');
      await legend.getByText('Période incomplète (hachurée)').waitFor();
      const note =
        dayOfMonth === 1
          ? `${MONTHS_FR[month - 1]} : comparé sur le seul jour présent en ${year} et en ${year - 1}`
          : `${MONTHS_FR[month - 1]} : comparé sur les ${dayOfMonth} jours présents en ${year} et en ${year - 1}`;
      await legend.getByText(note, { exact: false }).waitFor();

      // The tooltip of that month's bars says "partiel" too (hover its band: 12 bands across the plot).
      const chart = monthly.getByRole('img');
      await chart.scrollIntoViewIfNeeded();
      const box = await chart.boundingBox();
      if (!box) {
        throw new Error('monthly chart not laid out');
      }
      await page.mouse.move(box.x + 40 + ((box.width - 52) * (month - 0.5)) / 12, box.y + box.height * 0.6);
      await expect
        .poll(() => chart.innerText())
        .toMatch(dayOfMonth === 1 ? /partiel : le même jour/ : /partiel : les \d+ mêmes jours que l’autre année/);
    }

    // HC/HP: only the last day or two of curve are loaded, so no "monthly" bar made of them; it says why
    // (and the count agrees with its noun).
    const offpeak = page.getByRole('region', { name: 'Heures creuses / heures pleines' });
    const why = offpeak.getByTestId('offpeak-no-month');
    await why.waitFor();
    expect(await why.innerText()).toMatch(/la courbe de charge chargée couvre (?:1 jour,|(?:[2-9]|\d{2,}) jours,)/);
    expect(await offpeak.locator('canvas').count()).toBe(0);
    expect(await offpeak.innerText()).toMatch(/\((?:1 jour|(?:[2-9]|\d{2,}) jours)\)/);

    // "Tout" loads the two years of curve and draws them from min/max-reduced points.
    await page.getByRole('button', { name: 'Tout', exact: true }).click();
    const overview = page.getByTestId('curve-overview-note');
    await overview.waitFor({ timeout: 180_000 });
    const number = (text: string | undefined) => Number((text ?? '').replace(/\D/g, ''));
    await expect
      .poll(async () => number(/([\d\s\u202f\u00a0]+) mesures ramenées/.exec(await overview.innerText())?.[1]), {
        timeout: 180_000,
        interval: 1000,
      })
      .toBeGreaterThan(30_000);
    const points = number(/à ([\d\s\u202f\u00a0]+) points/.exec(await overview.innerText())?.[1]);
    expect(points).toBeGreaterThan(500);
    expect(points).toBeLessThanOrEqual(2_100);
    await page
      .getByRole('img', { name: /^Courbe de charge du .* mesures, total/ })
      .locator('canvas')
      .first()
      .waitFor();

    await context.close();
  });

  it('speaks English plurals', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl, { locale: 'en-GB' });
    await context.addInitScript(() => localStorage.setItem('med-language', 'en'));
    const page = await demoPage(context);
    await expect.poll(() => page.getByTestId(`year-${year}`).innerText()).toMatch(/partial: \d+ days of 36[56]/);
    const why = page.getByTestId('offpeak-no-month');
    // However many days are loaded, the count and its noun agree.
    expect(await why.innerText()).toMatch(/the loaded load curve covers (?:1 day,|(?:0|[2-9]|\d{2,}) days,)/);
    expect(await page.locator('main').innerText()).not.toMatch(/\(s\)/);
    await context.close();
  });

  it('keeps legends and the last axis labels inside every chart on a 375-px phone', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl, {
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const page = await demoPage(context);
    const charts = page.locator('[role="img"]:has(canvas)');
    await expect.poll(() => charts.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    for (const chart of await charts.all()) {
      await chart.scrollIntoViewIfNeeded();
      const box = await chart.boundingBox();
      expect(box?.width ?? 0).toBeLessThanOrEqual(375);
      expect(await inkAtEdges(chart), (await chart.getAttribute('aria-label')) ?? '').toBe(0);
    }
    // For a human look at the layout: the whole page as a phone shows it.
    const folder = join(tmpdir(), 'med-e2e-screenshots');
    mkdirSync(folder, { recursive: true });
    await page.screenshot({ path: join(folder, 'consumption-375.png'), fullPage: true });
    await context.close();
  });
});

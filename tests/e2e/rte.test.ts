import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, frenchContext, horizontalOverflow, launchBrowser, phoneContext } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The scheduler fills the tables at start; pages poll every 20 s while they are empty.
const FILL_TIMEOUT_MS = 60_000;
const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'rte');
const COLOUR_LABELS = { BLUE: 'Bleu', WHITE: 'Blanc', RED: 'Rouge' } as const;

/** "1 234" / "57,5" → number (French formatting, any kind of space). */
function frenchNumber(text: string): number {
  return Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));
}

function firstNumber(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  if (!match?.[1]) {
    throw new Error(`${String(pattern)} not found in "${text}"`);
  }
  return frenchNumber(match[1]);
}

/** Coloured (non-transparent) pixels drawn on the canvases inside `chart`. */
async function paintedPixels(chart: Locator): Promise<number> {
  return chart.evaluate((element) => {
    let painted = 0;
    for (const canvas of element.querySelectorAll('canvas')) {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) {
        continue;
      }
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      for (let index = 3; index < data.length; index += 4) {
        if ((data[index] ?? 0) > 0) {
          painted += 1;
        }
      }
    }
    return painted;
  });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('RTE pages in the browser (emulator, no RTE credentials)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // Empty credentials = the embedded RTE emulator; the jobs fill the tables right after start.
    [server, browser] = await Promise.all([
      startServer({ RTE_CLIENT_ID: '', RTE_CLIENT_SECRET: '', JOBS_ENABLED: 'true' }),
      launchBrowser(),
    ]);
    context = await frenchContext(browser, server.baseUrl);
  });

  afterAll(async () => {
    await context?.close();
    await closeBrowser(browser);
    await server?.stop();
  });

  it('shows the Tempo colour in force, today and tomorrow, remaining days that add up, the forecast and the season calendar', async () => {
    if (!context) {
      throw new Error('set-up failed');
    }
    const page = await context.newPage();
    // Straight after start, as a visitor: the page waits for the data and fills in by itself.
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tempo' }).click();
    await page.getByRole('heading', { name: 'Tempo', level: 1 }).waitFor();

    const todayColour = page.getByTestId('tempo-today').getByTestId('tempo-colour');
    await expect.poll(() => todayColour.innerText(), { timeout: FILL_TIMEOUT_MS }).toMatch(/^(Bleu|Blanc|Rouge)$/);
    expect(await page.getByTestId('tempo-now').getByTestId('tempo-colour').innerText()).toMatch(/^(Bleu|Blanc|Rouge)$/);
    await page.getByText('Un jour Tempo va de 6 h à 6 h le lendemain', { exact: false }).waitFor();

    // The same colours as the API says.
    const today = (
      (await (await context.request.get('/api/tempo/today')).json()) as {
        data: {
          color: keyof typeof COLOUR_LABELS | null;
          tariff_day_in_force: { color: keyof typeof COLOUR_LABELS | null };
        };
      }
    ).data;
    expect(today.color).not.toBeNull();
    expect(await todayColour.innerText()).toBe(COLOUR_LABELS[today.color ?? 'BLUE']);
    expect(await page.getByTestId('tempo-now').getByTestId('tempo-colour').innerText()).toBe(
      COLOUR_LABELS[today.tariff_day_in_force.color ?? 'BLUE'],
    );

    // Remaining days: used + remaining = quota for each colour, and the remaining days add up to the total.
    const totalText = page.getByTestId('tempo-remaining-total');
    await totalText.waitFor({ timeout: FILL_TIMEOUT_MS });
    let remainingSum = 0;
    const quotas: number[] = [];
    for (const colour of ['BLUE', 'WHITE', 'RED'] as const) {
      const row = page.getByTestId(`tempo-balance-${colour}`);
      const text = await row.innerText();
      const remaining = frenchNumber(await row.getByTestId('remaining').innerText());
      const used = firstNumber(text, /Utilisés : ([\d \u202f\u00a0]+)/);
      const quota = firstNumber(text, /restants sur ([\d \u202f\u00a0]+)/);
      expect(used + remaining, colour).toBe(quota);
      remainingSum += remaining;
      quotas.push(quota);
    }
    expect(quotas.slice(1)).toEqual([43, 22]);
    expect([300, 301]).toContain(quotas[0]);
    expect(firstNumber(await totalText.innerText(), /^([\d \u202f\u00a0]+) jours/)).toBe(remainingSum);

    // Forecast cards: a colour and probabilities that make 100 % (give or take the rounding).
    const forecastDays = page.getByTestId('tempo-forecast-day');
    await forecastDays.first().waitFor({ timeout: FILL_TIMEOUT_MS });
    expect(await forecastDays.count()).toBeGreaterThanOrEqual(1);
    for (const card of await forecastDays.all()) {
      expect(await card.getByTestId('tempo-colour').innerText()).toMatch(/^(Bleu|Blanc|Rouge)$/);
      const percents = [...(await card.innerText()).matchAll(/(\d+)\s*%/g)].map((match) => Number(match[1]));
      expect(percents).toHaveLength(3);
      expect(percents.reduce((sum, value) => sum + value, 0)).toBeGreaterThanOrEqual(98);
      expect(percents.reduce((sum, value) => sum + value, 0)).toBeLessThanOrEqual(102);
    }

    // Season calendar: one cell per day, the coloured cells are the published days.
    const counts = page.getByTestId('tempo-season-counts');
    await counts.waitFor({ timeout: FILL_TIMEOUT_MS });
    const cells = page.locator('li[data-colour]');
    expect([365, 366]).toContain(await cells.count());
    const published = firstNumber(await counts.innerText(), /Jours publiés : ([\d \u202f\u00a0]+)/);
    expect(await page.locator('li[data-colour]:not([data-colour="none"])').count()).toBe(published);
    expect(published).toBeGreaterThan(0);
    await screenshot(page, 'tempo-desktop');

    // The previous season, complete: 300 (or 301) blue, 43 white, 22 red.
    const seasonButtons = page.getByRole('group', { name: 'Saison affichée' }).getByRole('button');
    await seasonButtons.nth(1).click();
    await expect.poll(() => counts.innerText(), { timeout: 30_000 }).toMatch(/bleu : 30[01], blanc : 43, rouge : 22\./);
    expect(await page.locator('li[data-colour="RED"]').count()).toBe(22);
    await page.close();
  });

  it('shows today’s EcoWatt level with its 24 hourly cells, the next days and the year’s statistics', async () => {
    if (!context) {
      throw new Error('set-up failed');
    }
    const page = await context.newPage();
    await page.goto('/ecowatt');
    await page.getByRole('heading', { name: 'EcoWatt', level: 1 }).waitFor();

    const todayCard = page.getByTestId('ecowatt-today');
    await todayCard.waitFor({ timeout: FILL_TIMEOUT_MS });
    expect(await todayCard.getByTestId('ecowatt-level').innerText()).toMatch(/^(Vert|Orange|Rouge)$/);
    const hours = todayCard.getByTestId('ecowatt-hour');
    expect(await hours.count()).toBe(24);
    for (const cell of await hours.all()) {
      expect(await cell.getAttribute('data-level')).toMatch(/^[0-3]$/);
    }
    // The day in words covers midnight to midnight.
    const runs = await todayCard.getByTestId('ecowatt-runs').innerText();
    expect(runs).toMatch(/^00:00–/);
    expect(runs).toMatch(/–24:00 : (Vert|Orange|Rouge)/);

    // RTE publishes D..D+3: up to three more days, each with its strip.
    const nextDays = page.getByTestId('ecowatt-next-day');
    await nextDays.first().waitFor({ timeout: FILL_TIMEOUT_MS });
    expect(await nextDays.count()).toBeGreaterThanOrEqual(1);
    expect(await nextDays.count()).toBeLessThanOrEqual(3);
    expect(await nextDays.first().getByTestId('ecowatt-hour').count()).toBe(24);

    const stats = page.getByTestId('ecowatt-stats');
    await stats.waitFor({ timeout: FILL_TIMEOUT_MS });
    const statsText = await stats.innerText();
    const days = ['Vert', 'Orange', 'Rouge'].map((level) =>
      firstNumber(statsText, new RegExp(`${level} : (\\d+) jours`)),
    );
    const total = firstNumber(await page.getByText(/^Sur les \d+ jours de/).innerText(), /^Sur les (\d+) jours/);
    expect(days.reduce((sum, value) => sum + value, 0)).toBe(total);
    expect(total).toBeGreaterThan(0);
    await screenshot(page, 'ecowatt-desktop');
    await page.close();
  });

  it('shows the national consumption now, a drawn consumption chart and the solar/wind mix', async () => {
    if (!context) {
      throw new Error('set-up failed');
    }
    const page = await context.newPage();
    await page.goto('/france');
    await page.getByRole('heading', { name: 'Électricité en France', level: 1 }).waitFor();

    const current = page.getByTestId('france-current');
    await expect
      .poll(() => current.innerText(), { timeout: FILL_TIMEOUT_MS })
      .toMatch(/^\d[\d\s\u202f\u00a0]*(,\d)? (GW|MW)$/);
    // France uses tens of GW.
    const currentText = await current.innerText();
    const gigawatts = currentText.endsWith('GW')
      ? frenchNumber(currentText.slice(0, -3))
      : frenchNumber(currentText.slice(0, -3)) / 1000;
    expect(gigawatts).toBeGreaterThan(20);
    expect(gigawatts).toBeLessThan(110);
    await expect
      .poll(() => page.getByTestId('france-peak').innerText(), { timeout: FILL_TIMEOUT_MS })
      .toMatch(/^\d+(,\d)? GW$/);

    // The consumption chart names its latest realised value and is actually drawn.
    const chart = page.getByRole('img', {
      name: /^Consommation nationale du .* Dernière valeur réalisée : \d[\d,]* GW\.$/,
    });
    await chart.waitFor({ timeout: FILL_TIMEOUT_MS });
    await expect.poll(() => paintedPixels(chart), { timeout: 10_000 }).toBeGreaterThan(5_000);
    const mix = page.getByRole('img', { name: /^Production solaire et éolienne prévue du/ });
    await mix.waitFor({ timeout: FILL_TIMEOUT_MS });
    await expect.poll(() => paintedPixels(mix), { timeout: 10_000 }).toBeGreaterThan(5_000);
    await page.getByText(/^Solaire .* · éolien .* \(prévision\)$/).waitFor({ timeout: FILL_TIMEOUT_MS });
    await screenshot(page, 'france-desktop');
    await page.close();
  });

  it('fits a phone screen on the three pages', async () => {
    if (!browser || !server) {
      throw new Error('set-up failed');
    }
    const phone = await phoneContext(browser, server.baseUrl);
    const page = await phone.newPage();
    const pages = [
      { path: '/tempo', ready: 'tempo-season-counts', name: 'tempo' },
      { path: '/ecowatt', ready: 'ecowatt-stats', name: 'ecowatt' },
      { path: '/france', ready: 'france-current', name: 'france' },
    ];
    for (const { path, ready, name } of pages) {
      await page.goto(path);
      await page.getByTestId(ready).waitFor({ timeout: FILL_TIMEOUT_MS });
      if (name === 'france') {
        await page.getByRole('img', { name: /^Production solaire/ }).waitFor({ timeout: FILL_TIMEOUT_MS });
      }
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
      await screenshot(page, `${name}-phone`);
    }
    // The menu offers the three pages to visitors on a phone too.
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    const menu = page.locator('#mobile-menu');
    for (const label of ['Tempo', 'EcoWatt', 'France']) {
      await menu.getByRole('link', { name: label, exact: true }).waitFor();
    }
    await phone.close();
  });

  it('speaks English after the language switch', async () => {
    if (!context) {
      throw new Error('set-up failed');
    }
    const page = await context.newPage();
    await page.goto('/tempo');
    await page.getByRole('button', { name: 'English version' }).click();
    await page
      .getByRole('heading', { name: /^Days left in the \d{4}-\d{4} season$/ })
      .waitFor({ timeout: FILL_TIMEOUT_MS });
    expect(await page.getByTestId('tempo-today').getByTestId('tempo-colour').innerText()).toMatch(/^(Blue|White|Red)$/);
    await page.getByText('A Tempo day runs from 06:00 to 06:00 the next day', { exact: false }).waitFor();
    await page.close();
  });
});

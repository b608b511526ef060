import type { Browser, Download } from 'playwright-core';
import { addDays, daysInMonth, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, frenchContext, horizontalOverflow, launchBrowser, phoneContext } from './support/browser.ts';
import { expectPath, PASSWORD, signUpAndLogIn, tickOnly, uniqueEmail } from './support/flows.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Sandbox client 3 of the Enedis emulator: one consumption meter and one production meter.
const CONSUMPTION_PRM = '12345678901234';
const PRODUCTION_PRM = '10284856584123';
/** "8 123,4 kWh" → 8123.4 (French number formatting, any kind of space). */
function kwhValue(text: string): number {
  const match = /(-?[\d\s\u202f\u00a0]+(?:,\d+)?)\s*kWh/.exec(text);
  if (!match?.[1]) {
    throw new Error(`no kWh value in "${text}"`);
  }
  return Number(match[1].replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));
}

async function readDownload(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

describe('Enedis end to end in the browser', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const email = uniqueEmail('enedis');

  beforeAll(async () => {
    // The server's public URL is its real address (set by startServer), so Enedis comes back to it.
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await server?.stop();
  });

  it('consents at Enedis for two meters, then shows a year of consumption, a load-curve day and the production', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signUpAndLogIn(page, email);

    // Consent: the dashboard button leads to the (emulated) Enedis page, which sends us back.
    await page.getByRole('button', { name: 'Donner mon consentement sur le site d’Enedis' }).click();
    await expectPath(page, '/dataconnect/v1/oauth2/authorize');
    await tickOnly(page, [CONSUMPTION_PRM, PRODUCTION_PRM]);
    await page.getByRole('button', { name: 'Autoriser le partage' }).click();
    await expectPath(page, '/dashboard');
    await page.getByText('Consentement enregistré').waitFor();
    await page.getByText('2 points de livraison autorisés (dont 2 ajoutés à votre compte)', { exact: false }).waitFor();

    // Both meters are there with what the contract said (the production meter has no contract data).
    const consumptionCard = page.getByRole('article', { name: CONSUMPTION_PRM, exact: true });
    const productionCard = page.getByRole('article', { name: PRODUCTION_PRM, exact: true });
    await consumptionCard.waitFor();
    await productionCard.waitFor();
    await consumptionCard.getByText('12 kVA').waitFor();
    await consumptionCard.getByText('01:30–07:30, 12:30–14:30').waitFor();
    await productionCard.getByText('Production', { exact: true }).first().waitFor();

    // Closing the banner cleans the address.
    await page.getByRole('button', { name: 'Fermer ce message' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');

    // Consumption: yearly totals from the daily data, a chart, and yesterday's load curve.
    await consumptionCard.getByRole('link', { name: 'Voir la consommation' }).click();
    await expectPath(page, '/consumption');
    await page.getByRole('heading', { name: 'Consommation', level: 1 }).waitFor();
    const rolling = page.getByTestId('rolling-total');
    await rolling.waitFor({ timeout: 60_000 });
    // About 22 kWh a day for this meter: a year is thousands of kWh.
    expect(kwhValue(await rolling.innerText())).toBeGreaterThan(1000);
    await page.getByRole('heading', { name: /^Mois par mois/ }).waitFor();
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);

    const curve = page.getByTestId('curve-summary');
    await curve.waitFor({ timeout: 60_000 });
    const dayTotal = kwhValue((await curve.innerText()).split('Total de la période :')[1] ?? '');
    expect(dayTotal).toBeGreaterThan(1);
    expect(await curve.innerText()).toContain('Heures creuses');
    await page
      .getByRole('img', { name: /^Courbe de charge du/ })
      .locator('canvas')
      .first()
      .waitFor();

    // One day back, then the week view.
    const firstDay = await curve.innerText();
    await page.getByRole('button', { name: 'Période précédente' }).click();
    await expect.poll(() => curve.innerText(), { timeout: 30_000 }).not.toBe(firstDay);
    await page.getByRole('button', { name: 'Semaine', exact: true }).click();
    await expect.poll(() => curve.innerText(), { timeout: 30_000 }).toMatch(/^Du /);

    // Production: only the production meter is offered, with its own data.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Production' })
      .click();
    await expectPath(page, '/production');
    await page.getByRole('heading', { name: 'Production', level: 1 }).waitFor();
    expect(await page.getByLabel('Point de livraison').inputValue()).toBe(PRODUCTION_PRM);
    const produced = page.getByTestId('rolling-total');
    await produced.waitFor({ timeout: 60_000 });
    expect(kwhValue(await produced.innerText())).toBeGreaterThan(100);
    await page.getByTestId('curve-summary').waitFor({ timeout: 60_000 });

    await context.close();
  });

  it('fits a phone screen on the consumption page', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await phoneContext(browser, server.baseUrl);
    expect((await context.request.post('/api/accounts/login', { data: { email, password: PASSWORD } })).status()).toBe(
      200,
    );
    const page = await context.newPage();
    for (const path of [`/consumption?pdl=${CONSUMPTION_PRM}`, `/production?pdl=${PRODUCTION_PRM}`, '/dashboard']) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      if (path !== '/dashboard') {
        await page.getByTestId('curve-summary').waitFor({ timeout: 60_000 });
      } else {
        await page.getByRole('article', { name: CONSUMPTION_PRM, exact: true }).waitFor();
      }
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it('refreshes a contract, fetches the whole history with progress, downloads what a chart shows, and balances the two meters', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    expect((await context.request.post('/api/accounts/login', { data: { email, password: PASSWORD } })).status()).toBe(
      200,
    );
    const page = await context.newPage();

    // Dashboard: re-read the contract at Enedis, then pair the consumption meter with the solar one.
    await page.goto('/dashboard');
    const consumptionCard = page.getByRole('article', { name: CONSUMPTION_PRM, exact: true });
    await consumptionCard.getByRole('button', { name: 'Actualiser le contrat' }).click();
    await consumptionCard.getByText('Contrat relu chez Enedis.').waitFor({ timeout: 30_000 });
    await consumptionCard.getByText('12 kVA').waitFor();
    const link = consumptionCard.getByLabel('Production associée');
    const producer = link.locator('option').filter({ hasText: PRODUCTION_PRM });
    await link.selectOption((await producer.getAttribute('value')) ?? '');
    await consumptionCard.getByRole('link', { name: 'Voir le bilan' }).waitFor();

    // Consumption: the whole history, with one progress bar per dataset that reaches its end.
    await page.goto(`/consumption?pdl=${CONSUMPTION_PRM}`);
    await page.getByTestId('rolling-total').waitFor({ timeout: 60_000 });
    const history = page.getByRole('region', { name: 'Historique' });
    await history.getByRole('button', { name: 'Récupérer tout mon historique' }).click();
    await history.getByRole('button', { name: 'Historique demandé' }).waitFor();
    const curveProgress = history.getByRole('progressbar', { name: /^Courbe de consommation : \d+ sur \d+$/ });
    await curveProgress.waitFor();
    // 2 years of load curve, one request per calendar quarter (each is several 7-day Enedis calls).
    expect(Number(await curveProgress.getAttribute('max'))).toBeGreaterThanOrEqual(8);
    await expect
      .poll(async () => (await curveProgress.getAttribute('value')) === (await curveProgress.getAttribute('max')), {
        timeout: 120_000,
        interval: 1000,
      })
      .toBe(true);
    expect(await history.getByText('Terminé').count()).toBeGreaterThanOrEqual(3);

    // Max power: a chart against the subscribed 12 kVA.
    const maxPower = page.getByRole('region', { name: 'Puissance maximale atteinte' });
    await maxPower.getByRole('img', { name: /abonnement 12/ }).waitFor();

    // The CSV and the JSON of the max-power chart are what it shows: one row per day, in VA.
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      maxPower.getByRole('button', { name: 'Télécharger « Puissance maximale atteinte » au format CSV' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^myelectricaldata_12345678901234_.*puissance-max.*\.csv$/);
    const csv = await readDownload(csvDownload);
    const csvLines = csv.trim().split(/\r?\n/);
    expect(csvLines.length).toBeGreaterThan(365);
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      maxPower.getByRole('button', { name: 'Télécharger « Puissance maximale atteinte » au format JSON' }).click(),
    ]);
    const json: unknown = JSON.parse(await readDownload(jsonDownload));
    const rows = Array.isArray(json) ? json : (json as { rows?: unknown[] }).rows;
    expect(Array.isArray(rows) ? rows.length : 0).toBe(csvLines.length - 1);

    // Balance: production against consumption for the pair, with a self-consumption rate.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Bilan' }).click();
    await expectPath(page, '/balance');
    const production = page.getByTestId('balance-production');
    await production.waitFor({ timeout: 60_000 });
    expect(kwhValue(await production.innerText())).toBeGreaterThan(100);
    expect(kwhValue(await page.getByTestId('balance-consumption').innerText())).toBeGreaterThan(1000);
    expect(await page.getByTestId('balance-self-consumption').innerText()).toMatch(/\d+(,\d+)?\s*%/);
    // The running month (data up to yesterday) is hatched and named partial, not set beside whole months as one.
    const yesterday = addDays(parisToday(new Date()), -1);
    const legend = page
      .getByRole('region', { name: /^Consommation et production par mois/ })
      .getByTestId('partial-legend');
    if (Number(yesterday.slice(8, 10)) < daysInMonth(yesterday.slice(0, 7))) {
      await legend.getByText('Période incomplète (hachurée)').waitFor();
    } else {
      expect(await legend.count()).toBe(0);
    }

    await context.close();
    // The history is ~150 Enedis calls at 5 per second, plus the pages around it.
  }, 240_000);

  it('explains a refused consent, and finishes a consent started before the session ended', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signUpAndLogIn(page, uniqueEmail('consent'));

    // Refused at Enedis: a clear explanation on the dashboard.
    await page.getByRole('button', { name: 'Donner mon consentement sur le site d’Enedis' }).click();
    await expectPath(page, '/dataconnect/v1/oauth2/authorize');
    await page.getByRole('button', { name: 'Refuser' }).click();
    await expectPath(page, '/dashboard');
    await page.getByText('Le consentement n’a pas abouti').waitFor();
    await page.getByText('Vous avez refusé le partage sur le site d’Enedis', { exact: false }).waitFor();

    // Session lost while at Enedis: the callback asks to log in, then completes the consent.
    await page.getByRole('button', { name: 'Donner mon consentement sur le site d’Enedis' }).click();
    await expectPath(page, '/dataconnect/v1/oauth2/authorize');
    const cookies = await context.cookies(server.baseUrl);
    await context.clearCookies();
    await tickOnly(page, ['12345678901234']);
    await page.getByRole('button', { name: 'Autoriser le partage' }).click();
    await expectPath(page, '/login');
    expect(new URL(page.url()).searchParams.get('redirect')).toMatch(/^\/api\/oauth\/callback\?/);
    await context.addCookies(cookies);
    await page.reload();
    // Already signed in again: the login page hands over to the server's callback.
    await expectPath(page, '/dashboard');
    // This meter already belongs to the first account.
    await page
      .getByText('Les points de livraison cochés sont déjà rattachés à un autre compte', { exact: false })
      .waitFor();

    await context.close();
  });
});

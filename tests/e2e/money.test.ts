import { readFile } from 'node:fs/promises';
import type { CostsResponse, EnergyOffer, Pdl, SimulatorResponse } from '@med/contracts';
import { parisToday } from '@med/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costPeriods, isPartialMonth } from '../../apps/web/src/features/costs/costView.ts';
import { closeBrowser, frenchContext, horizontalOverflow, launchBrowser } from './support/browser.ts';
import { expectPath, signUpAndLogIn, tickOnly, uniqueEmail } from './support/flows.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Sandbox client 3 of the Enedis emulator: 12 kVA, two off-peak windows, load curve on.
const PRM = '12345678901234';
const HC_HP_SERIES = 'edf:tarif-bleu:HC_HP:12';

/** A French amount as Intl writes it (narrow no-break spaces normalised to plain spaces for matching). */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const frenchEuros = (value: number, digits = 2) =>
  plain(
    new Intl.NumberFormat('fr-FR', {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: 2,
      maximumFractionDigits: digits,
    }).format(value),
  );

async function apiData<T>(context: BrowserContext, path: string): Promise<T> {
  const response = await context.request.get(path);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { data: T }).data;
}

describe('money in the web app: offer choice, consumption in euros, simulator, offers browser', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let signedIn: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const context = await frenchContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signUpAndLogIn(page, uniqueEmail('money'));
    await page.getByRole('button', { name: 'Donner mon consentement sur le site d’Enedis' }).click();
    await expectPath(page, '/dataconnect/v1/oauth2/authorize');
    await tickOnly(page, [PRM]);
    await page.getByRole('button', { name: 'Autoriser le partage' }).click();
    await expectPath(page, '/dashboard');
    await page.getByText('Consentement enregistré').waitFor();
    signedIn = await context.storageState();
    await context.close();
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await server?.stop();
  });

  async function signedInPage(): Promise<Page> {
    if (!server || !browser || !signedIn) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl, { storageState: signedIn });
    return context.newPage();
  }

  it('chooses the meter’s offer on its card, starting from the contract, and saves it', async () => {
    const page = await signedInPage();
    const context = page.context();
    const [pdl] = (await apiData<Pdl[]>(context, '/api/pdl')).filter((entry) => entry.usage_point_id === PRM);
    const current = await apiData<EnergyOffer[]>(context, '/api/energy/offers');
    expect(pdl?.subscribed_power).toBe(12);
    expect(pdl?.selected_offer_id).toBeNull();

    await page.goto('/dashboard');
    const card = page.getByRole('article', { name: PRM, exact: true });
    const offer = card.getByRole('region', { name: 'Offre d’électricité' });
    await offer
      .getByTestId('selected-offer')
      .getByText(/Aucune offre choisie/)
      .waitFor();
    await offer.getByRole('button', { name: 'Choisir l’offre' }).click();

    // The form starts from the contract: its option at its power, from the regulated provider.
    const provider = offer.getByLabel('Fournisseur');
    const choice = offer.getByLabel('Offre', { exact: true });
    expect(await provider.locator('option:checked').innerText()).toBe('EDF');
    if (pdl?.pricing_option) {
      const startKey = await choice.inputValue();
      expect(startKey.endsWith(`:${pdl.pricing_option}`), startKey).toBe(true);
    }
    await offer.getByText('12 kVA (puissance souscrite du compteur)').waitFor();
    // Only offers sold at 12 kVA are listed (the server refuses any other power).
    const listed = await choice
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    for (const key of listed) {
      expect(
        current.some((record) => record.series_key === `${key}:12`),
        key,
      ).toBe(true);
    }

    await choice.selectOption({ label: 'Tarif Bleu (Heures creuses / heures pleines)' });
    await offer.getByRole('button', { name: 'Enregistrer' }).click();
    await offer.getByText('Offre enregistrée.').waitFor();
    await offer
      .getByTestId('selected-offer')
      .getByText('Offre choisie : EDF — Tarif Bleu (Heures creuses / heures pleines), 12 kVA')
      .waitFor();

    const expected = current.find(
      (record) =>
        record.series_key === HC_HP_SERIES &&
        record.valid_from <= new Date().toISOString().slice(0, 10) &&
        record.valid_to === null,
    );
    const [saved] = (await apiData<Pdl[]>(context, '/api/pdl')).filter((entry) => entry.usage_point_id === PRM);
    expect(saved?.selected_offer_id).toBe(expected?.id);
    // The card shows that record's prices.
    await offer
      .getByText(`abonnement ${frenchEuros(expected?.subscription_price ?? 0, 4)} / mois`, { exact: false })
      .waitFor();
    await context.close();
  });

  it('shows the meter’s consumption in euros with its offer: the figures the API gives, by month and day, with downloads', async () => {
    const page = await signedInPage();
    const context = page.context();
    const [pdl] = (await apiData<Pdl[]>(context, '/api/pdl')).filter((entry) => entry.usage_point_id === PRM);
    const [rolling] = costPeriods(parisToday(new Date()), pdl?.activation_date ?? null);
    if (!rolling) {
      throw new Error('no period to price');
    }
    const cost = await apiData<CostsResponse>(context, `/api/costs/${PRM}?start=${rolling.start}&end=${rolling.end}`);
    expect(cost.offer.key).toBe('edf:tarif-bleu:HC_HP');

    await page.goto(`/consumption_euro?pdl=${PRM}`);
    await page.getByRole('heading', { level: 1, name: 'Consommation en euros' }).waitFor();
    const total = page.getByTestId('cost-total');
    await total.waitFor({ timeout: 120_000 });
    expect(plain(await total.innerText())).toBe(frenchEuros(cost.total_eur));
    expect(plain(await page.getByTestId('cost-energy').innerText())).toBe(frenchEuros(cost.energy_eur));
    expect(plain(await page.getByTestId('cost-subscription').innerText())).toBe(frenchEuros(cost.subscription_eur));
    expect(await page.getByTestId('cost-offer').innerText()).toContain('EDF — Tarif Bleu');
    for (const band of cost.bands) {
      expect(plain(await page.getByTestId(`band-${band.band}`).innerText())).toContain(frenchEuros(band.energy_eur));
    }
    // Estimates are shown with their reason, price changes are named, partial months keyed.
    if (cost.estimates.length > 0) {
      expect(await page.getByTestId('cost-estimates').getByRole('listitem').count()).toBe(cost.estimates.length);
    }
    if (cost.price_records.length > 1) {
      await page.getByTestId('price-changes').waitFor();
    }
    if (cost.months.some((month) => isPartialMonth(month))) {
      await page.getByTestId('partial-legend').first().waitFor();
    }

    // The month table downloads as CSV with one line per month the API priced.
    const months = page.getByRole('region', { name: 'Mois par mois' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      months.getByRole('button', { name: 'Télécharger « Mois par mois » au format CSV' }).click(),
    ]);
    const csv = (await readFile((await download.path()) ?? '', 'utf8')).trim().split(/\r?\n/);
    expect(csv.length).toBe(cost.months.length + 1);
    await context.close();
  });

  it('ranks every offer in the simulator as the API does, shows an offer’s prices, runs a power what-if and prints a clean report', async () => {
    const page = await signedInPage();
    const context = page.context();
    const [pdl] = (await apiData<Pdl[]>(context, '/api/pdl')).filter((entry) => entry.usage_point_id === PRM);
    const [rolling] = costPeriods(parisToday(new Date()), pdl?.activation_date ?? null);
    if (!rolling) {
      throw new Error('no period to price');
    }
    const ask = async (power?: number) => {
      const response = await context.request.post('/api/simulator', {
        data: { usage_point_id: PRM, start: rolling.start, end: rolling.end, ...(power ? { power_kva: power } : {}) },
      });
      expect(response.status(), await response.text()).toBe(200);
      return ((await response.json()) as { data: SimulatorResponse }).data;
    };
    const expected = await ask();
    expect(expected.offers.length).toBeGreaterThan(1);

    await page.goto(`/simulator?pdl=${PRM}`);
    const ranking = page.getByTestId('simulator-ranking');
    await ranking.waitFor({ timeout: 120_000 });
    const rows = ranking.getByTestId('simulator-row');
    expect(await rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-key')))).toEqual(
      expected.offers.map((offer) => offer.offer.key),
    );
    const first = expected.offers[0];
    expect(plain(await rows.first().innerText())).toContain(frenchEuros(first?.total_eur ?? 0));
    await page.getByTestId('simulator-current').getByText('EDF — Tarif Bleu').waitFor();
    const current = rows.filter({ hasText: 'offre actuelle' });
    expect(await current.getAttribute('data-key')).toBe('edf:tarif-bleu:HC_HP');

    // An offer's detail lists the price records it used.
    await rows
      .first()
      .getByRole('button', { name: /^Détail de / })
      .click();
    const records = ranking.getByRole('table', { name: 'Grilles de prix utilisées pour la période' });
    await records.waitFor();
    expect(await records.locator('tbody tr').count()).toBe(first?.price_records.length);

    // Power what-if: 9 kVA instead of the meter's 12.
    const nine = await ask(9);
    await page.getByLabel('Puissance souscrite').selectOption({ label: '9 kVA' });
    await page.getByRole('button', { name: 'Comparer' }).click();
    await page.getByRole('heading', { name: /, 9 kVA$/ }).waitFor({ timeout: 120_000 });
    expect(await rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-key')))).toEqual(
      nine.offers.map((offer) => offer.offer.key),
    );

    // Print media: the controls and the site navigation are left out, the ranking stays.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('form', { name: 'Paramètres de la simulation' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimer le rapport' }).isVisible()).toBe(false);
    expect(await page.locator('header').first().isVisible()).toBe(false);
    expect(await page.locator('footer').first().isVisible()).toBe(false);
    expect(await ranking.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('form', { name: 'Paramètres de la simulation' }).isVisible()).toBe(true);
    await context.close();
  });

  it('hides the offer choice from the read-only demo account', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const demoServer = await startServer({ DEMO_ENABLED: 'true' });
    try {
      const context = await frenchContext(browser, demoServer.baseUrl);
      expect((await context.request.post('/api/accounts/demo')).status()).toBe(200);
      const page = await context.newPage();
      await page.goto('/dashboard');
      await page.getByRole('article').first().waitFor({ timeout: 60_000 });
      expect(await page.getByRole('region', { name: 'Offre d’électricité' }).count()).toBe(0);
      await context.close();
    } finally {
      await demoServer.stop();
    }
  });

  it('browses providers and offers without an account, with each offer’s price history', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    const all = await apiData<EnergyOffer[]>(context, '/api/energy/offers?include_history=true');
    const history = all
      .filter((record) => record.series_key === 'edf:tarif-bleu:BASE:6')
      .sort((left, right) => right.valid_from.localeCompare(left.valid_from));
    expect(history.length).toBeGreaterThan(1);

    const page = await context.newPage();
    await page.goto('/offers');
    await page.getByRole('heading', { level: 1, name: 'Offres d’électricité' }).waitFor();
    await page.getByRole('link', { name: 'Offres', exact: true }).first().waitFor();
    await page.getByLabel('Fournisseur').selectOption({ label: 'EDF' });
    await page.getByLabel('Option').selectOption({ label: 'Base' });
    const card = page.getByTestId('offer-edf:tarif-bleu:BASE');
    const latest = history[0];
    if (!latest) {
      throw new Error('no EDF Tarif Bleu Base at 6 kVA');
    }
    await card
      .locator('dl')
      .getByText(`${frenchEuros(latest.prices.base ?? 0, 4)} / kWh`)
      .waitFor();

    await card.locator('summary').getByText(`Historique des prix (${history.length} périodes)`).click();
    const table = card.getByRole('table', { name: 'Historique des prix de Tarif Bleu en 6 kVA' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(history.length);
    const firstRow = plain(await table.locator('tbody tr').first().innerText());
    expect(firstRow).toContain(frenchEuros(latest.prices.base ?? 0, 4));

    // Another power shows that power's prices.
    await page.getByLabel('Puissance souscrite').selectOption({ label: '9 kVA' });
    const nine = all.find((record) => record.series_key === 'edf:tarif-bleu:BASE:9' && record.valid_to === null);
    await card
      .locator('dl')
      .getByText(`${frenchEuros(nine?.subscription_price ?? 0, 4)} / mois`)
      .waitFor();
    await context.close();
  });

  it('fits a 375 px phone: the offers browser, the meter card’s offer form, the € page and the simulator', async () => {
    if (!server || !browser || !signedIn) {
      throw new Error('set-up failed');
    }
    const phone = await frenchContext(browser, server.baseUrl, {
      storageState: signedIn,
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    await page.goto('/offers');
    await page.getByTestId('offer-edf:tarif-bleu:BASE').waitFor();
    await page.getByTestId('offer-edf:tarif-bleu:BASE').locator('summary').click();
    expect(await horizontalOverflow(page), '/offers').toBeLessThanOrEqual(0);

    await page.goto('/dashboard');
    const offer = page
      .getByRole('article', { name: PRM, exact: true })
      .getByRole('region', { name: 'Offre d’électricité' });
    await offer.getByRole('button', { name: 'Changer d’offre' }).click();
    await offer.getByLabel('Fournisseur').waitFor();
    expect(await horizontalOverflow(page), '/dashboard').toBeLessThanOrEqual(0);

    await page.goto(`/consumption_euro?pdl=${PRM}`);
    await page.getByTestId('cost-total').waitFor({ timeout: 120_000 });
    await page.getByRole('region', { name: 'Mois par mois' }).locator('canvas').first().waitFor();
    expect(await horizontalOverflow(page), '/consumption_euro').toBeLessThanOrEqual(0);

    await page.goto(`/simulator?pdl=${PRM}`);
    await page.getByTestId('simulator-ranking').waitFor({ timeout: 120_000 });
    expect(await horizontalOverflow(page), '/simulator').toBeLessThanOrEqual(0);
    await phone.close();

    // The desktop header holds the two new pages without scrolling sideways.
    const desktop = await frenchContext(browser, server.baseUrl, { storageState: signedIn });
    const wide = await desktop.newPage();
    await wide.goto('/dashboard');
    await wide.getByRole('link', { name: 'Simulateur' }).first().waitFor();
    expect(await horizontalOverflow(wide), 'desktop header').toBeLessThanOrEqual(0);
    await desktop.close();
  });
});

import type { EnergyOffer, Pdl } from '@med/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('money in the web app: offer choice, offers browser', () => {
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

  it('fits a 375 px phone: the offers browser and the meter card’s offer form', async () => {
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
    await phone.close();
  });
});

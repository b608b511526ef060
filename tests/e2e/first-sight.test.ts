import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, frenchContext, launchBrowser, phoneContext } from './support/browser.ts';
import { expectPath, signUpAndLogIn, tickOnly, uniqueEmail } from './support/flows.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Sandbox client 3 of the Enedis emulator: one consumption meter and one production meter.
const METERS = ['12345678901234', '10284856584123'];
const KWH = /\d[\d\s\u202f\u00a0]*(,\d+)? kWh/;

const summaries = (page: Page) => page.getByRole('region', { name: 'Vos compteurs en un coup d’œil' });

/** The first meter's figures: yesterday, 7 days, this month, the comparison with last year, the sparkline. */
async function expectFigures(page: Page): Promise<void> {
  const card = summaries(page).getByRole('article').first();
  await card.getByText('Hier').waitFor({ timeout: 60_000 });
  await expect.poll(() => card.locator('dd').first().textContent(), { timeout: 60_000 }).toMatch(KWH);
  await card.getByText('7 derniers jours').waitFor();
  await card.getByText('Ce mois-ci').waitFor();
  await expect.poll(() => card.getByTestId('year-comparison').textContent()).toMatch(/^Mêmes jours en \d{4} : /);
  await card.getByRole('img', { name: 'Les 30 derniers jours, jour par jour' }).waitFor();
  expect(await card.locator('polyline').count()).toBeGreaterThan(0);
}

describe('first sight: figures before forms, one notice at a time, the demo in one click', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ DEMO_ENABLED: 'true' }), launchBrowser()]);
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await server?.stop();
  });

  it('the demo lands on data in one click and shows no control it cannot use', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Essayer la démo' }).first().click();
    await expectPath(page, '/dashboard');
    await expectFigures(page);
    await page.getByRole('heading', { name: 'Résidence principale', level: 3 }).first().waitFor();
    for (const name of ['Renommer', 'Supprimer', 'Ajouter', /^Monter /, /^Descendre /]) {
      expect(await page.getByRole('button', { name }).count(), String(name)).toBe(0);
    }
    expect(await page.getByRole('switch').count()).toBe(0);
    expect(await page.getByLabel('Numéro de PDL (14 chiffres)').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Donner mon consentement sur le site d’Enedis' }).count()).toBe(0);

    // Settings: what the demo may read (usage, client id, preferences) and no button that would fail.
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Paramètres', level: 1 }).waitFor();
    await page.getByText('Compte de démonstration', { exact: false }).first().waitFor();
    for (const name of ['Générer un nouveau secret', 'Changer le mot de passe', 'Supprimer définitivement']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    expect(await page.getByRole('switch').count()).toBe(0);
    expect(await page.locator('button:disabled, input:disabled').count()).toBe(0);
    await context.close();
  });

  it('a new account is signed in by the sign-up; after consent, one notice at a time, each dismissible', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signUpAndLogIn(page, uniqueEmail('first-sight'));
    // A fresh account: the e-mail reminder alone, and the consent as the way in.
    const notices = page.getByTestId('dashboard-notices');
    await notices.getByText('Votre adresse e-mail n’est pas encore confirmée', { exact: false }).waitFor();
    expect(await notices.locator(':scope > *').count()).toBe(1);

    await page.getByRole('button', { name: 'Donner mon consentement sur le site d’Enedis' }).click();
    await expectPath(page, '/dataconnect/v1/oauth2/authorize');
    await tickOnly(page, METERS);
    await page.getByRole('button', { name: 'Autoriser le partage' }).click();
    await expectPath(page, '/dashboard');

    // The consent result and the e-mail reminder both apply: only the first shows; closing it shows the next.
    await notices.getByText('Consentement enregistré').waitFor();
    expect(await notices.getByText('Votre adresse e-mail n’est pas encore confirmée', { exact: false }).count()).toBe(
      0,
    );
    expect(await notices.locator(':scope > *').count()).toBe(1);
    await notices.getByRole('button', { name: 'Fermer ce message' }).click();
    await notices.getByText('Votre adresse e-mail n’est pas encore confirmée', { exact: false }).waitFor();
    await notices.getByRole('button', { name: 'Fermer ce message' }).click();
    await expect.poll(() => notices.locator(':scope > *').count()).toBe(0);
    // Closed for this session: a reload keeps it closed.
    await page.reload();
    await page.getByRole('heading', { name: 'Tableau de bord', level: 1 }).waitFor();
    expect(await notices.locator(':scope > *').count()).toBe(0);

    // On a phone, the figures come first: above the fold, before the consent and add-meter forms.
    const phone = await phoneContext(browser, server.baseUrl);
    await phone.addCookies(await context.cookies());
    const phonePage = await phone.newPage();
    await phonePage.goto('/dashboard');
    await expectFigures(phonePage);
    const top = async (locator: ReturnType<Page['locator']>) => (await locator.boundingBox())?.y ?? Number.NaN;
    const figuresAt = await top(summaries(phonePage));
    expect(figuresAt).toBeLessThan(phonePage.viewportSize()?.height ?? 0);
    expect(figuresAt).toBeLessThan(await top(phonePage.getByRole('region', { name: 'Consentement Enedis' })));
    expect(figuresAt).toBeLessThan(
      await top(phonePage.getByRole('heading', { name: 'Ajouter un point de livraison' })),
    );
    await phone.close();
    await context.close();
  });

  it('Settings explains what the API secret is for, next to the credentials', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signUpAndLogIn(page, uniqueEmail('secret-help'));
    await page.goto('/settings');
    const help = page.getByRole('region', { name: 'À quoi sert le secret client ?' });
    await help.getByText('Authorization: Bearer <client_secret>', { exact: false }).waitFor();
    await help.getByText('POST /api/accounts/token', { exact: false }).waitFor();
    await help.getByRole('link', { name: 'Exemples et documentation de l’API' }).click();
    await expectPath(page, '/api-docs');
    await context.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, frenchContext, horizontalOverflow, launchBrowser } from './support/browser.ts';
import { expectPath, PASSWORD, signUpAndLogIn, tickOnly, uniqueEmail } from './support/flows.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Sandbox client 0 (complete consumption data) and client 8, whose consent Enedis refuses on every read.
const NORMAL_PRM = '22516914714270';
const REVOKED_PRM = '26584978546985';

/** A date as the French pages write it ("2 décembre 2026"), in Paris time like the browser context. */
function frenchDate(date: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(date);
}

function threeYearsAfter(date: Date): Date {
  const later = new Date(date);
  later.setUTCFullYear(later.getUTCFullYear() + 3);
  return later;
}

async function logIn(browser: Browser, baseUrl: string, email: string, width?: number): Promise<Page> {
  const context = await frenchContext(browser, baseUrl, width ? { viewport: { width, height: 800 } } : {});
  expect((await context.request.post('/api/accounts/login', { data: { email, password: PASSWORD } })).status()).toBe(
    200,
  );
  return context.newPage();
}

describe('consent states in the browser', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const email = uniqueEmail('consent-states');
  let consentedAt = new Date();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await server?.stop();
  });

  it('shows a meter Enedis refuses as revoked with a renew action, and never selects it by default', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signUpAndLogIn(page, email);

    // One visit to Enedis for both meters: the server binds them, then Enedis refuses every read of one.
    await page.getByRole('button', { name: 'Donner mon consentement sur le site d’Enedis' }).click();
    await expectPath(page, '/dataconnect/v1/oauth2/authorize');
    consentedAt = new Date();
    await tickOnly(page, [NORMAL_PRM, REVOKED_PRM]);
    await page.getByRole('button', { name: 'Autoriser le partage' }).click();
    await expectPath(page, '/dashboard');
    const params = new URL(page.url()).searchParams;
    expect(params.get('consent_success')).toBe('true');
    expect(params.get('consent_error')).toBe('consent_refused');
    expect(params.get('pdl_count')).toBe('1');

    // The dashboard explains it: one meter in, one refused by Enedis and shown revoked.
    await page.getByText('1 point de livraison autorisé (dont 1 ajouté à votre compte)', { exact: false }).waitFor();
    await page.getByText('Certains compteurs n’ont pas été autorisés').waitFor();
    await page
      .getByText('1 point de livraison n’a pas été autorisé : Enedis ne détient aucun consentement valide pour lui', {
        exact: false,
      })
      .waitFor();

    // The revoked meter says so in words, offers the renew action, and is never "Actif".
    const revokedCard = page.getByRole('article', { name: REVOKED_PRM, exact: true });
    const normalCard = page.getByRole('article', { name: NORMAL_PRM, exact: true });
    await revokedCard.getByText(`Consentement révoqué le ${frenchDate(consentedAt)}`).waitFor();
    await revokedCard.getByText('Enedis ne nous autorise plus à lire ce compteur', { exact: false }).waitFor();
    await revokedCard.getByRole('button', { name: 'Renouveler le consentement' }).waitFor();
    expect(await revokedCard.getByText('Actif', { exact: true }).count()).toBe(0);
    expect(await revokedCard.getByRole('link', { name: 'Voir la consommation' }).count()).toBe(0);
    expect(await revokedCard.getByRole('button', { name: 'Actualiser le contrat' }).count()).toBe(0);

    // The other one is active, with its consent's end date, and no renew action.
    await normalCard.getByText('Actif', { exact: true }).waitFor();
    await normalCard.getByText(`valable jusqu’au ${frenchDate(threeYearsAfter(consentedAt))}`).waitFor();
    expect(await normalCard.getByRole('button', { name: 'Renouveler le consentement' }).count()).toBe(0);

    // The server refuses the revoked meter's data without asking Enedis.
    const refused = await context.request.get(`/api/enedis/consumption/daily/${REVOKED_PRM}`, {
      params: { start: '2024-01-01', end: '2024-01-08', use_cache: 'true' },
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('CONSENT_REVOKED');

    // Consumption: the meter with a live consent is chosen, the revoked one is listed with its state.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Consommation' })
      .click();
    await expectPath(page, '/consumption');
    const picker = page.getByLabel('Point de livraison');
    expect(await picker.inputValue()).toBe(NORMAL_PRM);
    expect(await picker.locator(`option[value="${REVOKED_PRM}"]`).innerText()).toBe(
      `${REVOKED_PRM} — consentement révoqué`,
    );
    await page.getByTestId('rolling-total').waitFor({ timeout: 60_000 });

    // Picked on purpose: the refusal and the renew action instead of charts.
    await picker.selectOption(REVOKED_PRM);
    const blocked = page.getByTestId('consent-blocked');
    await blocked.getByText(`Données indisponibles : ${REVOKED_PRM}`).waitFor();
    await blocked
      .getByText('Le consentement Enedis de ce point de livraison a été révoqué', { exact: false })
      .waitFor();
    expect(await page.getByTestId('rolling-total').count()).toBe(0);
    expect(await page.locator('canvas').count()).toBe(0);

    // Renewing is the same trip to Enedis as the first consent.
    await blocked.getByRole('button', { name: 'Renouveler le consentement' }).click();
    await expectPath(page, '/dataconnect/v1/oauth2/authorize');

    await context.close();
  });

  it('lists that consent in the history, with its date, an expiry three years later and how each meter stands', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const page = await logIn(browser, server.baseUrl, email);
    await page.goto('/dashboard');
    const history = page.getByRole('region', { name: 'Historique de mes consentements' });
    const visit = history.getByRole('article', { name: `Consentement du ${frenchDate(consentedAt)}` });
    await visit.waitFor();
    expect(await history.getByRole('article').count()).toBe(1);
    await visit.getByText(`Échéance : ${frenchDate(threeYearsAfter(consentedAt))}`).waitFor();

    const meters = visit
      .getByRole('list', { name: 'Compteurs autorisés lors de ce consentement' })
      .getByRole('listitem');
    expect(await meters.count()).toBe(2);
    const normal = meters.filter({ hasText: NORMAL_PRM });
    const revoked = meters.filter({ hasText: REVOKED_PRM });
    await normal.getByText('Actif', { exact: true }).waitFor();
    await revoked.getByText('Révoqué', { exact: true }).waitFor();
    await revoked.getByText(`Révoqué chez Enedis le ${frenchDate(consentedAt)}`).waitFor();

    await page.context().close();
  });

  it('warns on the dashboard 30 days before a consent ends, with the meter, the date and the renew action', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const page = await logIn(browser, server.baseUrl, email);
    // The consent was given today: move its end 10 days ahead in the server's answer, as in 3 years.
    const endsAt = new Date(Date.now() + 10 * 86_400_000);
    await page.route('**/api/pdl', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { data: { usage_point_id: string; consent_expires_at: string | null }[] };
      for (const pdl of body.data) {
        if (pdl.usage_point_id === NORMAL_PRM) {
          pdl.consent_expires_at = endsAt.toISOString();
        }
      }
      await route.fulfill({ response, json: body });
    });
    await page.goto('/dashboard');
    const notice = page.getByRole('region', { name: 'Votre consentement Enedis arrive bientôt à échéance' });
    await notice.getByText(`${NORMAL_PRM} : expire le ${frenchDate(endsAt)}`).waitFor();
    expect(await notice.getByRole('listitem').count()).toBe(1);
    await notice.getByRole('button', { name: 'Renouveler le consentement' }).waitFor();

    await page.context().close();
  });

  it('fits a 375 px phone screen on the dashboard and on the refused meter', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const page = await logIn(browser, server.baseUrl, email, 375);
    await page.goto('/dashboard');
    await page
      .getByRole('article', { name: REVOKED_PRM, exact: true })
      .getByRole('button', { name: 'Renouveler le consentement' })
      .waitFor();
    await page.getByRole('region', { name: 'Historique de mes consentements' }).getByRole('article').first().waitFor();
    expect(await horizontalOverflow(page), '/dashboard').toBeLessThanOrEqual(0);

    await page.goto(`/consumption?pdl=${REVOKED_PRM}`);
    await page.getByTestId('consent-blocked').getByRole('button', { name: 'Renouveler le consentement' }).waitFor();
    expect(await horizontalOverflow(page), '/consumption').toBeLessThanOrEqual(0);

    await page.context().close();
  });
});

import type { CostsResponse, Pdl, SyncStatusResponse } from '@med/contracts';
import { parisToday } from '@med/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costPeriods } from '../../apps/web/src/features/costs/costView.ts';
import { closeBrowser, frenchContext, horizontalOverflow, launchBrowser } from './support/browser.ts';
import { CLIENT_METERS, startClientStack, type ClientStack } from './support/client.ts';
import { expectPath } from './support/flows.ts';

/** The digits of a formatted number ("1 095" with a narrow no-break space in French). */
function digits(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}

/** A French amount as Intl writes it (narrow no-break spaces normalised to plain spaces for matching). */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const frenchEuros = (value: number) =>
  plain(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }).format(value));

async function apiData<T>(context: BrowserContext, path: string): Promise<T> {
  const response = await context.request.get(path);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { data: T }).data;
}

async function syncStatus(page: Page): Promise<SyncStatusResponse> {
  const response = await page.request.get('/api/sync/status');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: SyncStatusResponse }).data;
}

/** A customer-area daily export ("Energie journaliere", Wh) for the consumption meter, from its data lines. */
function dailyExport(lines: string[]): string {
  return [
    'Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite',
    `${CLIENT_METERS.consumption};Energie journaliere;01/01/2022;10/01/2022;Energie active;Consommation;Comptage Brut;Wh`,
    'Horodate;Valeur',
    ...lines,
    '',
  ].join('\r\n');
}

/**
 * The web app served by a real local client (SERVER_MODE=false) synced from a real gateway: no account
 * pages, the data pages open without a session, the Sync page follows a first sync to its end with the
 * stored counts, "sync now" per meter, and the history import with a faulty file then good ones.
 */
describe('client mode in the browser', () => {
  let browser: Browser | undefined;
  let stack: ClientStack | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    stack = await startClientStack(browser);
  });
  afterAll(async () => {
    await stack?.stop();
    await closeBrowser(browser);
  });

  async function clientPage(): Promise<Page> {
    if (!browser || !stack) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, stack.client.baseUrl);
    return context.newPage();
  }

  it('has no landing, account or admin pages, and opens the data pages without a session', async () => {
    const page = await clientPage();
    await page.goto('/');
    await expectPath(page, '/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toEqual([
      'Tableau de bord',
      'Consommation',
      'Coûts (€)',
      'Production',
      'Bilan',
      'Simulateur',
      'Tempo',
      'EcoWatt',
      'France',
      'Synchronisation',
      'Exporteurs',
    ]);
    // The full header still fits at 1280 px; the offers browser is in the footer.
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Offres' }).waitFor();
    for (const name of ['Connexion', 'Créer un compte', 'Paramètres', 'Déconnexion', 'Administration']) {
      await expect(page.getByRole('link', { name }).count(), name).resolves.toBe(0);
      await expect(page.getByRole('button', { name }).count(), name).resolves.toBe(0);
    }
    // The gateway link, as the client's monitor sees it.
    await page.getByText('Connectée').waitFor();
    await page.getByText(`Adresse : ${stack?.gateway.baseUrl ?? ''}/api`).waitFor();

    // Account pages lead to the dashboard; data pages open as they are (no redirect to /login).
    for (const path of ['/login', '/signup', '/settings', '/forgot-password']) {
      await page.goto(path);
      await expectPath(page, '/dashboard');
    }
    for (const [path, heading] of [
      ['/consumption', 'Consommation'],
      ['/production', 'Production'],
      ['/sync', 'Synchronisation'],
      ['/import', 'Importer un historique'],
      ['/consumption_euro', 'Consommation en euros'],
      ['/simulator', 'Simulateur d’offres'],
      ['/offers', 'Offres d’électricité'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(new URL(page.url()).pathname).toBe(path);
    }
    await page.context().close();
  });

  it('follows a first sync on the Sync page to its end, with the stored counts, then syncs one meter', async () => {
    const page = await clientPage();
    await page.goto('/sync');
    await page.getByRole('heading', { level: 1, name: 'Synchronisation' }).waitFor();
    await page.getByText('Aucun compteur pour l’instant').waitFor();
    const progress = page.getByTestId('sync-progress');

    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    // Live, from the event stream: the run is seen going on, then ending.
    await page.getByText('Synchronisation en cours').waitFor();
    await progress
      .getByText(/Consommation quotidienne|Courbe de charge|Puissance maximale|liste des compteurs/)
      .first()
      .waitFor();
    await progress.getByText('Synchronisation terminée').waitFor({ timeout: 170_000 });
    await page.getByText('Aucune synchronisation en cours').waitFor();

    const status = await syncStatus(page);
    expect(status.running).toBe(false);
    expect(status.meters.map((meter) => meter.usage_point_id).sort()).toEqual(Object.values(CLIENT_METERS).sort());
    let stored = 0;
    for (const meter of status.meters) {
      const card = page.getByRole('region', { name: meter.name ?? meter.usage_point_id });
      for (const dataset of meter.datasets.filter((entry) => entry.records !== null)) {
        const shown = card.locator(`li[data-dataset="${dataset.dataset}"]`);
        await expect(shown.getByTestId('records').textContent().then(digits)).resolves.toBe(dataset.records);
        await shown
          .getByText('À jour')
          .or(shown.getByText('Partiel', { exact: false }))
          .waitFor();
        stored += dataset.records ?? 0;
      }
    }
    // Three years of daily values at least, and everything stored was written by this run.
    const daily = status.meters
      .flatMap((meter) => meter.datasets)
      .find((dataset) => dataset.dataset === 'consumption_daily');
    expect(daily?.records ?? 0).toBeGreaterThan(1000);
    const written = await progress.locator('p').nth(1).textContent();
    expect(digits(written?.split('enregistrements')[0] ?? '')).toBe(stored);

    // "Sync now" for one meter: a second run, which has nothing left to fetch.
    const consumption = status.meters.find((meter) => meter.usage_point_id === CLIENT_METERS.consumption);
    const card = page.getByRole('region', { name: consumption?.name ?? CLIENT_METERS.consumption });
    await card.getByRole('button', { name: 'Synchroniser ce compteur' }).click();
    await progress.getByText('Synchronisation terminée').waitFor();
    await page.getByText('Aucune synchronisation en cours').waitFor();
    expect((await syncStatus(page)).last_progress?.type).toBe('finished');

    // The dashboard lists the meters from the local store.
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('heading', { level: 3, name: consumption?.name ?? CLIENT_METERS.consumption }).waitFor();
    await page.getByText('Dernière synchronisation', { exact: false }).first().waitFor();
    await page.context().close();
    // A first sync of two meters waits on the gateway's Enedis pace: minutes on a loaded machine.
  }, 240_000);

  it('syncs the offers from the gateway, chooses the meter’s offer on the dashboard, and shows its euros as the local API does', async () => {
    const page = await clientPage();
    const context = page.context();
    const synced = await context.request.post('/api/sync/offers/now');
    expect(synced.status(), await synced.text()).toBe(200);
    const [pdl] = (await apiData<Pdl[]>(context, '/api/pdl')).filter(
      (entry) => entry.usage_point_id === CLIENT_METERS.consumption,
    );
    expect(pdl?.selected_offer_id).toBeNull();

    await page.goto('/dashboard');
    const offer = page
      .getByRole('listitem')
      .filter({ hasText: `PDL ${CLIENT_METERS.consumption}` })
      .getByRole('region', { name: 'Offre d’électricité' });
    await offer.getByRole('button', { name: 'Choisir l’offre' }).click();
    await offer
      .getByLabel('Offre', { exact: true })
      .selectOption({ label: 'Tarif Bleu (Heures creuses / heures pleines)' });
    await offer.getByRole('button', { name: 'Enregistrer' }).click();
    await offer.getByText('Offre enregistrée.').waitFor();
    const [saved] = (await apiData<Pdl[]>(context, '/api/pdl')).filter(
      (entry) => entry.usage_point_id === CLIENT_METERS.consumption,
    );
    expect(saved?.selected_offer_id).not.toBeNull();

    const [rolling] = costPeriods(parisToday(new Date()), saved?.activation_date ?? null);
    if (!rolling) {
      throw new Error('no period to price');
    }
    const cost = await apiData<CostsResponse>(
      context,
      `/api/costs/${CLIENT_METERS.consumption}?start=${rolling.start}&end=${rolling.end}`,
    );
    expect(cost.offer.key).toBe('edf:tarif-bleu:HC_HP');
    expect(cost.total_eur).toBeGreaterThan(0);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Coûts (€)' })
      .click();
    await expectPath(page, '/consumption_euro');
    await page.getByRole('heading', { level: 1, name: 'Consommation en euros' }).waitFor();
    const total = page.getByTestId('cost-total');
    await total.waitFor({ timeout: 60_000 });
    expect(plain(await total.innerText())).toBe(frenchEuros(cost.total_eur));
    expect(plain(await page.getByTestId('cost-energy').innerText())).toBe(frenchEuros(cost.energy_eur));
    expect(plain(await page.getByTestId('cost-subscription').innerText())).toBe(frenchEuros(cost.subscription_eur));
    expect(await page.getByTestId('cost-offer').innerText()).toContain('EDF — Tarif Bleu');
    await context.close();
  });

  it('imports Enedis CSV files: line errors with their numbers, a refused file, then a good file', async () => {
    const page = await clientPage();
    await page.goto('/import');
    await page.getByLabel('Compteur').selectOption(CLIENT_METERS.consumption);
    const files = page.getByLabel('Fichiers CSV');

    // One readable file with a faulty line (line 5), and one that is no Enedis export at all.
    await files.setInputFiles([
      {
        name: 'faulty.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          dailyExport([
            '2022-01-01T00:00:00+01:00;12000',
            '2022-01-02T00:00:00+01:00;abc',
            '2022-01-03T00:00:00+01:00;11000',
          ]),
        ),
      },
      { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('nom;prénom\nDupont;Jean\n') },
    ]);
    await page.getByRole('button', { name: 'Importer' }).click();
    const results = page.getByRole('region', { name: 'Résultats' });
    const faulty = results.getByRole('status').filter({ hasText: 'faulty.csv' });
    await faulty.getByText('Fichier importé, certaines lignes ont été écartées').waitFor();
    await faulty.getByText('Ligne 5 : valeur qui n’est pas un nombre positif (valeur « abc »)').waitFor();
    await expect(faulty.locator('[data-count="added"]').textContent()).resolves.toBe('2');
    await expect(faulty.locator('[data-count="rejected"]').textContent()).resolves.toBe('1');
    const refused = results.getByRole('alert').filter({ hasText: 'notes.csv' });
    await refused.getByText('Fichier refusé, rien n’a été importé.', { exact: false }).waitFor();
    await refused.getByText('Format de fichier non reconnu').waitFor();

    // A good file: its new days are added, the one already imported is left as it is.
    const good = dailyExport(['2022-01-03T00:00:00+01:00;11000', '2022-01-04T00:00:00+01:00;10500']);
    await files.setInputFiles([{ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) }]);
    await page.getByRole('button', { name: 'Importer' }).click();
    const imported = results.getByRole('status').filter({ hasText: 'good.csv' });
    await imported.getByText('good.csv — Fichier importé').waitFor();
    await expect(imported.locator('[data-count="added"]').textContent()).resolves.toBe('1');
    await expect(imported.locator('[data-count="unchanged"]').textContent()).resolves.toBe('1');
    await imported.getByText('Du 3 janvier 2022 au 4 janvier 2022').waitFor();
    await page.context().close();
  });

  it('fits a 375-px phone: no sideways scrolling on the client pages', async () => {
    if (!browser || !stack) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, stack.client.baseUrl, {
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    for (const path of ['/dashboard', '/sync', '/import', '/consumption_euro', '/simulator', '/offers']) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      await page.getByText('Chargement…').waitFor({ state: 'detached' });
      expect(await horizontalOverflow(page), path).toBe(0);
    }
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    await page.locator('#mobile-menu').getByRole('link', { name: 'Synchronisation' }).click();
    await expectPath(page, '/sync');
    await context.close();
  });
});

import type { SyncStatusResponse } from '@med/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHaEmulator, type HaEmulator } from '../../apps/server/test/support/ha-emulator.ts';
import { startVictoriaMetrics, type RunningTsdb } from '../../apps/server/test/support/tsdb-servers.ts';
import { closeBrowser, frenchContext, horizontalOverflow, launchBrowser } from './support/browser.ts';
import { CLIENT_METERS, startClientStack, type ClientStack } from './support/client.ts';

/** The digits of a formatted number ("1 095" with a narrow no-break space in French). */
function digits(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}

/**
 * The exporter pages of a real local client synced from a real gateway: a VictoriaMetrics exporter made
 * through the form (validation messages, connection test, run with its report, read-back equal to the
 * store's counts, on the real `victoria-metrics`), and a Home Assistant exporter's statistics import
 * followed live to 100 % against the HA WebSocket emulator.
 */
describe('exporters in the browser (client mode)', () => {
  let browser: Browser | undefined;
  let stack: ClientStack | undefined;
  let victoria: RunningTsdb | undefined;
  let ha: HaEmulator | undefined;
  let status: SyncStatusResponse | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    [stack, victoria, ha] = await Promise.all([startClientStack(browser), startVictoriaMetrics(), startHaEmulator()]);
    const started = await fetch(`${stack.client.baseUrl}/api/sync/trigger`, { method: 'POST' });
    expect(started.status).toBe(202);
    for (;;) {
      status = ((await (await fetch(`${stack.client.baseUrl}/api/sync/status`)).json()) as { data: SyncStatusResponse })
        .data;
      if (!status.running) {
        break;
      }
      await new Promise((wait) => setTimeout(wait, 1_000));
    }
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
    await victoria?.stop();
    await ha?.close();
    await closeBrowser(browser);
  });

  async function clientPage(options: Parameters<typeof frenchContext>[2] = {}): Promise<Page> {
    if (!browser || !stack) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, stack.client.baseUrl, options);
    return context.newPage();
  }

  it('creates a VictoriaMetrics exporter through the form, tests it, runs it and reads back the store’s counts', async () => {
    const page = await clientPage();
    await page.goto('/dashboard');
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Exporteurs' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Exporteurs' }).waitFor();
    await page.getByText('Aucun exporteur pour l’instant').waitFor();
    await page.getByRole('link', { name: 'Ajouter : VictoriaMetrics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouvel exporteur : VictoriaMetrics' }).waitFor();

    // Checked with the contract's schema before anything is sent, in French.
    await page.getByRole('button', { name: 'Créer l’exporteur' }).click();
    await page.getByText('Corrigez les champs signalés.').waitFor();
    await page.getByLabel('Nom', { exact: true }).fill('Mon VictoriaMetrics');
    await page.getByLabel('URL').fill('victoria:8428');
    await page.getByRole('button', { name: 'Créer l’exporteur' }).click();
    await page.getByText('URL http:// ou https:// attendue.').waitFor();
    await page.getByLabel('URL').fill(victoria?.url ?? '');
    await page.getByRole('button', { name: 'Créer l’exporteur' }).click();
    await page.waitForURL(/\/exporters\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Mon VictoriaMetrics' }).waitFor();

    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    await page.getByText('Connexion réussie', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Exporter maintenant' }).click();
    await page.getByText('Export réussi', { exact: false }).waitFor({ timeout: 120_000 });

    const stored = (dataset: string) =>
      status?.meters
        .find((meter) => meter.usage_point_id === CLIENT_METERS.consumption)
        ?.datasets.find((entry) => entry.dataset === dataset)?.records ?? 0;
    const dailyRecords = stored('consumption_daily');
    expect(dailyRecords).toBeGreaterThan(1000);
    await expect(page.locator('[data-count="consumption_daily"]').textContent().then(digits)).resolves.toBe(
      dailyRecords,
    );

    // Read back from VictoriaMetrics: one sample per stored day in the daily series. VictoriaMetrics makes
    // fresh samples searchable within seconds, so the read-back is asked again until they are all there.
    const key = `electricity_consumption_value_wh{granularity="daily",usage_point_id="${CLIENT_METERS.consumption}"}`;
    let samples = 0;
    for (let attempt = 0; attempt < 20 && samples !== dailyRecords; attempt += 1) {
      if (attempt > 0) {
        await page.waitForTimeout(1_000);
      }
      await page.getByRole('button', { name: 'Relire la destination' }).click();
      await page.getByRole('button', { name: 'Lecture…' }).waitFor({ state: 'detached' });
      const row = page.getByTestId('read-back').getByRole('row').filter({ hasText: key });
      // Nothing searchable yet: no table at all (« Rien à la destination pour l’instant. »).
      samples = (await row.count()) > 0 ? digits(await row.getByRole('cell').nth(2).textContent()) : 0;
    }
    expect(samples).toBe(dailyRecords);

    // The list shows its last run and success.
    await page.getByRole('link', { name: 'Retour aux exporteurs' }).click();
    const card = page.locator('li[data-exporter="Mon VictoriaMetrics"]');
    await card.getByText('VictoriaMetrics', { exact: true }).waitFor();
    await card.getByText('Manuel').first().waitFor();
    await expect(card.getByText('Jamais').count()).resolves.toBe(0);
    await page.context().close();
  }, 240_000);

  it('imports a Home Assistant exporter’s statistics with live progress to 100 %, then lists them and clears them', async () => {
    const page = await clientPage();
    await page.goto('/exporters/new?type=home_assistant');
    await page.getByRole('heading', { level: 1, name: 'Nouvel exporteur : Home Assistant' }).waitFor();
    await page.getByLabel('Nom', { exact: true }).fill('Maison');
    await page.getByLabel('Broker MQTT (hôte)').fill('127.0.0.1');
    await page.getByLabel('Adresse de Home Assistant (statistiques Énergie)').fill(ha?.url ?? '');
    await page.getByLabel('Jeton d’accès longue durée').fill('admin-token');
    await page.getByRole('button', { name: 'Créer l’exporteur' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maison' }).waitFor();
    // The token is write-only: « enregistré », never shown again.
    await page.getByText('enregistré', { exact: true }).first().waitFor();
    await expect(page.getByLabel('Jeton d’accès longue durée', { exact: true }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Modifier : Jeton d’accès longue durée' }).waitFor();

    const panel = page.getByRole('region', { name: 'Statistiques Énergie de Home Assistant' });
    await panel.getByText('Aucune statistique de cet exporteur dans Home Assistant.').waitFor();
    await panel.getByLabel('Import complet').check();
    await panel.getByRole('button', { name: 'Lancer l’import' }).click();
    const progress = panel.getByTestId('ha-progress');
    await progress.waitFor();
    await progress.getByText(/^100 %/).waitFor({ timeout: 120_000 });
    const report = panel.getByTestId('ha-report');
    await report.getByText('Import terminé (complet)', { exact: false }).waitFor();
    const consumptionRows = digits((await report.textContent())?.split(':')[1]?.split('lignes')[0] ?? '');
    expect(consumptionRows).toBeGreaterThan(0);
    const ids = ha?.statisticIds() ?? [];
    expect(ids.some((id) => id.startsWith(`myelectricaldata:consumption_${CLIENT_METERS.consumption}`))).toBe(true);
    expect(ids.reduce((sum, id) => sum + (id.includes(':consumption_') ? (ha?.rows(id).length ?? 0) : 0), 0)).toBe(
      consumptionRows,
    );
    const held = panel.getByTestId('ha-held');
    for (const id of ids) {
      await held.getByRole('cell', { name: id, exact: true }).waitFor();
    }

    await panel.getByRole('button', { name: 'Effacer les statistiques' }).click();
    await panel.getByRole('button', { name: 'Confirmer l’effacement' }).click();
    await panel.getByText(`${ids.length} statistiques effacées.`).waitFor();
    await panel.getByText('Aucune statistique de cet exporteur dans Home Assistant.').waitFor();
    expect(ha?.statisticIds()).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('fits a 375-px phone: no sideways scrolling on the exporter pages', async () => {
    const page = await clientPage({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await page.goto('/exporters');
    await page.locator('li[data-exporter="Maison"] a').waitFor();
    expect(await horizontalOverflow(page), '/exporters').toBe(0);
    await page.locator('li[data-exporter="Maison"] a').click();
    await page.getByRole('heading', { level: 1, name: 'Maison' }).waitFor();
    await page.getByText('Chargement…').waitFor({ state: 'detached' });
    expect(await horizontalOverflow(page), '/exporters/:id').toBe(0);
    await page.goto('/exporters/new?type=influxdb&version=2');
    await page.getByRole('heading', { level: 1, name: 'Nouvel exporteur : InfluxDB 2.x / 3.x' }).waitFor();
    await page.getByLabel('Organisation').waitFor();
    expect(await horizontalOverflow(page), '/exporters/new').toBe(0);
    await page.context().close();
  });
});

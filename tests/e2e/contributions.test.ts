import type { EnergyOffer } from '@med/contracts';
import { parisToday } from '@med/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, frenchContext, launchBrowser } from './support/browser.ts';
import { PASSWORD, uniqueEmail } from './support/flows.ts';
import { mailedLink } from './support/mail.ts';
import { startServer, type RunningServer } from './support/server.ts';

const ADMIN = uniqueEmail('contrib-admin');
const CONTRIBUTOR = uniqueEmail('contributor');
const SERIES = 'edf:tarif-bleu:BASE:6';
const NEW_BASE = 0.2345;
const NEW_SUBSCRIPTION = 13.57;

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

async function apiData<T>(context: BrowserContext, path: string): Promise<T> {
  const response = await context.request.get(path);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { data: T }).data;
}

/** A signed-in page of a new account whose address is proved (the mailed link), as contributing requires. */
async function verifiedPage(browser: Browser, server: RunningServer, email: string): Promise<Page> {
  const context = await frenchContext(browser, server.baseUrl);
  expect((await context.request.post('/api/accounts/signup', { data: { email, password: PASSWORD } })).status()).toBe(
    201,
  );
  expect((await context.request.post('/api/accounts/login', { data: { email, password: PASSWORD } })).status()).toBe(
    200,
  );
  const page = await context.newPage();
  await page.goto(await mailedLink(server.dataDir, email, '/verify-email?token='));
  await page.getByText('Votre adresse e-mail est confirmée.').waitFor();
  return page;
}

async function currentRecord(context: BrowserContext): Promise<EnergyOffer> {
  const offers = await apiData<EnergyOffer[]>(context, '/api/energy/offers');
  const record = offers.find((offer) => offer.series_key === SERIES);
  if (!record) {
    throw new Error(`no record of ${SERIES} in force`);
  }
  return record;
}

describe('contributions in the browser: propose, question, answer, approve', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ ADMIN_EMAILS: ADMIN }), launchBrowser()]);
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await server?.stop();
  });

  it('a user proposes a new price, the moderator asks, the user answers, the moderator approves: the catalogue shows it', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const admin = await verifiedPage(browser, server, ADMIN);
    const user = await verifiedPage(browser, server, CONTRIBUTOR);
    const before = await currentRecord(user.context());
    expect(before.prices['base']).not.toBe(NEW_BASE);

    // The footer and the offers page lead to the contribute page.
    await user.goto('/offers');
    await user.getByRole('link', { name: 'Un prix manque ou n’est plus à jour ? Proposez-le.' }).click();
    await user.getByRole('heading', { level: 1, name: 'Proposer une offre ou un prix' }).waitFor();
    await user.getByRole('contentinfo').getByRole('link', { name: 'Proposer un prix' }).waitFor();

    // A price change of EDF Tarif Bleu Base 6 kVA, from today.
    await user.getByLabel('Fournisseur').selectOption({ label: 'EDF' });
    await user
      .getByLabel('Offre dont le prix change (option et puissance)')
      .selectOption({ label: `${before.name} · BASE · 6 kVA` });
    await user.getByLabel('Prix applicables à partir du').fill(parisToday(new Date()));
    await user.getByLabel('Abonnement (€ TTC par mois)').fill('13,57');
    const basePrice = user.getByLabel(/€ TTC \/ kWh/);
    await basePrice.fill('');
    const send = user.getByRole('button', { name: 'Envoyer la proposition' });
    // A price left empty is refused by the server, naming the field; nothing is recorded.
    await send.click();
    await user
      .getByRole('alert')
      .getByText(/Certaines informations sont invalides\. \(champ : power_variants\.0\./)
      .waitFor();
    await basePrice.fill('0,2345');
    // Without the price sheet a contributor is refused too (only moderators may omit it).
    await send.click();
    await user
      .getByRole('alert')
      .getByText(/\(champ : price_sheet_url\)/)
      .waitFor();
    await user.getByText('Vous n’avez encore rien proposé.').waitFor();
    await user.getByLabel('Lien de la grille tarifaire').fill('https://example.org/grille-edf.pdf');
    await send.click();
    await user.getByText(`Proposition « ${before.name} » envoyée : elle attend un modérateur.`).waitFor();
    await user.getByText('En attente', { exact: true }).waitFor();

    // The moderator sees it with the diff against the record in force, and asks a question.
    await admin.goto('/admin/contributions');
    await admin.getByRole('heading', { level: 1, name: 'Propositions à modérer' }).waitFor();
    await admin.getByText('1 proposition en attente.').waitFor();
    await admin.getByText(`proposée par ${CONTRIBUTOR}`, { exact: false }).waitFor();
    const diff = admin.getByRole('table', { name: new RegExp(`Changements de ${before.name}`) });
    const diffText = plain(await diff.innerText());
    expect(diffText).toContain('0,2345 €');
    expect(diffText).toContain('13,57 €');
    expect(diffText).toContain(
      plain(
        new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 4 }).format(
          before.prices['base'] ?? 0,
        ),
      ),
    );
    await admin.getByLabel('Question au contributeur').fill('La grille date-t-elle bien d’aujourd’hui ?');
    await admin.getByRole('button', { name: 'Poser la question' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Oui, envoyer' }).click();
    await admin.getByText(`Question envoyée à ${CONTRIBUTOR}.`).waitFor();

    // The contributor reads it and answers.
    await user.reload();
    await user.getByText('La grille date-t-elle bien d’aujourd’hui ?').waitFor();
    await user.getByLabel(`Votre réponse au modérateur (${before.name})`).fill('Oui, publiée ce matin.');
    await user.getByRole('button', { name: 'Répondre' }).click();
    await user.getByText('Réponse envoyée au modérateur.').waitFor();

    // The moderator sees the answer and approves, after confirming.
    await admin.reload();
    await admin.getByText('Oui, publiée ce matin.').waitFor();
    await admin.getByRole('button', { name: 'Accepter' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Oui, accepter' }).click();
    await admin.getByText(`« ${before.name} » acceptée : le catalogue est à jour.`).waitFor();
    await admin.getByText('Aucune proposition en attente.').waitFor();

    // The public catalogue serves the new price, and the previous record keeps its history.
    const after = await currentRecord(user.context());
    expect(after.prices['base']).toBe(NEW_BASE);
    expect(after.subscription_price).toBe(NEW_SUBSCRIPTION);
    expect(after.valid_from).toBe(parisToday(new Date()));
    const history = await apiData<EnergyOffer[]>(user.context(), '/api/energy/offers?include_history=true');
    expect(history.find((record) => record.id === before.id)?.valid_to).not.toBeNull();

    await user.goto('/offers');
    await user.getByLabel('Fournisseur').selectOption({ label: 'EDF' });
    await user.getByLabel('Option').selectOption({ label: 'Base' });
    await user.getByTestId('offer-edf:tarif-bleu:BASE').locator('dl').getByText('0,2345 € / kWh').waitFor();

    await user.goto('/contribute');
    await user.getByText('Acceptée', { exact: true }).waitFor();
  });
});

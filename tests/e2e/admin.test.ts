import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, frenchContext, horizontalOverflow, launchBrowser } from './support/browser.ts';
import { expectPath, PASSWORD, signUpAndLogIn, tickOnly, uniqueEmail } from './support/flows.ts';
import { mailedLink } from './support/mail.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The administrator comes from ADMIN_EMAILS (admin once the address is verified); the others sign up as visitors.
const ADMIN = uniqueEmail('admin');
const MODERATOR = uniqueEmail('moderator');
const VISITOR = uniqueEmail('visitor');
const DOOMED = uniqueEmail('doomed');
const INVITED = uniqueEmail('invited');

/** A browser context signed in as a fresh account created through the API. */
async function signedUp(browser: Browser, baseUrl: string, email: string): Promise<BrowserContext> {
  const context = await frenchContext(browser, baseUrl);
  const signup = await context.request.post('/api/accounts/signup', { data: { email, password: PASSWORD } });
  expect(signup.status()).toBe(201);
  const login = await context.request.post('/api/accounts/login', { data: { email, password: PASSWORD } });
  expect(login.status()).toBe(200);
  return context;
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });
const adminNav = (page: Page) => page.getByRole('navigation', { name: 'Pages d’administration' });

/** The user's row in the users table, found by searching their address, with its actions opened. */
async function openUser(page: Page, email: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Rechercher par adresse e-mail' }).fill(email);
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await page.getByText('1 utilisateur', { exact: true }).waitFor();
  await page.getByRole('button', { name: `Gérer ${email}` }).click();
}

describe('the Admin area in the browser', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let admin: Page | undefined;

  beforeAll(async () => {
    // LOG_LEVEL=info: every request is logged, so the log viewer has records to show.
    [server, browser] = await Promise.all([startServer({ ADMIN_EMAILS: ADMIN, LOG_LEVEL: 'info' }), launchBrowser()]);
    const context = await signedUp(browser, server.baseUrl, ADMIN);
    admin = await context.newPage();
    // ADMIN_EMAILS grants the role only to an address its owner proved: follow the mailed link.
    await admin.goto(await mailedLink(server.dataDir, ADMIN, '/verify-email?token='));
    await admin.getByText('Votre adresse e-mail est confirmée.').waitFor();
    for (const email of [MODERATOR, VISITOR, DOOMED]) {
      await (await signedUp(browser, server.baseUrl, email)).close();
    }
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await server?.stop();
  });

  it('shows the administrator the overview: user figures, the calls chart and the top users', async () => {
    if (!admin) {
      throw new Error('set-up failed');
    }
    await admin.goto('/dashboard');
    await mainNav(admin).getByRole('link', { name: 'Admin' }).click();
    await admin.getByRole('heading', { name: 'Vue d’ensemble', level: 1 }).waitFor();
    for (const section of [
      'Vue d’ensemble',
      'Utilisateurs',
      'Propositions',
      'Rôles',
      'Journaux',
      'Caches',
      'RTE',
      'Compteurs partagés',
    ]) {
      await adminNav(admin).getByRole('link', { name: section, exact: true }).waitFor();
    }
    // Four accounts: the administrator and the three visitors of the set-up.
    const users = admin.locator('section', { has: admin.getByRole('heading', { name: 'Utilisateurs', level: 2 }) });
    await expect(users.locator('dd').first().textContent()).resolves.toBe('4');
    // No metering call yet today: the tables say so rather than showing empty grids.
    const top = admin.locator('section', {
      has: admin.getByRole('heading', { name: 'Plus gros consommateurs du jour' }),
    });
    await top.getByText('Aucun appel aujourd’hui.').waitFor();
    const chart = admin.getByRole('img', { name: /^Graphique des appels par jour sur 30 jours/ });
    await chart.waitFor();
    expect(await chart.locator('canvas').count()).toBe(1);
    await admin.getByRole('button', { name: 'Télécharger « Appels par jour (30 jours) » au format CSV' }).waitFor();
  });

  it('lets the administrator search users, act on them with confirmation, and change a role', async () => {
    if (!admin) {
      throw new Error('set-up failed');
    }
    await admin.goto('/admin/users');
    await admin.getByRole('heading', { name: 'Utilisateurs', level: 1 }).waitFor();
    await admin.getByText('4 utilisateurs', { exact: true }).waitFor();

    // Give the moderator role: the success message names it.
    await openUser(admin, MODERATOR);
    await admin.getByRole('combobox', { name: 'Rôle', exact: true }).selectOption({ label: 'Modérateur' });
    await admin.getByRole('button', { name: 'Changer le rôle' }).click();
    await admin.getByText(`${MODERATOR} a maintenant le rôle Modérateur.`).waitFor();
    await admin.getByRole('cell', { name: 'Modérateur', exact: true }).waitFor();

    // Reset the quota: no question, a message.
    await admin.getByRole('button', { name: 'Remettre les quotas du jour à zéro' }).click();
    await admin.getByText(`Quotas du jour de ${MODERATOR} remis à zéro.`).waitFor();

    // Clearing the cache asks first; "Annuler" does nothing, "Oui" says how many entries went.
    await admin.getByRole('button', { name: 'Vider son cache' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Vider son cache' });
    await dialog.getByText(`Toutes les données en cache de ${MODERATOR} seront supprimées`, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.getByRole('button', { name: 'Vider son cache' }).click();
    await dialog.getByRole('button', { name: 'Oui, continuer' }).click();
    await admin
      .getByText(new RegExp(`^\\d+ entrées? du cache de ${MODERATOR.replace(/[.+]/g, '\\$&')} supprimées?\\.$`))
      .waitFor();

    // Deactivating asks first, then the row says so; reactivating does not ask.
    await openUser(admin, VISITOR);
    await admin.getByRole('button', { name: 'Désactiver le compte' }).click();
    await admin
      .getByRole('dialog', { name: 'Désactiver le compte' })
      .getByRole('button', { name: 'Oui, continuer' })
      .click();
    await admin.getByText(`Compte ${VISITOR} désactivé.`).waitFor();
    await admin.getByText('Désactivé', { exact: true }).waitFor();
    expect((await fetch(`${server?.baseUrl}/api/admin/users`)).status).toBe(401);
    await admin.getByRole('button', { name: 'Réactiver le compte' }).click();
    await admin.getByText(`Compte ${VISITOR} réactivé.`).waitFor();

    // Deleting asks first; the account is then gone from the list.
    await openUser(admin, DOOMED);
    await admin.getByRole('button', { name: 'Supprimer le compte' }).click();
    await admin
      .getByRole('dialog', { name: 'Supprimer le compte' })
      .getByRole('button', { name: 'Oui, continuer' })
      .click();
    await admin.getByText(`Compte ${DOOMED} supprimé avec ses compteurs et son cache.`).waitFor();
    await admin.getByText('Aucun utilisateur ne correspond.').waitFor();

    // Their own row offers neither deactivation nor deletion nor a role change.
    await openUser(admin, ADMIN);
    await admin.getByRole('button', { name: 'Vider son cache' }).waitFor();
    expect(await admin.getByRole('button', { name: 'Supprimer le compte' }).count()).toBe(0);
    expect(await admin.getByRole('button', { name: 'Désactiver le compte' }).count()).toBe(0);
    expect(await admin.getByRole('combobox', { name: 'Rôle', exact: true }).count()).toBe(0);
  });

  it('keeps system roles read-only and creates, edits and deletes a custom role', async () => {
    if (!admin) {
      throw new Error('set-up failed');
    }
    await admin.goto('/admin/roles');
    await admin.getByRole('heading', { name: 'Rôles et permissions', level: 1 }).waitFor();
    const adminCard = admin.locator('section', { has: admin.getByRole('heading', { name: /^Administrateur/ }) });
    await adminCard.getByText('Rôle système : ses permissions ne se modifient pas.').waitFor();
    expect(await adminCard.getByRole('checkbox').count()).toBe(0);
    expect(await adminCard.getByRole('button').count()).toBe(0);

    const create = admin.locator('section', { has: admin.getByRole('heading', { name: 'Nouveau rôle' }) });
    await create.getByLabel('Identifiant').fill('Support N1');
    await create.getByText('Minuscules, chiffres et _ seulement', { exact: false }).waitFor();
    await create.getByLabel('Identifiant').fill('support_n1');
    await create.getByLabel('Nom affiché').fill('Support niveau 1');
    await create.getByRole('checkbox', { name: /Voir les utilisateurs/ }).check();
    await create.getByRole('button', { name: 'Créer le rôle' }).click();
    await create.getByText('Rôle Support niveau 1 créé.').waitFor();

    const card = admin.locator('section', { has: admin.getByRole('heading', { name: /^Support niveau 1/ }) });
    expect(await card.getByRole('checkbox', { name: /Voir les utilisateurs/ }).isChecked()).toBe(true);
    await card.getByRole('checkbox', { name: /Voir les journaux/ }).check();
    await card.getByRole('button', { name: 'Enregistrer les permissions' }).click();
    await card.getByText('Permissions de Support niveau 1 enregistrées.').waitFor();
    await admin.reload();
    await expect(card.getByRole('checkbox', { name: /Voir les journaux/ }).isChecked()).resolves.toBe(true);

    await card.getByRole('button', { name: 'Supprimer le rôle' }).click();
    await admin
      .getByRole('dialog', { name: 'Supprimer le rôle' })
      .getByRole('button', { name: 'Supprimer le rôle' })
      .click();
    await card.waitFor({ state: 'detached' });
  });

  it('lets the administrator filter the server logs, follow them live and clear them', async () => {
    if (!admin || !server) {
      throw new Error('set-up failed');
    }
    await admin.goto('/admin/logs');
    await admin.getByRole('heading', { name: 'Journaux du serveur', level: 1 }).waitFor();
    await admin.getByRole('searchbox', { name: 'Rechercher dans les journaux' }).fill('/api/accounts/login');
    await admin.getByRole('button', { name: 'Filtrer' }).click();
    const records = admin.getByRole('region', { name: 'Enregistrements', exact: true }).getByRole('listitem');
    // The set-up's logins (the moderator's, the visitor's…) are in the journal, each with its URL.
    await expect.poll(() => records.count()).toBeGreaterThan(0);
    await records.first().getByText('Détails').click();
    await records.first().getByText('/api/accounts/login', { exact: false }).waitFor();

    // Live: a login made elsewhere shows up without reloading.
    await admin.getByRole('switch', { name: 'Suivi en direct' }).click();
    const live = admin.getByRole('region', { name: 'Enregistrements en direct' }).getByRole('listitem');
    await expect.poll(() => live.count()).toBeGreaterThan(0);
    const before = await live.count();
    const login = await fetch(`${server.baseUrl}/api/accounts/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: VISITOR, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    await expect.poll(() => live.count(), { timeout: 15_000 }).toBeGreaterThan(before);

    // Clearing asks first and says how many records went.
    await admin.getByRole('button', { name: 'Effacer les journaux' }).click();
    await admin
      .getByRole('dialog', { name: 'Effacer les journaux' })
      .getByRole('button', { name: 'Oui, effacer' })
      .click();
    await admin.getByText(/^\d+ enregistrements? effacés?\.$/).waitFor();
    await admin.getByRole('switch', { name: 'Suivi en direct' }).click();

    // The clearing itself is logged as a warning: the level filter finds it, and only warnings.
    await admin.getByRole('searchbox', { name: 'Rechercher dans les journaux' }).fill('');
    await admin.getByRole('combobox', { name: 'Niveau' }).selectOption({ label: 'Avertissement' });
    await admin.getByRole('button', { name: 'Filtrer' }).click();
    await records.getByText('admin log records cleared').first().waitFor();
    const levels = await records.locator('span.font-semibold').allTextContents();
    expect(new Set(levels)).toEqual(new Set(['WARNING']));
  });

  it('lets the administrator empty every user’s cache, asking first and counting what went', async () => {
    if (!admin) {
      throw new Error('set-up failed');
    }
    await admin.goto('/admin/caches');
    await admin.getByRole('heading', { name: 'Caches', level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'Vider tout le cache' }).click();
    await admin
      .getByRole('dialog', { name: 'Vider tout le cache' })
      .getByRole('button', { name: 'Oui, vider' })
      .click();
    await admin.getByText(/^Tout le cache : \d+ entrées? supprimées?\. Compteurs connus : \d+\.$/).waitFor();
  });

  it('tests the RTE APIs and refreshes Tempo from the RTE page, saying what came back', async () => {
    if (!admin) {
      throw new Error('set-up failed');
    }
    await admin.goto('/admin/rte');
    await admin.getByRole('heading', { name: 'RTE : état et tests', level: 1 }).waitFor();
    // No RTE credentials in the tests: the emulator answers, and the page says so.
    await admin.getByText('Émulateur', { exact: true }).waitFor();
    await admin.getByRole('button', { name: 'Tester Tempo Calendar' }).click();
    const apis = admin.locator('section', { has: admin.getByRole('heading', { name: 'API RTE', level: 2 }) });
    await apis
      .getByText(/^Réponse correcte · HTTP 200 · \d+ ms$/)
      .first()
      .waitFor();
    await admin.getByRole('button', { name: 'Tester toutes les API' }).click();
    // Tempo, consumption and generation answer; EcoWatt too unless the 15-minute rule holds it back.
    await admin.getByText(/^[34] API sur 4 répondent correctement, [01] en échec \(test du .+\)\.$/).waitFor();
    await admin.getByRole('button', { name: 'Rafraîchir Tempo' }).click();
    await admin.getByText(/^Tempo rafraîchi \(.+\)\.$/).waitFor();
  });

  it('invites a user from the users page: the mailed link sets a password and the invited user logs in', async () => {
    if (!admin || !server || !browser) {
      throw new Error('set-up failed');
    }
    await admin.goto('/admin/users');
    await admin.getByRole('heading', { name: 'Inviter un utilisateur', level: 2 }).waitFor();
    await admin.getByLabel('Adresse e-mail de la personne invitée').fill(INVITED);
    await admin.getByLabel('Rôle du compte invité').selectOption({ label: 'Modérateur' });
    await admin.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await admin
      .getByText(`Compte créé pour ${INVITED} : l’invitation avec le lien pour choisir un mot de passe est partie.`)
      .waitFor();
    // The same address again is refused, and said so.
    await admin.getByLabel('Adresse e-mail de la personne invitée').fill(INVITED);
    await admin.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await admin.getByRole('alert').waitFor();

    const context = await frenchContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto(await mailedLink(server.dataDir, INVITED, '/reset-password?token='));
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirmez le mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByText('Votre mot de passe a été changé. Vous pouvez vous connecter.').waitFor();
    await page.goto('/login');
    await page.getByLabel('Adresse e-mail').fill(INVITED);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/dashboard$/);
    // The role chosen in the invitation: the Admin area is open, with the moderation queue.
    await mainNav(page).getByRole('link', { name: 'Admin' }).click();
    await adminNav(page).getByRole('link', { name: 'Propositions' }).waitFor();
    await context.close();
  });

  it('shows a moderator only the pages and actions its role allows', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    expect(
      (await context.request.post('/api/accounts/login', { data: { email: MODERATOR, password: PASSWORD } })).status(),
    ).toBe(200);
    const page = await context.newPage();
    await page.goto('/dashboard');
    await mainNav(page).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Vue d’ensemble', level: 1 }).waitFor();
    await adminNav(page).getByRole('link', { name: 'Utilisateurs' }).waitFor();
    // Moderators hold admin_dashboard, users, logs, contributions and offers — not roles nor users.edit.
    expect(await adminNav(page).getByRole('link', { name: 'Rôles' }).count()).toBe(0);
    expect(await adminNav(page).getByRole('link', { name: 'Caches' }).count()).toBe(0);

    // Contributions: the moderation queue.
    await adminNav(page).getByRole('link', { name: 'Propositions' }).click();
    await page.getByRole('heading', { name: 'Propositions à modérer', level: 1 }).waitFor();

    // Logs: readable, not clearable (logs.delete).
    await adminNav(page).getByRole('link', { name: 'Journaux' }).click();
    await page.getByRole('heading', { name: 'Journaux du serveur', level: 1 }).waitFor();
    await page.getByRole('switch', { name: 'Suivi en direct' }).waitFor();
    expect(await page.getByRole('button', { name: 'Effacer les journaux' }).count()).toBe(0);

    await adminNav(page).getByRole('link', { name: 'Utilisateurs' }).click();
    await openUser(page, VISITOR);
    await page.getByRole('button', { name: 'Remettre les quotas du jour à zéro' }).waitFor();
    for (const forbidden of ['Supprimer le compte', 'Désactiver le compte', 'Envoyer un lien de mot de passe']) {
      expect(await page.getByRole('button', { name: forbidden }).count(), forbidden).toBe(0);
    }
    expect(await page.getByRole('combobox', { name: 'Rôle', exact: true }).count()).toBe(0);

    await page.goto('/admin/roles');
    await page.getByText('Votre rôle ne donne pas accès à cette page d’administration.').waitFor();
    expect(await page.getByRole('heading', { name: 'Rôles et permissions' }).count()).toBe(0);
    await context.close();
  });

  it('shows a visitor no Admin entry and no admin page', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    expect(
      (await context.request.post('/api/accounts/login', { data: { email: VISITOR, password: PASSWORD } })).status(),
    ).toBe(200);
    const page = await context.newPage();
    await page.goto('/dashboard');
    await mainNav(page).getByRole('link', { name: 'Paramètres' }).waitFor();
    expect(await mainNav(page).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.goto('/admin/users');
    await page.getByText('Votre rôle ne donne pas accès à cette page d’administration.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await context.close();
  });

  it('keeps the users table usable at 375 px: the table scrolls inside its card, not the page', async () => {
    if (!server || !browser || !admin) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl, {
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      storageState: await admin.context().storageState(),
    });
    const page = await context.newPage();
    for (const path of ['/admin', '/admin/users', '/admin/roles', '/admin/logs', '/admin/caches', '/admin/rte']) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page), path).toBe(0);
    }
    await page.goto('/admin/users');
    await openUser(page, MODERATOR);
    await page.getByRole('button', { name: 'Vider son cache' }).click();
    await page.getByRole('dialog', { name: 'Vider son cache' }).getByRole('button', { name: 'Oui, continuer' }).click();
    await page.getByText(/entrées? du cache de/).waitFor();
    await context.close();
  });

  it('opens a sharing user’s meter read-only under a banner, until the owner stops sharing', async () => {
    if (!server || !browser || !admin) {
      throw new Error('set-up failed');
    }
    // Sandbox client 3 of the Enedis emulator: its consumption meter.
    const prm = '12345678901234';
    const ownerEmail = uniqueEmail('sharing-owner');
    const owner = await (await frenchContext(browser, server.baseUrl)).newPage();
    await signUpAndLogIn(owner, ownerEmail);
    await owner.getByRole('button', { name: 'Donner mon consentement sur le site d’Enedis' }).click();
    await expectPath(owner, '/dataconnect/v1/oauth2/authorize');
    await tickOnly(owner, [prm]);
    await owner.getByRole('button', { name: 'Autoriser le partage' }).click();
    await owner.getByText('Consentement enregistré').waitFor();
    expect((await owner.request.post('/api/accounts/toggle-admin-sharing')).status()).toBe(200);
    // The owner's own figure: the rolling year of daily consumption on their page.
    await owner.goto(`/consumption?pdl=${prm}`);
    const ownTotal = owner.getByTestId('rolling-total');
    await ownTotal.waitFor({ timeout: 60_000 });

    await admin.goto('/admin');
    await adminNav(admin).getByRole('link', { name: 'Compteurs partagés', exact: true }).click();
    await admin.getByRole('heading', { name: 'Compteurs partagés', level: 1 }).waitFor();
    await admin.getByRole('button', { name: `Consulter le compteur ${prm} de ${ownerEmail}` }).click();
    const banner = admin.getByText(`Vous consultez en lecture seule les données partagées par ${ownerEmail}.`);
    await banner.waitFor();
    const seenTotal = admin.getByTestId('rolling-total');
    await seenTotal.waitFor({ timeout: 60_000 });
    expect(await seenTotal.innerText()).toBe(await ownTotal.innerText());
    // Read-only: the dashboard shows the owner's meter without any control that would change it.
    await mainNav(admin).getByRole('link', { name: 'Tableau de bord' }).click();
    await admin.getByRole('article', { name: prm, exact: true }).waitFor();
    await banner.waitFor();
    expect(await admin.getByRole('button', { name: 'Donner mon consentement sur le site d’Enedis' }).count()).toBe(0);
    expect(await admin.getByRole('button', { name: /consentement/i }).count()).toBe(0);
    expect(await admin.getByLabel(/offre/i).count()).toBe(0);

    // The owner stops sharing: the administrator's next read is refused with the server's reason.
    expect((await owner.request.post('/api/accounts/toggle-admin-sharing')).status()).toBe(200);
    await admin.reload();
    await admin
      .getByText('Cet utilisateur ne partage pas (ou plus) ses données avec les administrateurs.')
      .first()
      .waitFor();
    await banner.waitFor();

    // Leave: back to the administrator's own view, without the banner.
    await admin.getByRole('button', { name: `Quitter les données de ${ownerEmail} et revenir aux miennes` }).click();
    await admin.getByRole('heading', { name: 'Compteurs partagés', level: 1 }).waitFor();
    expect(await banner.count()).toBe(0);
    await admin.goto('/dashboard');
    await admin.getByRole('heading', { name: 'Tableau de bord', level: 1 }).waitFor();
    expect(await admin.getByRole('article', { name: prm, exact: true }).count()).toBe(0);
    await owner.context().close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, frenchContext, launchBrowser } from './support/browser.ts';
import { expectPath, PASSWORD, signUpAndLogIn, tickOnly, uniqueEmail } from './support/flows.ts';
import { mailedLink } from './support/mail.ts';
import { startServer, type RunningServer } from './support/server.ts';

// Also satisfies the shared password policy.
const NEW_PASSWORD = 'Compteur2026Neuf';
// Administrator by ADMIN_EMAILS once the address is verified; reads shared data with the header below.
const ADMIN = uniqueEmail('settings-admin');
// Sandbox client 3 of the Enedis emulator: its consumption meter.
const PRM = '12345678901234';

/** Still on Settings with the account loaded: the page heading and the header's logout button. */
async function expectSignedInOnSettings(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Paramètres', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Déconnexion' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/settings');
}

describe('the Settings page in the browser', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ ADMIN_EMAILS: ADMIN }), launchBrowser()]);
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await server?.stop();
  });

  it('regenerates the secret, changes the password and theme, then deletes the account', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const baseUrl = server.baseUrl;
    const context = await frenchContext(browser, baseUrl);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const page = await context.newPage();
    const email = uniqueEmail('settings');
    // Outside the browser (no session cookie): the credential alone decides.
    const meWithBearer = async (secret: string) =>
      (await fetch(`${baseUrl}/api/accounts/me`, { headers: { authorization: `Bearer ${secret}` } })).status;

    // Signup, keeping the first secret, then login.
    const { clientId, clientSecret: firstSecret } = await signUpAndLogIn(page, email);

    // Regenerate the secret: the new one is shown once, with its copy button, and the user stays signed in.
    await page.goto('/settings');
    await expectSignedInOnSettings(page);
    await page.getByRole('button', { name: 'Générer un nouveau secret' }).click();
    await page.getByRole('button', { name: 'Oui, générer' }).click();
    const secretField = page.getByRole('textbox', { name: 'Secret client (client_secret)' });
    await secretField.waitFor();
    const newSecret = await secretField.inputValue();
    expect(newSecret.length).toBeGreaterThan(16);
    expect(newSecret).not.toBe(firstSecret);
    expect(await page.getByRole('textbox', { name: 'Identifiant client (client_id)' }).inputValue()).toBe(clientId);
    await page.getByText('Notez ce secret maintenant').waitFor();
    await page.getByText('Nouveau secret généré.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Copier Secret client (client_secret)' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(newSecret);
    // Give any refetch a late 401 would come from the time to land, then check the session held.
    await page.waitForLoadState('networkidle');
    await expectSignedInOnSettings(page);
    await expect(secretField.inputValue()).resolves.toBe(newSecret);
    expect(await meWithBearer(firstSecret)).toBe(401);
    expect(await meWithBearer(newSecret)).toBe(200);

    // The new session cookie survives a reload; the secret is not shown again.
    await page.reload();
    await expectSignedInOnSettings(page);
    await page.getByText(clientId).first().waitFor();
    expect(await page.getByRole('textbox', { name: 'Secret client (client_secret)' }).count()).toBe(0);

    // A wrong current password is explained on the form; the user stays signed in.
    const currentField = page.getByLabel('Mot de passe actuel', { exact: true });
    await currentField.fill('Wrong2025Password');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByText('Le mot de passe actuel est incorrect. Vérifiez-le et réessayez.').waitFor();
    expect(await currentField.getAttribute('aria-invalid')).toBe('true');
    await expectSignedInOnSettings(page);
    await page.reload();
    await expectSignedInOnSettings(page);

    // The right one changes it.
    await page.getByLabel('Mot de passe actuel', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByText('Mot de passe modifié.', { exact: true }).waitFor();
    await page.reload();
    await expectSignedInOnSettings(page);

    // Dark theme: the class on <html> is set at once and again after a reload.
    const htmlIsDark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
    expect(await htmlIsDark()).toBe(false);
    await page.getByRole('radio', { name: 'Sombre' }).check();
    await expect.poll(htmlIsDark).toBe(true);
    await page.reload();
    await expectSignedInOnSettings(page);
    expect(await htmlIsDark()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Sombre' }).isChecked()).toBe(true);

    // Deleting with a wrong password is refused on the form, still signed in.
    await page.getByLabel('Tapez SUPPRIMER pour confirmer').fill('SUPPRIMER');
    const deletePassword = page.getByLabel('Votre mot de passe', { exact: true });
    await deletePassword.fill(PASSWORD);
    await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await page.getByText('Mot de passe incorrect : votre compte n’a pas été supprimé.').waitFor();
    await expectSignedInOnSettings(page);

    // The right password deletes the account and lands on the public home page.
    await deletePassword.fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await expectPath(page, '/');
    await page.getByRole('heading', { name: 'Vos données Linky, enfin entre vos mains', level: 1 }).waitFor();
    expect(await meWithBearer(newSecret)).toBe(401);

    // The old credentials no longer open anything.
    await page.goto('/login');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');

    await context.close();
  });

  it('lists, under the sharing switch, each read of my meter by an administrator', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const owner = await (await frenchContext(browser, server.baseUrl)).newPage();
    await signUpAndLogIn(owner, uniqueEmail('shared-owner'));
    await owner.getByRole('button', { name: 'Donner mon consentement sur le site d’Enedis' }).click();
    await expectPath(owner, '/dataconnect/v1/oauth2/authorize');
    await tickOnly(owner, [PRM]);
    await owner.getByRole('button', { name: 'Autoriser le partage' }).click();
    await owner.getByText('Consentement enregistré').waitFor();
    const ownerId = ((await (await owner.request.get('/api/accounts/me')).json()) as { data: { id: string } }).data.id;

    const adminContext = await frenchContext(browser, server.baseUrl);
    expect(
      (
        await adminContext.request.post('/api/accounts/signup', { data: { email: ADMIN, password: PASSWORD } })
      ).status(),
    ).toBe(201);
    expect(
      (await adminContext.request.post('/api/accounts/login', { data: { email: ADMIN, password: PASSWORD } })).status(),
    ).toBe(200);
    const adminPage = await adminContext.newPage();
    await adminPage.goto(await mailedLink(server.dataDir, ADMIN, '/verify-email?token='));
    await adminPage.getByText('Votre adresse e-mail est confirmée.').waitFor();
    const end = addDays(parisToday(new Date()), -30);
    const daily = `/api/enedis/consumption/daily/${PRM}?start=${addDays(end, -7)}&end=${end}`;
    const readAsAdmin = () => adminContext.request.get(daily, { headers: { 'X-Impersonate-User-Id': ownerId } });

    // Sharing off: the empty state, and the administrator's read is refused (so not recorded).
    await owner.goto('/settings');
    const sharing = owner.locator('section', {
      has: owner.getByRole('heading', { name: 'Consultations de vos données par les administrateurs' }),
    });
    await sharing.getByText('Aucun administrateur n’a consulté vos données.').waitFor();
    expect((await readAsAdmin()).status()).toBe(403);

    await owner.getByRole('switch', { name: 'Autoriser le partage avec les administrateurs' }).click();
    await owner.getByText(/^Partage actif depuis le/).waitFor();
    const read = await readAsAdmin();
    expect(read.status(), await read.text()).toBe(200);

    await owner.reload();
    await sharing.getByText('1 consultation enregistrée.').waitFor();
    await sharing.getByText(`${ADMIN} a lu /api/enedis/consumption/daily/:pdl, point de livraison ${PRM}`).waitFor();
    expect(await sharing.locator('time').count()).toBe(1);

    await adminContext.close();
    await owner.context().close();
  });
});

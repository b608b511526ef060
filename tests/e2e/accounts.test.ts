import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, frenchContext, horizontalOverflow, launchBrowser, phoneContext } from './support/browser.ts';
import { expectPath, PASSWORD, uniqueEmail } from './support/flows.ts';
import { startServer, type RunningServer } from './support/server.ts';

describe('accounts and PDL in the browser', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await server?.stop();
  });

  it('signs up, logs in, adds and renames a PDL, switches to English and logs out', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    const page = await context.newPage();
    const email = uniqueEmail('flow');

    // Signup: the live checklist, then the credentials shown once.
    await page.goto('/signup');
    await page.getByRole('heading', { name: 'Créer un compte', level: 1 }).waitFor();
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByRole('heading', { name: 'Votre compte est créé' }).waitFor();
    const clientId = await page.getByRole('textbox', { name: 'Identifiant client (client_id)' }).inputValue();
    const clientSecret = await page.getByRole('textbox', { name: 'Secret client (client_secret)' }).inputValue();
    expect(clientId.length).toBeGreaterThan(8);
    expect(clientSecret.length).toBeGreaterThan(16);
    await expect(page.getByText('Notez ce secret maintenant').isVisible()).resolves.toBe(true);

    // Sign-up signed the user in (no e-mail confirmation required by this server): straight to the dashboard.
    await page.getByText('Vous êtes connecté.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Déconnexion' }).waitFor();
    await page.getByRole('link', { name: 'Accéder à mon tableau de bord' }).click();
    await expectPath(page, '/dashboard');
    await page.getByRole('heading', { name: 'Tableau de bord', level: 1 }).waitFor();

    // Add a PDL: a 13-digit number is refused with the server's wording, 14 digits are accepted.
    const numberField = page.getByLabel('Numéro de PDL (14 chiffres)');
    await numberField.fill('1234567890123');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByText('Le numéro de PDL doit comporter exactement 14 chiffres.').waitFor();
    await numberField.fill('12345678901234');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByRole('heading', { name: '12345678901234', level: 3 }).waitFor();

    // Rename it inline.
    await page.getByRole('button', { name: 'Renommer' }).click();
    await page.getByLabel('Nouveau nom de 12345678901234').fill('Maison');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { name: 'Maison', level: 3 }).waitFor();

    // English switch: labels change, the PDL stays.
    await page.getByRole('button', { name: 'English version' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Rename' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // Logout lands on the public home page; the dashboard then asks to log in again.
    await page.getByRole('button', { name: 'Log out' }).click();
    await expectPath(page, '/');
    await page.getByRole('heading', { name: 'Your Linky data, in your own hands', level: 1 }).waitFor();
    await page.goto('/dashboard');
    await expectPath(page, '/login');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/dashboard');

    // Logging in again leads back there.
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectPath(page, '/dashboard');

    await context.close();
  });

  it('reorders, deactivates and deletes PDL cards, and the server keeps the result', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    const email = uniqueEmail('cards');
    expect((await context.request.post('/api/accounts/signup', { data: { email, password: PASSWORD } })).status()).toBe(
      201,
    );
    expect((await context.request.post('/api/accounts/login', { data: { email, password: PASSWORD } })).status()).toBe(
      200,
    );
    for (const [number, name] of [
      ['11111111111111', 'Premier'],
      ['22222222222222', 'Second'],
    ] as const) {
      expect((await context.request.post('/api/pdl', { data: { usage_point_id: number, name } })).status()).toBe(201);
    }

    const page = await context.newPage();
    const cardNames = () => page.getByRole('list').locator('article h3').allTextContents();
    await page.goto('/dashboard');
    await page.getByRole('heading', { name: 'Premier', level: 3 }).waitFor();
    const initial = await cardNames();
    expect([...initial].sort()).toEqual(['Premier', 'Second']);

    // Move the first card down: the order flips at once and survives a reload.
    const [first, second] = initial;
    await page.getByRole('button', { name: `Descendre ${first}` }).click();
    await expect.poll(cardNames).toEqual([second, first]);
    await page.reload();
    await page.getByRole('heading', { name: 'Premier', level: 3 }).waitFor();
    expect(await cardNames()).toEqual([second, first]);

    // Deactivate one.
    const premier = page.getByRole('article', { name: 'Premier' });
    const toggle = premier.getByRole('switch', { name: 'Point de livraison actif' });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await premier.getByText('Inactif', { exact: true }).waitFor();

    // Delete the other, after confirming.
    const secondCard = page.getByRole('article', { name: 'Second' });
    await secondCard.getByRole('button', { name: 'Supprimer' }).click();
    await secondCard.getByText('Supprimer Second ?').waitFor();
    await secondCard.getByRole('button', { name: 'Oui, supprimer' }).click();
    await expect.poll(cardNames).toEqual(['Premier']);
    await page.reload();
    await page.getByRole('heading', { name: 'Premier', level: 3 }).waitFor();
    expect(await cardNames()).toEqual(['Premier']);
    expect(await page.getByRole('article', { name: 'Premier' }).getByRole('switch').getAttribute('aria-checked')).toBe(
      'false',
    );

    await context.close();
  });

  it('explains broken links and unknown pages', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    const page = await context.newPage();

    await page.goto('/verify-email?token=not-a-real-token');
    await page.getByText('Ce lien n’est pas valide ou a déjà été utilisé.').waitFor();
    await page.getByRole('button', { name: 'Envoyer un nouveau lien' }).waitFor();

    await page.goto('/reset-password');
    await page.getByText('Ce lien ne contient pas de jeton.', { exact: false }).waitFor();

    await page.goto('/this-page-does-not-exist');
    await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();

    await page.goto('/faq');
    const answer = page.getByText('Enedis publie les données de la veille (J-1)', { exact: false });
    expect(await answer.isVisible()).toBe(false);
    await page.getByText('Pourquoi je ne vois pas la consommation d’aujourd’hui ?').click();
    await answer.waitFor();

    await context.close();
  });

  it('fits a phone screen: dashboard without horizontal scrolling, menu behind a button', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await phoneContext(browser, server.baseUrl);
    const email = uniqueEmail('phone');

    // Account and PDL through the API (the browser flow is covered above); cookies are shared with the page.
    const signup = await context.request.post('/api/accounts/signup', { data: { email, password: PASSWORD } });
    expect(signup.status()).toBe(201);
    const login = await context.request.post('/api/accounts/login', { data: { email, password: PASSWORD } });
    expect(login.status()).toBe(200);
    const created = await context.request.post('/api/pdl', {
      data: { usage_point_id: '98765432109876', name: 'Appartement avec un nom assez long pour tester' },
    });
    expect(created.status()).toBe(201);

    const page = await context.newPage();
    await page.goto('/dashboard');
    await page.getByRole('heading', { name: 'Appartement avec un nom assez long pour tester', level: 3 }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // The header links live in the menu on a phone.
    const menuButton = page.getByRole('button', { name: 'Ouvrir le menu' });
    expect(await page.getByRole('button', { name: 'Déconnexion' }).isVisible()).toBe(false);
    await menuButton.click();
    await page.getByRole('button', { name: 'Déconnexion' }).waitFor();
    expect(await page.getByRole('button', { name: 'Fermer le menu' }).getAttribute('aria-expanded')).toBe('true');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // The other pages fit too.
    for (const path of ['/', '/faq', '/api-docs', '/settings']) {
      // A deep link must get the SPA (the server's fallback), not a 404 from the API.
      const response = await page.goto(path);
      expect(response?.status(), `${path} should serve the web app`).toBe(200);
      await page.locator('h1').first().waitFor();
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    }

    await context.close();
  });
});

import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';

// A password that satisfies the shared policy (length, lower, upper, digit).
export const PASSWORD = 'Linky2025Secure';

export function uniqueEmail(label: string): string {
  return `e2e-${label}-${randomBytes(4).toString('hex')}@example.com`;
}

/** Waits for a path (query string ignored) in the address bar. */
export async function expectPath(page: Page, path: string, timeout = 30_000): Promise<void> {
  await page.waitForURL((url) => url.pathname === path, { timeout });
}

/** Signs up in French through the page (which signs the user in), keeps the credentials shown once, then opens the dashboard. */
export async function signUpAndLogIn(
  page: Page,
  email: string,
  password = PASSWORD,
): Promise<{ clientId: string; clientSecret: string }> {
  await page.goto('/signup');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.getByRole('heading', { name: 'Votre compte est créé' }).waitFor();
  const clientId = await page.getByRole('textbox', { name: 'Identifiant client (client_id)' }).inputValue();
  const clientSecret = await page.getByRole('textbox', { name: 'Secret client (client_secret)' }).inputValue();
  await page.getByRole('link', { name: 'Accéder à mon tableau de bord' }).click();
  await expectPath(page, '/dashboard');
  return { clientId, clientSecret };
}

/** On the emulator's consent page: tick exactly these meters. */
export async function tickOnly(page: Page, prms: readonly string[]): Promise<void> {
  await page.locator('input[name="usage_point_id"]').first().waitFor();
  for (const box of await page.locator('input[name="usage_point_id"]').all()) {
    await box.uncheck();
  }
  for (const prm of prms) {
    await page.locator(`input[name="usage_point_id"][value="${prm}"]`).check();
  }
}

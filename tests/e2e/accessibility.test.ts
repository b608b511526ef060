import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EnergyOffer, Pdl } from '@med/contracts';
import { parisToday } from '@med/core';
import type { APIResponse, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costPeriods } from '../../apps/web/src/features/costs/costView.ts';
import { describeFindings, seriousViolations } from './support/axe.ts';
import { closeBrowser, frenchContext, launchBrowser } from './support/browser.ts';
import { tabThrough } from './support/focus.ts';
import { expectPath, PASSWORD, signUpAndLogIn, tickOnly, uniqueEmail } from './support/flows.ts';
import { mailedLink } from './support/mail.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { CLIENT_METERS, startClientStack, type ClientStack } from './support/client.ts';

// Sandbox client 3 of the Enedis emulator: one consumption meter and one production meter.
const METERS = ['12345678901234', '10284856584123'];

/** Every page of the app, reached the way a visitor would (a token in the link where the page needs one). */
const PUBLIC_PAGES = [
  '/',
  '/signup',
  '/login',
  '/forgot-password',
  '/reset-password?token=expired-or-unknown',
  '/verify-email?token=expired-or-unknown',
  '/faq',
  '/api-docs',
  '/tempo',
  '/ecowatt',
  '/france',
  '/offers',
  '/no-such-page',
];
const SIGNED_IN_PAGES = [
  '/dashboard',
  '/consumption',
  '/consumption_euro',
  '/production',
  '/balance',
  '/simulator',
  '/settings',
  '/contribute',
];
/** The Admin area, seen by an administrator (ADMIN_EMAILS, verified address). */
const ADMIN_PAGES = [
  '/admin',
  '/admin/users',
  '/admin/contributions',
  '/admin/roles',
  '/admin/logs',
  '/admin/caches',
  '/admin/rte',
  '/admin/shared',
];
const ADMIN_EMAIL = uniqueEmail('a11y-admin');
/** A local client's pages (SERVER_MODE=false, no accounts), scanned on a client synced from a gateway. */
const CLIENT_PAGES = [
  '/dashboard',
  '/sync',
  '/import',
  '/consumption',
  '/consumption_euro',
  '/simulator',
  '/offers',
  '/production',
  '/balance',
  '/tempo',
  '/ecowatt',
  '/france',
  '/exporters',
  '/exporters/new?type=influxdb&version=2',
  // A Home Assistant exporter made in the set-up (its statistics panel included); `{exporter}` is its id.
  '/exporters/{exporter}',
];
/** Routes that only redirect (no page of their own). */
const REDIRECT_ROUTES = ['consumption_kwh'];

const GROUPS = ['public', 'signed-in', 'admin'] as const;
const COMBINATIONS = (['fr', 'en'] as const).flatMap((language) =>
  (['light', 'dark'] as const).map((theme) => ({ language, theme })),
);

/** Waits until the page has drawn what its data allows: its heading, and no request in flight. */
async function settle(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle', { timeout: 60_000 });
  // Charts animate in; axe reads colours, so let them finish.
  await page.waitForTimeout(600);
}

/**
 * Gives the consumption meter an offer, so the € page shows its charts, and prices its last 12 months once
 * (costs and simulator): the scans then read a warm cache instead of a year of load curve each time.
 */
async function chooseOfferAndWarmCosts(context: BrowserContext): Promise<void> {
  const data = async <T>(response: APIResponse): Promise<T> => {
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { data: T }).data;
  };
  const pdl = (await data<Pdl[]>(await context.request.get('/api/pdl'))).find(
    (entry) => entry.usage_point_id === METERS[0],
  );
  const offers = await data<EnergyOffer[]>(await context.request.get('/api/energy/offers'));
  const offer = offers.find((entry) => entry.series_key === `edf:tarif-bleu:HC_HP:${String(pdl?.subscribed_power)}`);
  await data(
    await context.request.patch(`/api/pdl/${pdl?.id ?? ''}/selected-offer`, { data: { selected_offer_id: offer?.id } }),
  );
  const [rolling] = costPeriods(parisToday(new Date()), pdl?.activation_date ?? null);
  if (!rolling) {
    throw new Error('no period to price');
  }
  await data(await context.request.get(`/api/costs/${METERS[0]}?start=${rolling.start}&end=${rolling.end}`));
  await data(
    await context.request.post('/api/simulator', {
      data: { usage_point_id: METERS[0], start: rolling.start, end: rolling.end },
    }),
  );
}

describe('accessibility (axe-core, WCAG 2.2 AA): every page, French and English, light and dark', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let signedIn: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;
  let administrator: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ ADMIN_EMAILS: ADMIN_EMAIL }), launchBrowser()]);
    // One account with a consumption and a production meter, so the data pages show their charts.
    const context = await frenchContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signUpAndLogIn(page, uniqueEmail('a11y'));
    await page.getByRole('button', { name: 'Donner mon consentement sur le site d’Enedis' }).click();
    await expectPath(page, '/dataconnect/v1/oauth2/authorize');
    await tickOnly(page, METERS);
    await page.getByRole('button', { name: 'Autoriser le partage' }).click();
    await expectPath(page, '/dashboard');
    await page.getByText('Consentement enregistré').waitFor();
    await chooseOfferAndWarmCosts(context);
    signedIn = await context.storageState();
    await context.close();

    // An administrator: ADMIN_EMAILS gives the role once the address is verified through the mailed link.
    const adminContext = await frenchContext(browser, server.baseUrl);
    await adminContext.request.post('/api/accounts/signup', { data: { email: ADMIN_EMAIL, password: PASSWORD } });
    const verified = await adminContext.request.get(
      `/api/accounts/verify-email?token=${new URL(await mailedLink(server.dataDir, ADMIN_EMAIL, '/verify-email?token=')).searchParams.get('token') ?? ''}`,
    );
    expect(verified.status()).toBe(200);
    await adminContext.request.post('/api/accounts/login', { data: { email: ADMIN_EMAIL, password: PASSWORD } });
    administrator = await adminContext.storageState();
    await adminContext.close();
  }, 300_000);

  afterAll(async () => {
    await closeBrowser(browser);
    await server?.stop();
  });

  it('covers every route of the app', () => {
    const app = readFileSync(resolve(import.meta.dirname, '../../apps/web/src/App.tsx'), 'utf8');
    const routes = [...app.matchAll(/path="([^"*]+)"/g)].map((match) => match[1] ?? '');
    const covered = [...PUBLIC_PAGES, ...SIGNED_IN_PAGES, ...ADMIN_PAGES, ...CLIENT_PAGES].map(
      (path) => path.slice(1).split('?')[0],
    );
    for (const route of routes) {
      // A route parameter (`exporters/:id`) is covered by a listed page with a value in its place.
      const pattern = new RegExp(`^${route.replace(/:[^/]+/g, '[^/]+')}$`);
      expect(
        [...covered, ...REDIRECT_ROUTES].some((path) => pattern.test(path ?? '')),
        `route /${route} is not in the accessibility suite`,
      ).toBe(true);
    }
  });

  // One test per group of pages and combination: all pages in one test outgrew the timeout on a loaded machine.
  it.each(GROUPS.flatMap((group) => COMBINATIONS.map((combination) => ({ group, ...combination }))))(
    'has no serious or critical violation ($group, $language, $theme)',
    async ({ group, language, theme }) => {
      if (!server || !browser || !signedIn || !administrator) {
        throw new Error('set-up failed');
      }
      const report: string[] = [];
      const groups = {
        public: [PUBLIC_PAGES, undefined],
        'signed-in': [SIGNED_IN_PAGES, signedIn],
        admin: [ADMIN_PAGES, administrator],
      } as const;
      for (const [pages, state] of [groups[group]]) {
        const context = await frenchContext(browser, server.baseUrl, state ? { storageState: state } : {});
        await context.addInitScript(
          ([storedTheme, storedLanguage]) => {
            localStorage.setItem('med-theme', storedTheme);
            localStorage.setItem('med-language', storedLanguage);
          },
          [theme, language] as const,
        );
        const page = await context.newPage();
        for (const path of pages) {
          await settle(page, path);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
          expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(theme === 'dark');
          if (state === administrator) {
            // Scanned as the administrator sees them, not as the refusal a visitor gets.
            const adminNav = language === 'fr' ? 'Pages d’administration' : 'Administration pages';
            expect(await page.getByRole('navigation', { name: adminNav }).count(), path).toBe(1);
          }
          const findings = await seriousViolations(page);
          if (findings.length > 0) {
            report.push(`${path}\n${describeFindings(findings)}`);
          }
        }
        await context.close();
      }
      expect(report, report.join('\n\n')).toEqual([]);
    },
  );

  it.each(['light', 'dark'] as const)(
    'shows where the keyboard focus is, on every control reached with Tab (%s)',
    async (theme) => {
      if (!server || !browser || !signedIn) {
        throw new Error('set-up failed');
      }
      for (const [path, state] of [
        ['/', undefined],
        ['/dashboard', signedIn],
      ] as const) {
        const context = await frenchContext(browser, server.baseUrl, state ? { storageState: state } : {});
        await context.addInitScript((storedTheme) => localStorage.setItem('med-theme', storedTheme), theme);
        const page = await context.newPage();
        await settle(page, path);
        const stops = await tabThrough(page, 25);
        expect(stops.length, path).toBeGreaterThan(5);
        // The header's sign-up button (a primary button) was the one with no visible focus.
        if (path === '/') {
          expect(stops.map((stop) => stop.element)).toContainEqual(expect.stringMatching(/^a "Créer un compte/));
        }
        for (const stop of stops) {
          expect(stop.outlineWidth, `${path}: ${stop.element}`).toBeGreaterThanOrEqual(2);
          expect(stop.contrast, `${path}: ${stop.element}`).toBeGreaterThanOrEqual(3);
        }
        await context.close();
      }
    },
  );
});

describe('accessibility (axe-core, WCAG 2.2 AA) in client mode: every client page, French and English, light and dark', () => {
  let browser: Browser | undefined;
  let stack: ClientStack | undefined;
  let exporterId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    stack = await startClientStack(browser);
    // Synced, so the pages show meters and figures rather than their empty states.
    const started = await fetch(`${stack.client.baseUrl}/api/sync/trigger`, { method: 'POST' });
    expect(started.status).toBe(202);
    for (;;) {
      const status = (await (await fetch(`${stack.client.baseUrl}/api/sync/status`)).json()) as {
        data: { running: boolean };
      };
      if (!status.data.running) {
        break;
      }
      await new Promise((wait) => setTimeout(wait, 1_000));
    }
    // The offers catalogue from the gateway, and the consumption meter's offer: the euro pages show figures.
    const base = stack.client.baseUrl;
    expect((await fetch(`${base}/api/sync/offers/now`, { method: 'POST' })).status).toBe(200);
    const dataOf = async <T>(response: Response) => ((await response.json()) as { data: T }).data;
    const pdl = (await dataOf<Pdl[]>(await fetch(`${base}/api/pdl`))).find(
      (entry) => entry.usage_point_id === CLIENT_METERS.consumption,
    );
    const offer = (await dataOf<EnergyOffer[]>(await fetch(`${base}/api/energy/offers`))).find(
      (entry) => entry.series_key === `edf:tarif-bleu:HC_HP:${String(pdl?.subscribed_power)}`,
    );
    const chosen = await fetch(`${base}/api/pdl/${pdl?.id ?? ''}/selected-offer`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ selected_offer_id: offer?.id }),
    });
    expect(chosen.status, await chosen.text()).toBe(200);
    // A Home Assistant exporter, so its page shows the statistics panel (HA itself is not reachable: its error shows).
    const created = await fetch(`${stack.client.baseUrl}/api/export/configs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Maison',
        export_type: 'home_assistant',
        config: { mqtt_broker: '127.0.0.1', ha_url: 'http://127.0.0.1:9', ha_token: 'a11y-token' },
      }),
    });
    expect(created.status).toBe(201);
    exporterId = ((await created.json()) as { data: { id: string } }).data.id;
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
    await closeBrowser(browser);
  });

  it.each(COMBINATIONS)('has no serious or critical violation ($language, $theme)', async ({ language, theme }) => {
    if (!stack || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, stack.client.baseUrl);
    await context.addInitScript(
      ([storedTheme, storedLanguage]) => {
        localStorage.setItem('med-theme', storedTheme);
        localStorage.setItem('med-language', storedLanguage);
      },
      [theme, language] as const,
    );
    const page = await context.newPage();
    const report: string[] = [];
    for (const path of CLIENT_PAGES.map((entry) => entry.replace('{exporter}', exporterId))) {
      await page.goto(path);
      await page.locator('h1').first().waitFor({ timeout: 30_000 });
      // The Sync page keeps its event stream open, so "network idle" never comes: wait for the spinners instead.
      await page.locator('[role="status"]:has(.animate-spin)').first().waitFor({ state: 'detached', timeout: 60_000 });
      await page.waitForTimeout(600);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      const findings = await seriousViolations(page);
      if (findings.length > 0) {
        report.push(`${path}\n${describeFindings(findings)}`);
      }
    }
    await context.close();
    expect(report, report.join('\n\n')).toEqual([]);
  });
});

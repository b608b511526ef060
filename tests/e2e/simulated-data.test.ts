import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, frenchContext, horizontalOverflow, launchBrowser, phoneContext } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

/**
 * WCAG contrast ratio between the banner's text and its background. Tailwind 4 writes colours in oklch:
 * painting each on a 1×1 canvas gives its sRGB value, whatever notation the computed style uses.
 */
function contrastRatio(banner: Locator): Promise<number> {
  return banner.evaluate((element) => {
    const text = element.querySelector('p');
    if (!text) {
      throw new Error('banner without text');
    }
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) {
      throw new Error('no 2d context');
    }
    const luminance = (css: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = css;
      context.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
      const linear = (channel: number) => {
        const value = channel / 255;
        return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const foreground = luminance(getComputedStyle(text).color);
    const background = luminance(getComputedStyle(element).backgroundColor);
    return (Math.max(foreground, background) + 0.05) / (Math.min(foreground, background) + 0.05);
  });
}

const frenchBanner = (page: Page) => page.getByRole('complementary', { name: 'Données simulées' });

describe('the simulated-data banner (default setup: Enedis and RTE emulators)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await server?.stop();
  });

  it('is shown first on every page, in French then English, readable in light and dark themes', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    const banner = frenchBanner(page);
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/^Données simulées — les relevés Linky et les données RTE .*émulateur/);
    // Above the header, so it is the first thing seen and read.
    const box = await banner.boundingBox();
    expect(box?.y).toBe(0);
    expect(await contrastRatio(banner)).toBeGreaterThanOrEqual(4.5);

    for (const path of ['/tempo', '/login']) {
      await page.goto(path);
      await frenchBanner(page).waitFor();
    }

    await page.getByRole('button', { name: 'English version' }).click();
    const english = page.getByRole('complementary', { name: 'Simulated data' });
    await english.waitFor();
    expect(await english.innerText()).toMatch(/^Simulated data — the Linky readings and RTE data .*emulator/);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await english.waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    expect(await contrastRatio(english)).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });

  it('fits a phone screen', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await phoneContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    const banner = frenchBanner(page);
    await banner.waitFor();
    expect(await banner.isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    const box = await banner.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(390);
    expect(await contrastRatio(banner)).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });

  it('is absent when the server says no upstream is simulated', async () => {
    if (!server || !browser) {
      throw new Error('set-up failed');
    }
    const context = await frenchContext(browser, server.baseUrl);
    const page = await context.newPage();
    // The same answer with real upstreams, as a gateway with Enedis and RTE credentials gives it.
    await page.route('**/api/config', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { data: Record<string, unknown> };
      body.data.simulated_data = { enedis: false, rte: false };
      await route.fulfill({ response, json: body });
    });
    const config = page.waitForResponse('**/api/config');
    await page.goto('/');
    await config;
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('complementary', { name: 'Données simulées' }).count()).toBe(0);
    await context.close();
  });
});

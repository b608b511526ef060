import type { Page } from 'playwright-core';

export interface FocusStop {
  /** Tag and accessible text of the focused element, to name it in a failure. */
  element: string;
  /** Outline width in CSS pixels (0 when none is drawn). */
  outlineWidth: number;
  /** Contrast of the outline against the page background (WCAG 2.2 asks ≥ 3:1 for focus indicators). */
  contrast: number;
}

/**
 * Presses Tab `stops` times from the top of the page and reports, for each element that receives focus,
 * how its focus indicator is drawn. Colours are painted on a 1×1 canvas to read them as sRGB, whatever
 * notation (oklch in Tailwind 4) the computed style uses.
 */
export async function tabThrough(page: Page, stops: number): Promise<FocusStop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const seen: FocusStop[] = [];
  for (let stop = 0; stop < stops; stop += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(async () => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) {
        return null;
      }
      // The ring may fade in (transition-colors includes outline-color): read it once drawn.
      await Promise.all(element.getAnimations().map((animation) => animation.finished));
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
      const style = getComputedStyle(element);
      const outline = luminance(style.outlineColor);
      const page = luminance(getComputedStyle(document.body).backgroundColor);
      const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
      return {
        element: `${element.tagName.toLowerCase()} "${text}"`,
        outlineWidth: style.outlineStyle === 'none' ? 0 : Number.parseFloat(style.outlineWidth),
        contrast: (Math.max(outline, page) + 0.05) / (Math.min(outline, page) + 0.05),
      };
    });
    if (focused) {
      seen.push(focused);
    }
  }
  return seen;
}

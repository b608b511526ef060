import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';

function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]: [string, unknown]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object' && value !== null ? leaves(value, path) : [[path, String(value)]];
  });
}

const resources = { fr: { translation: fr }, en: { translation: en } };
const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: 'fr',
  fallbackLng: 'fr',
  initAsync: false,
  interpolation: { escapeValue: false },
});

describe('plurals', () => {
  for (const [name, tree] of [
    ['French', fr],
    ['English', en],
  ] as const) {
    const texts = leaves(tree);
    const keys = new Set(texts.map(([key]) => key));

    it(`${name}: every plural key has its "one" and "other" forms`, () => {
      for (const key of keys) {
        const match = /^(.*)_(one|other)$/.exec(key);
        if (match) {
          expect(keys, key).toContain(`${match[1]}_one`);
          expect(keys, key).toContain(`${match[1]}_other`);
        }
      }
    });

    it(`${name}: no "(s)"-style plural and no raw formula in any text`, () => {
      for (const [key, text] of texts) {
        expect(text, key).not.toMatch(/\p{L}\((?:s|e|es|x|le|la)\)/u);
        expect(text, key).not.toMatch(/\b(?:min|max|sum|avg)\(/);
      }
    });
  }

  it('says "1 jour" and "2 jours", "1 day" and "2 days"', () => {
    const frT = instance.getFixedT('fr');
    const enT = instance.getFixedT('en');
    expect(frT('metering.common.partialDays', { count: 1, total: 31 })).toBe('partiel : 1 jour sur 31');
    expect(frT('metering.common.partialDays', { count: 2, total: 31 })).toBe('partiel : 2 jours sur 31');
    expect(frT('metering.common.partialDays', { count: 0, total: 31 })).toBe('partiel : 0 jour sur 31');
    expect(enT('metering.common.partialDays', { count: 1, total: 31 })).toBe('partial: 1 day of 31');
    expect(enT('metering.common.partialDays', { count: 2, total: 31 })).toBe('partial: 2 days of 31');
    expect(frT('metering.curve.partialDay', { count: 1, total: 48 })).toBe('Journée incomplète : 1 mesure sur 48.');
    expect(frT('metering.history.partial', { count: 3, example: '2 déc. 2026' })).toMatch(/^3 jours sans données/);
    expect(enT('metering.history.partial', { count: 1, example: '2 Dec 2026' })).toMatch(/^1 day without data/);
  });
});

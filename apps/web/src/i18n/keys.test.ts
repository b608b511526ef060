import { ErrorCode, PASSWORD_MIN_LENGTH, passwordProblems, usagePointIdSchema } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';

/** Every leaf of a nested translation object as a dotted path. */
function leafPaths(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]: [string, unknown]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object' && value !== null ? leafPaths(value, path) : [path];
  });
}

function leafValue(tree: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((match) => match[1] ?? '').sort();
}

describe('translations', () => {
  const frKeys = leafPaths(fr).sort();
  const enKeys = leafPaths(en).sort();

  it('have exactly the same keys in French and English', () => {
    expect(enKeys).toEqual(frKeys);
  });

  it('only hold non-empty strings', () => {
    for (const [tree, keys] of [
      [fr, frKeys],
      [en, enKeys],
    ] as const) {
      for (const key of keys) {
        const value = leafValue(tree, key);
        expect(typeof value === 'string' && value.trim() !== '', key).toBe(true);
      }
    }
  });

  it('use the same interpolation variables in both languages', () => {
    for (const key of frKeys) {
      expect(placeholders(String(leafValue(en, key))), key).toEqual(placeholders(String(leafValue(fr, key))));
    }
  });

  it('have a message for every stable error code of the API', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(frKeys, code).toContain(`errors.${code}`);
    }
  });

  it('have a label for every password rule', () => {
    const everyRule = [...passwordProblems(''), ...passwordProblems('x'.repeat(200))];
    for (const rule of new Set(everyRule)) {
      expect(frKeys).toContain(`password.rules.${rule}`);
    }
    expect(fr.password.rules.min_length).toContain(String(PASSWORD_MIN_LENGTH));
  });

  it('show the same invalid-PDL message as the server in French', () => {
    const result = usagePointIdSchema.safeParse('123');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(fr.pdl.add.invalid);
    expect(fr.errors.INVALID_PDL).toBe(fr.pdl.add.invalid);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envSchema } from './env.ts';

describe('.env.example', () => {
  const text = readFileSync(new URL('../../../../.env.example', import.meta.url), 'utf8');
  const lines = text.split('\n');

  it('documents exactly the variables the server reads', () => {
    const documented = lines.filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line)).map((line) => line.split('=')[0]);
    expect([...documented].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('is mirrored by the README configuration tables, one row and one sentence per variable', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const rows = readme
      .split('\n')
      .map((line) => /^\| `([A-Z][A-Z0-9_]*)` +\| [^|]+\| (.+?) +\|$/.exec(line))
      .filter((match) => match !== null);
    expect(rows.map((match) => match[1]).sort()).toEqual(Object.keys(envSchema.shape).sort());
    for (const match of rows) {
      expect(match[2], match[1]).toMatch(/\S{3,}/);
    }
  });

  it('gives every variable a comment line just above it', () => {
    lines.forEach((line, index) => {
      if (/^[A-Z][A-Z0-9_]*=/.test(line)) {
        expect(lines[index - 1], line).toMatch(/^# \S/);
      }
    });
  });
});

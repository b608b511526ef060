import type { Pdl } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { buildPdl } from './pdl.fixture.ts';
import { moveItem, pdlDisplayName, replacePdl, toReorderPayload } from './pdlList.ts';

function pdl(id: string, overrides: Partial<Pdl> = {}): Pdl {
  return buildPdl(id, { usage_point_id: '12345678901234', ...overrides });
}

describe('moveItem', () => {
  const items = ['a', 'b', 'c'];

  it('swaps with the previous or next item', () => {
    expect(moveItem(items, 1, 'up')).toEqual(['b', 'a', 'c']);
    expect(moveItem(items, 1, 'down')).toEqual(['a', 'c', 'b']);
  });

  it('leaves the list as it is at the edges', () => {
    expect(moveItem(items, 0, 'up')).toEqual(items);
    expect(moveItem(items, 2, 'down')).toEqual(items);
  });

  it('never mutates its input', () => {
    moveItem(items, 0, 'down');
    expect(items).toEqual(['a', 'b', 'c']);
  });
});

describe('toReorderPayload', () => {
  it('numbers every PDL by its position', () => {
    expect(toReorderPayload([pdl('x'), pdl('y'), pdl('z')])).toEqual([
      { id: 'x', order: 0 },
      { id: 'y', order: 1 },
      { id: 'z', order: 2 },
    ]);
  });
});

describe('replacePdl', () => {
  it('replaces in place, or appends a new one', () => {
    const list = [pdl('a'), pdl('b')];
    expect(replacePdl(list, pdl('b', { name: 'Maison' })).map((item) => item.name)).toEqual([null, 'Maison']);
    expect(replacePdl(list, pdl('c')).map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('pdlDisplayName', () => {
  it('uses the name, or the number when the name is empty', () => {
    expect(pdlDisplayName(pdl('a', { name: 'Maison' }))).toBe('Maison');
    expect(pdlDisplayName(pdl('a', { name: '   ' }))).toBe('12345678901234');
    expect(pdlDisplayName(pdl('a'))).toBe('12345678901234');
  });
});

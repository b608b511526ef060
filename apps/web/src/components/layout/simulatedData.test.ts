import { describe, expect, it } from 'vitest';
import { simulatedDataMessage } from './simulatedData.ts';

describe('simulatedDataMessage', () => {
  it('names what is simulated, and nothing when both upstreams are real', () => {
    expect(simulatedDataMessage({ enedis: true, rte: true }, false)).toBe('all');
    expect(simulatedDataMessage({ enedis: true, rte: false }, false)).toBe('enedis');
    expect(simulatedDataMessage({ enedis: false, rte: true }, false)).toBe('rte');
    expect(simulatedDataMessage({ enedis: false, rte: false }, false)).toBeNull();
  });

  it('counts the demo account’s meters as simulated on a gateway with real Enedis access', () => {
    expect(simulatedDataMessage({ enedis: false, rte: false }, true)).toBe('enedis');
    expect(simulatedDataMessage({ enedis: false, rte: true }, true)).toBe('all');
  });
});

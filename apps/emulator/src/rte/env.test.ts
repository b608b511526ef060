import { describe, expect, it } from 'vitest';
import { rteOptionsFromEnv } from './env.ts';
import { TEMPO_PATH } from './tempo.ts';
import { rteTestEmulator } from './test-kit.ts';

describe('RTE options from the environment (npm run emulator)', () => {
  it('reads the Tempo publication time, and nothing when the variable is unset or empty', () => {
    expect(rteOptionsFromEnv({ EMULATOR_TEMPO_PUBLICATION_TIME: '06:30' })).toEqual({ tempoPublicationTime: '06:30' });
    expect(rteOptionsFromEnv({ EMULATOR_TEMPO_PUBLICATION_TIME: ' 11:00 ' })).toEqual({
      tempoPublicationTime: '11:00',
    });
    expect(rteOptionsFromEnv({})).toEqual({});
    expect(rteOptionsFromEnv({ EMULATOR_TEMPO_PUBLICATION_TIME: '' })).toEqual({});
  });

  it('refuses a malformed time, naming the variable', () => {
    for (const bad of ['6:30', '24:00', '10:60', 'noon']) {
      expect(() => rteOptionsFromEnv({ EMULATOR_TEMPO_PUBLICATION_TIME: bad })).toThrow(
        /EMULATOR_TEMPO_PUBLICATION_TIME must be HH:MM/,
      );
    }
  });

  it('moves when tomorrow’s colour appears', async () => {
    // 07:00 Paris on 2025-01-15: published with 06:30, not yet with the default 10:40.
    const query = { start_date: '2025-01-15T00:00:00+01:00', end_date: '2025-01-17T00:00:00+01:00' };
    const early = await rteTestEmulator(
      '2025-01-15T06:00:00Z',
      rteOptionsFromEnv({ EMULATOR_TEMPO_PUBLICATION_TIME: '06:30' }),
    );
    const usual = await rteTestEmulator('2025-01-15T06:00:00Z', rteOptionsFromEnv({}));
    try {
      expect((await early.get(TEMPO_PATH, query)).statusCode).toBe(200);
      const refused = await usual.get(TEMPO_PATH, query);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ error: 'TMPLIKSUPCON_TMPLIKCAL_F04' });
    } finally {
      await early.close();
      await usual.close();
    }
  });
});

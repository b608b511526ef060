import { addDays, seasonDates } from '@med/core';
import { afterEach, describe, expect, it } from 'vitest';
import { ECOWATT_PATH, hourlySignals, type EcowattSignal } from './ecowatt.ts';
import { rteTestEmulator, type RteTestEmulator } from './test-kit.ts';

let emulator: RteTestEmulator;
afterEach(() => emulator.close());

const byDay = (signals: EcowattSignal[]) => [...signals].sort((a, b) => a.jour.localeCompare(b.jour));

describe('EcoWatt v5 signals', () => {
  it('returns D to D+3 with datetime jour and 24 hourly values', async () => {
    emulator = await rteTestEmulator('2025-01-15T17:30:00Z'); // 18:30 Paris, after the 17:00 file
    const response = await emulator.get(ECOWATT_PATH);
    expect(response.statusCode).toBe(200);
    const signals = byDay(response.json<{ signals: EcowattSignal[] }>().signals);
    expect(signals.map((s) => s.jour)).toEqual([
      '2025-01-15T00:00:00+01:00',
      '2025-01-16T00:00:00+01:00',
      '2025-01-17T00:00:00+01:00',
      '2025-01-18T00:00:00+01:00',
    ]);
    for (const signal of signals) {
      expect(signal.GenerationFichier).toBe('2025-01-15T17:00:00+01:00');
      expect([1, 2, 3]).toContain(signal.dvalue);
      expect(signal.message.length).toBeGreaterThan(0);
      expect(signal.values.map((v) => v.pas)).toEqual(Array.from({ length: 24 }, (_, i) => i));
      for (const { hvalue } of signal.values) {
        expect([0, 1, 2, 3]).toContain(hvalue);
      }
      // dvalue summarises the day: 1 unless an hour is orange or red.
      expect(signal.dvalue).toBe(Math.max(1, ...signal.values.map((v) => v.hvalue)));
    }
  });

  it('fills D+3 with green until the day file is generated (17:00, Friday 12:15)', async () => {
    emulator = await rteTestEmulator('2025-01-15T09:00:00Z', { ecowattSignalOrder: 'chronological' });
    const signals = (await emulator.get(ECOWATT_PATH)).json<{ signals: EcowattSignal[] }>().signals;
    expect(signals[0]?.GenerationFichier).toBe('2025-01-14T17:00:00+01:00');
    expect(signals[3]?.values.every((v) => v.hvalue === 1)).toBe(true);
    expect(signals[3]?.message).toBe('Pas d’alerte.');

    emulator.setNow('2025-01-17T11:30:00Z'); // Friday 12:30 Paris
    const friday = (await emulator.get(ECOWATT_PATH)).json<{ signals: EcowattSignal[] }>().signals;
    expect(friday[0]?.GenerationFichier).toBe('2025-01-17T12:15:00+01:00');
  });

  it('serves the previous file while RTE is late (ecowattDelayMinutes, setEcowattDelay)', async () => {
    emulator = await rteTestEmulator('2025-01-15T17:15:00Z', { ecowattDelayMinutes: 90 }); // 18:15 Paris
    const generation = async () =>
      (await emulator.get(ECOWATT_PATH)).json<{ signals: EcowattSignal[] }>().signals[0]?.GenerationFichier;
    expect(await generation()).toBe('2025-01-14T18:30:00+01:00');
    emulator.setNow('2025-01-15T17:45:00Z'); // 18:45 Paris: the 17:00 file, 90 min late, is out
    expect(await generation()).toBe('2025-01-15T18:30:00+01:00');
    emulator.app.rteEmulator.setEcowattDelay(0);
    emulator.setNow('2025-01-16T16:05:00Z');
    expect(await generation()).toBe('2025-01-16T17:00:00+01:00');
    expect(() => emulator.app.rteEmulator.setEcowattDelay(24 * 60)).toThrow(RangeError);
    emulator.app.rteEmulator.setEcowattDelay(30);
    emulator.app.rteEmulator.reset();
    emulator.setNow('2025-01-17T16:05:00Z');
    expect(await generation()).toBe('2025-01-17T13:45:00+01:00'); // back to the option: Friday 12:15 + 90 min
  });

  it('answers 429 to a second call of the same client within 15 minutes', async () => {
    emulator = await rteTestEmulator('2025-01-15T10:00:00Z', {
      extraClients: [{ clientId: 'second', clientSecret: 'app' }],
    });
    expect((await emulator.get(ECOWATT_PATH)).statusCode).toBe(200);
    emulator.setNow('2025-01-15T10:14:59Z');
    const limited = await emulator.get(ECOWATT_PATH);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'ECOWATT_TOO_MANY_REQUESTS', error_uri: '' });
    expect(limited.headers['retry-after']).toBeUndefined();

    // The limit is per application.
    const otherToken = await emulator.token('second', 'app');
    expect((await emulator.get(ECOWATT_PATH, {}, otherToken)).statusCode).toBe(200);

    // Refused calls do not restart the window.
    emulator.setNow('2025-01-15T10:15:00Z');
    expect((await emulator.get(ECOWATT_PATH)).statusCode).toBe(200);
    const statuses = emulator.app.rteEmulator.stats.log.filter((c) => c.path === ECOWATT_PATH).map((c) => c.status);
    expect(statuses).toEqual([200, 429, 200, 200]);
  }, 10_000);

  it('mostly shows green, with a few tense winter days and green-plus hours in summer', () => {
    let tenseWinterDays = 0;
    let redDays = 0;
    let summerGreenPlus = 0;
    for (const season of ['2022-2023', '2023-2024', '2024-2025', '2025-2026']) {
      for (const date of seasonDates(season)) {
        const hours = hourlySignals(date);
        const month = Number(date.slice(5, 7));
        if (hours.some((h) => h >= 2)) {
          expect(month === 12 || month <= 3 || month === 11).toBe(true);
          tenseWinterDays += 1;
        }
        if (hours.includes(3)) {
          redDays += 1;
        }
        if (month >= 6 && month <= 8 && hours.includes(0)) {
          summerGreenPlus += 1;
        }
      }
    }
    expect(tenseWinterDays).toBeGreaterThan(0);
    expect(tenseWinterDays).toBeLessThan(4 * 15); // fewer than 15 tense days a winter on average
    expect(redDays).toBeLessThanOrEqual(tenseWinterDays);
    expect(summerGreenPlus).toBeGreaterThan(4 * 60);
  });

  it('is deterministic', async () => {
    emulator = await rteTestEmulator('2025-01-15T17:30:00Z');
    const other = await rteTestEmulator('2025-01-15T17:30:00Z');
    const first = (await emulator.get(ECOWATT_PATH)).body;
    expect((await other.get(ECOWATT_PATH)).body).toBe(first);
    await other.close();
    expect(hourlySignals(addDays('2025-01-15', 1))).toEqual(hourlySignals('2025-01-16'));
  });
});

import type { EcowattSignalDto } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { asDayLevel, ecowattHours, ecowattRuns, hourLabel, splitEcowattDays, worstHour } from './ecowatt.ts';

const day = (periode: string, values: number[], dvalue = 1): EcowattSignalDto => ({
  id: Number(periode.replaceAll('-', '')),
  periode,
  generation_datetime: '2026-11-21T16:00:00.000Z',
  dvalue,
  message: 'Pas d’alerte.',
  values,
  hdebut: 0,
  hfin: 23,
  pas: 60,
  created_at: '2026-11-21T16:05:00.000Z',
  updated_at: '2026-11-21T16:05:00.000Z',
});

const morningLowCarbon = [0, 0, 0, 0, 0, 0, ...Array<number>(12).fill(1), 2, 2, 3, 1, 1, 1];

describe('ecowatt hours', () => {
  it('gives each of the 24 values its start hour', () => {
    const hours = ecowattHours(day('2026-11-21', morningLowCarbon));
    expect(hours).toHaveLength(24);
    expect(hours[0]).toEqual({ hour: 0, level: 0 });
    expect(hours[20]).toEqual({ hour: 20, level: 3 });
    expect(hours[23]).toEqual({ hour: 23, level: 1 });
  });

  it('follows hdebut and pas', () => {
    expect(ecowattHours({ values: [1, 2], hdebut: 6, pas: 30 })).toEqual([
      { hour: 6, level: 1 },
      { hour: 6.5, level: 2 },
    ]);
  });

  it('says the day in runs of equal level', () => {
    expect(ecowattRuns(day('2026-11-21', morningLowCarbon))).toEqual([
      { from: 0, to: 6, level: 0 },
      { from: 6, to: 18, level: 1 },
      { from: 18, to: 20, level: 2 },
      { from: 20, to: 21, level: 3 },
      { from: 21, to: 24, level: 1 },
    ]);
    expect(ecowattRuns(day('2026-11-21', Array<number>(24).fill(1)))).toEqual([{ from: 0, to: 24, level: 1 }]);
  });

  it('labels hours as a clock, 24 included', () => {
    expect(hourLabel(0)).toBe('00:00');
    expect(hourLabel(6.5)).toBe('06:30');
    expect(hourLabel(24)).toBe('24:00');
  });

  it('finds the worst hour and clamps day levels', () => {
    expect(worstHour(day('2026-11-21', morningLowCarbon))).toBe(3);
    expect(worstHour(day('2026-11-21', []))).toBe(0);
    expect([asDayLevel(1), asDayLevel(2), asDayLevel(3), asDayLevel(0)]).toEqual([1, 2, 3, 1]);
  });
});

describe('splitEcowattDays', () => {
  it('separates today from the next three days, in date order', () => {
    const signals = [
      day('2026-11-23', []),
      day('2026-11-21', []),
      day('2026-11-25', []),
      day('2026-11-22', []),
      day('2026-11-24', []),
    ];
    const { today, next } = splitEcowattDays(signals, '2026-11-21');
    expect(today?.periode).toBe('2026-11-21');
    expect(next.map((signal) => signal.periode)).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
  });

  it('has no today when RTE has not published it', () => {
    const { today, next } = splitEcowattDays([day('2026-11-22', [])], '2026-11-21');
    expect(today).toBeNull();
    expect(next).toHaveLength(1);
  });
});

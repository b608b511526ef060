import { describe, expect, it } from 'vitest';
import { balanceDays, monthlyBalance, summariseBalance } from './balance.ts';
import { toEnergySlots } from './slots.ts';
import { dayReadings } from './test-fixtures.ts';

describe('self-consumption estimate', () => {
  it('uses min(consumption, production) per slot when both curves cover the day', () => {
    // Consumption 1000 W all day (24 kWh); production 3000 W from 10:00 to 14:00 (12 kWh).
    const consumption = toEnergySlots(dayReadings('2025-06-15', () => 1000)).slots;
    const production = toEnergySlots(
      dayReadings('2025-06-15', (index) => (index >= 20 && index < 28 ? 3000 : 0)),
    ).slots;
    const days = balanceDays({
      consumptionDaily: [{ date: '2025-06-15', wh: 24_000 }],
      productionDaily: [{ date: '2025-06-15', wh: 12_000 }],
      consumptionSlots: consumption,
      productionSlots: production,
    });
    // Only 1000 W of the 3000 W can be used on the spot during 4 h: 4 kWh.
    expect(days).toEqual([
      { date: '2025-06-15', consumptionWh: 24_000, productionWh: 12_000, selfConsumedWh: 4000, method: 'slots' },
    ]);
    const summary = summariseBalance(days);
    expect(summary.selfConsumptionRate).toBeCloseTo(4 / 12);
    expect(summary.selfSufficiencyRate).toBeCloseTo(4 / 24);
    expect(summary.netWh).toBe(-12_000);
    expect(summary.method).toBe('slots');
  });

  it('falls back to min(daily consumption, daily production) without complete curves', () => {
    const partial = toEnergySlots(dayReadings('2025-06-15', () => 1000)).slots.slice(0, 40);
    const days = balanceDays({
      consumptionDaily: [
        { date: '2025-06-15', wh: 24_000 },
        { date: '2025-06-16', wh: 5000 },
      ],
      productionDaily: [
        { date: '2025-06-15', wh: 12_000 },
        { date: '2025-06-16', wh: 9000 },
      ],
      consumptionSlots: partial,
      productionSlots: partial,
    });
    expect(days.map((day) => [day.selfConsumedWh, day.method])).toEqual([
      [12_000, 'days'],
      [5000, 'days'],
    ]);
    expect(summariseBalance(days)).toMatchObject({
      selfConsumedWh: 17_000,
      selfConsumptionRate: 17 / 21,
      method: 'days',
      dayDays: 2,
      slotDays: 0,
    });
  });

  it('works on DST days (50 slots) and reports a mixed method', () => {
    const october = toEnergySlots(dayReadings('2025-10-26', () => 1000)).slots;
    const days = balanceDays({
      consumptionDaily: [
        { date: '2025-10-26', wh: 25_000 },
        { date: '2025-10-27', wh: 10_000 },
      ],
      productionDaily: [
        { date: '2025-10-26', wh: 25_000 },
        { date: '2025-10-27', wh: 1000 },
      ],
      consumptionSlots: october,
      productionSlots: october,
    });
    expect(days[0]).toMatchObject({ selfConsumedWh: 25_000, method: 'slots' });
    expect(summariseBalance(days).method).toBe('mixed');
  });

  it('skips days without production and has no rates without data', () => {
    expect(balanceDays({ consumptionDaily: [{ date: '2025-01-01', wh: 1 }], productionDaily: [] })).toEqual([]);
    expect(summariseBalance([])).toMatchObject({ selfConsumptionRate: null, selfSufficiencyRate: null, method: null });
  });

  it('summarises per month', () => {
    const days = balanceDays({
      consumptionDaily: [
        { date: '2025-01-31', wh: 10 },
        { date: '2025-02-01', wh: 10 },
      ],
      productionDaily: [
        { date: '2025-01-31', wh: 4 },
        { date: '2025-02-01', wh: 20 },
      ],
    });
    expect(monthlyBalance(days).map((month) => [month.month, month.netWh, month.selfConsumedWh])).toEqual([
      ['2025-01', -6, 4],
      ['2025-02', 10, 10],
    ]);
  });
});

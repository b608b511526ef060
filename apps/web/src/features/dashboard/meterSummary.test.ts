import { addDays, type DailyEnergy } from '@med/core';
import { describe, expect, it } from 'vitest';
import { relativeChange, sparklineSegments, summarizeMeter } from './meterSummary.ts';

/** One reading a day from `from` to `to` (included), `wh(date)` each. */
function days(from: string, to: string, wh: (date: string) => number = () => 1000): DailyEnergy[] {
  const list: DailyEnergy[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    list.push({ date, wh: wh(date) });
  }
  return list;
}

describe('summarizeMeter', () => {
  it('yesterday, the last 7 days, this month so far and the same days a year earlier', () => {
    const daily = days('2025-03-01', '2026-03-14', (date) => (date.startsWith('2026') ? 2000 : 1000));
    const summary = summarizeMeter(daily, '2026-03-15');
    expect(summary.yesterday).toEqual({ date: '2026-03-14', wh: 2000 });
    expect(summary.lastWeek).toEqual({ from: '2026-03-08', to: '2026-03-14', wh: 14_000, days: 7 });
    expect(summary.monthToDate).toEqual({ from: '2026-03-01', to: '2026-03-14', wh: 28_000, days: 14 });
    expect(summary.sameDaysLastYear).toEqual({ from: '2025-03-01', to: '2025-03-14', wh: 14_000, days: 14 });
    expect(relativeChange(summary.monthToDate, summary.sameDaysLastYear)).toBe(1);
    expect(summary.lastThirtyDays).toHaveLength(30);
    expect(summary.lastThirtyDays.at(-1)).toBe(2000);
  });

  it('on the 1st, "this month" is the whole previous month', () => {
    const summary = summarizeMeter(days('2025-01-01', '2026-01-31'), '2026-02-01');
    expect(summary.monthToDate).toMatchObject({ from: '2026-01-01', to: '2026-01-31', days: 31 });
    expect(summary.sameDaysLastYear).toMatchObject({ from: '2025-01-01', to: '2025-01-31', days: 31 });
  });

  it('never compares a partial period with a whole one', () => {
    // No data last year before the 10th (the meter was installed then).
    const summary = summarizeMeter(days('2025-03-10', '2026-03-14'), '2026-03-15');
    expect(summary.sameDaysLastYear.days).toBe(5);
    expect(relativeChange(summary.monthToDate, summary.sameDaysLastYear)).toBeNull();
  });

  it('has no yesterday while Enedis has not published it, and gaps in the sparkline', () => {
    const summary = summarizeMeter(
      days('2026-02-01', '2026-03-13').filter((day) => day.date !== '2026-03-01'),
      '2026-03-15',
    );
    expect(summary.yesterday).toBeNull();
    expect(summary.lastThirtyDays.filter((value) => value === null)).toHaveLength(2);
    expect(sparklineSegments(summary.lastThirtyDays, 100, 20)).toHaveLength(2);
  });
});

describe('sparklineSegments', () => {
  it('scales the values into the box, the highest at the top', () => {
    expect(sparklineSegments([0, 5, 10], 100, 20)).toEqual(['0,20 50,10 100,0']);
    expect(sparklineSegments([null, null], 100, 20)).toEqual([]);
  });
});

import type { TempoSeasonStatsDto } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { colourBalance, countColours, seasonCalendar, seasonChoices, seasonHasData, seasonRange } from './tempo.ts';

describe('seasonCalendar', () => {
  const published = [
    { date: '2025-09-01', color: 'BLUE' as const },
    { date: '2025-09-02', color: 'WHITE' as const },
    { date: '2025-12-15', color: 'RED' as const },
  ];
  const months = seasonCalendar('2025-2026', published, '2025-09-02');

  it('lays out September to August with every day', () => {
    expect(months.map((month) => month.month)).toEqual([
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
    ]);
    expect(months.reduce((sum, month) => sum + month.days.length, 0)).toBe(365);
    expect(months[5]?.days).toHaveLength(28); // February 2026
  });

  it('starts each month on its weekday, Monday first', () => {
    expect(months[0]?.leadingBlanks).toBe(0); // 2025-09-01 is a Monday
    expect(months[1]?.leadingBlanks).toBe(2); // 2025-10-01 is a Wednesday
    expect(months[4]?.leadingBlanks).toBe(3); // 2026-01-01 is a Thursday
    expect(months[2]?.leadingBlanks).toBe(5); // 2025-11-01 is a Saturday
  });

  it('keeps unpublished days unknown (not blue), marks today and counts per month', () => {
    expect(months[0]?.days.slice(0, 3).map((day) => day.colour)).toEqual(['BLUE', 'WHITE', null]);
    expect(months[0]?.days.filter((day) => day.isToday).map((day) => day.date)).toEqual(['2025-09-02']);
    expect(months[0]?.counts).toEqual({ BLUE: 1, WHITE: 1, RED: 0 });
    expect(months[3]?.counts).toEqual({ BLUE: 0, WHITE: 0, RED: 1 });
    expect(months[3]?.days[14]).toEqual({ date: '2025-12-15', day: 15, colour: 'RED', isToday: false });
  });

  it('has 366 days in a season with 29 February', () => {
    const leap = seasonCalendar('2027-2028', [], '2030-01-01');
    expect(leap.reduce((sum, month) => sum + month.days.length, 0)).toBe(366);
    expect(leap.flatMap((month) => month.days).some((day) => day.isToday)).toBe(false);
  });
});

describe('season helpers', () => {
  it('offers the current season then the previous one', () => {
    expect(seasonChoices('2026-08-31')).toEqual(['2025-2026', '2024-2025']);
    expect(seasonChoices('2026-09-01')).toEqual(['2026-2027', '2025-2026']);
  });

  it('gives the whole season as an inclusive range', () => {
    expect(seasonRange('2025-2026')).toEqual({ start: '2025-09-01', end: '2026-08-31' });
  });

  it('counts published days per colour', () => {
    expect(countColours([{ color: 'BLUE' }, { color: 'RED' }, { color: 'BLUE' }])).toEqual({
      BLUE: 2,
      WHITE: 0,
      RED: 1,
    });
  });
});

describe('colourBalance', () => {
  const stats: TempoSeasonStatsDto = {
    season: '2026-2027',
    day_in_season: 82,
    days_in_season: 365,
    blue_used: 80,
    blue_remaining: 220,
    white_used: 3,
    white_remaining: 40,
    red_used: 0,
    red_remaining: 22,
    thresholds: { white_red: 1.158, red: 1.648 },
  };

  it('gives used, remaining and quota per colour, and the days still to colour', () => {
    const { rows, remaining } = colourBalance(stats);
    expect(rows).toEqual([
      { colour: 'BLUE', used: 80, remaining: 220, quota: 300 },
      { colour: 'WHITE', used: 3, remaining: 40, quota: 43 },
      { colour: 'RED', used: 0, remaining: 22, quota: 22 },
    ]);
    expect(remaining).toBe(282);
    expect(remaining + rows.reduce((sum, row) => sum + row.used, 0)).toBe(stats.days_in_season);
  });
});

describe('seasonHasData', () => {
  it('is false until a day of the season is known', () => {
    expect(seasonHasData({ blue_used: 0, white_used: 0, red_used: 0 })).toBe(false);
    expect(seasonHasData({ blue_used: 0, white_used: 1, red_used: 0 })).toBe(true);
  });
});

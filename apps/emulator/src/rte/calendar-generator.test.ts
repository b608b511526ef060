import { addDays, isoWeekday, validateSeason } from '@med/core';
import { describe, expect, it } from 'vitest';
import { generateSeasonCalendar } from './calendar-generator.ts';

const SEASONS = ['2022-2023', '2023-2024', '2024-2025', '2025-2026', '2026-2027'];

describe('generateSeasonCalendar', () => {
  it.each(SEASONS)('gives %s exact quotas and no rule violation, soft rules included', (season) => {
    const report = validateSeason(generateSeasonCalendar(season), { season });
    expect(report.violations).toEqual([]);
    expect(report.complete).toBe(true);
    expect(report.counts).toEqual(report.quotas);
  });

  it('gives 301 blue days in a season with 29 February', () => {
    expect(validateSeason(generateSeasonCalendar('2023-2024')).counts.BLUE).toBe(301);
  });

  it('is deterministic and differs from one season to the next', () => {
    const colours = (season: string) => [...generateSeasonCalendar(season).values()].join(',');
    expect(colours('2025-2026')).toBe(colours('2025-2026'));
    const reds = (season: string) =>
      [...generateSeasonCalendar(season)].filter(([, c]) => c === 'RED').map(([d]) => d.slice(5));
    expect(reds('2024-2025')).not.toEqual(reds('2025-2026'));
  });

  it.each(SEASONS)('clusters colours in the cold months of %s', (season) => {
    const calendar = generateSeasonCalendar(season);
    const coloured = [...calendar].filter(([, colour]) => colour !== 'BLUE');
    const inDeepWinter = coloured.filter(([date]) => ['12', '01', '02'].includes(date.slice(5, 7)));
    // Real seasons place most white and red days in December–February.
    expect(inDeepWinter.length / coloured.length).toBeGreaterThan(0.6);
    // Cold spells: most coloured working days have a coloured neighbour (previous or next working day).
    const workingNeighbour = (date: string, step: 1 | -1) => {
      let day = addDays(date, step);
      while (isoWeekday(day) >= 6) {
        day = addDays(day, step);
      }
      return day;
    };
    const clustered = coloured.filter(
      ([date]) =>
        isoWeekday(date) <= 5 &&
        [workingNeighbour(date, -1), workingNeighbour(date, 1)].some((d) => (calendar.get(d) ?? 'BLUE') !== 'BLUE'),
    );
    expect(clustered.length / coloured.filter(([d]) => isoWeekday(d) <= 5).length).toBeGreaterThan(0.6);
    // No colour at all in summer.
    expect(coloured.some(([date]) => ['06', '07', '08'].includes(date.slice(5, 7)))).toBe(false);
  });
});

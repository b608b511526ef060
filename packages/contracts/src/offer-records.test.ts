import { describe, expect, it } from 'vitest';
import { offerDataSetFileSchema, offerRecordSchema } from './offer-records.ts';

/** A Tempo record shaped as the data set writes it (prices are test values). */
const tempo = {
  id: 'edf:tarif-bleu:TEMPO:6:2025-08-01',
  name: 'Tarif Bleu',
  offer_type: 'TEMPO',
  power_kva: 6,
  subscription_eur_per_month: 15.5,
  prices: {
    tempo_blue_hc: 0.1288,
    tempo_blue_hp: 0.1552,
    tempo_white_hc: 0.1447,
    tempo_white_hp: 0.1792,
    tempo_red_hc: 0.1518,
    tempo_red_hp: 0.6586,
  },
  hc_schedule: { default: ['22:00-06:00'] },
  valid_from: '2025-08-01',
  valid_to: '2026-01-31',
  source: 'upstream seed apps/api/src/models/seed.py',
  confidence: 'high',
};

describe('offer record schema', () => {
  it('accepts a record of the data set and a provider file around it', () => {
    expect(offerRecordSchema.parse(tempo).id).toBe(tempo.id);
    const file = { schema_version: 1, provider: { slug: 'edf', name: 'EDF' }, offers: [tempo] };
    expect(offerDataSetFileSchema.parse(file).offers).toHaveLength(1);
  });

  it('accepts an open-ended record and week-day/week-end windows ending at 24:00', () => {
    const record = {
      ...tempo,
      id: 'enercoop:flexi-watt-nuit-week-end:HC_NUIT_WEEKEND:6:2025-08-01',
      offer_type: 'HC_NUIT_WEEKEND',
      prices: { hp: 0.25, hc: 0.18 },
      hc_schedule: { weekday: ['23:00-06:00'], weekend: ['00:00-24:00'] },
      valid_to: null,
    };
    expect(offerRecordSchema.safeParse(record).success).toBe(true);
  });

  it.each([
    ['a missing price key', { prices: { ...tempo.prices, tempo_red_hp: undefined } }, 'prices'],
    ['a price key of another type', { prices: { ...tempo.prices, base: 0.2 } }, 'prices'],
    ['a negative price', { prices: { ...tempo.prices, tempo_red_hp: -1 } }, 'prices'],
    ['an unknown power', { power_kva: 7, id: 'edf:tarif-bleu:TEMPO:7:2025-08-01' }, 'power_kva'],
    ['an impossible date', { valid_to: '2026-02-30' }, 'valid_to'],
    ['an end before the start', { valid_to: '2025-07-31' }, 'valid_to'],
    ['an id that disagrees with the record', { id: 'edf:tarif-bleu:TEMPO:9:2025-08-01' }, 'id'],
    ['a window past 24:00', { hc_schedule: { default: ['22:00-24:30'] } }, 'hc_schedule'],
    ['an unknown schedule key', { hc_schedule: { holiday: ['00:00-24:00'] } }, 'hc_schedule'],
    ['an unknown offer type', { offer_type: 'HC_SUPER' }, 'offer_type'],
  ])('refuses %s', (_label, change, field) => {
    const result = offerRecordSchema.safeParse({ ...tempo, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });
});

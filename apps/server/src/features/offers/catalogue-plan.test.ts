import type { OfferDataSetFile, OfferRecord } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import type { OfferRow, ProviderRow } from './catalogue.repository.ts';
import { planCatalogueImport } from './catalogue-plan.ts';
import { recordToRow } from './offer.mapper.ts';

const NOW = '2026-01-01T00:00:00.000Z';
const provider: ProviderRow = {
  id: 'p1',
  slug: 'acme',
  name: 'Acme',
  website: 'https://acme.example',
  logo_url: null,
  scraper_urls: '[]',
  is_active: true,
  created_at: NOW,
  updated_at: NOW,
};

function record(validFrom: string, validTo: string | null, base = 0.2, kva = 6): OfferRecord {
  return {
    id: `acme:simple:BASE:${String(kva)}:${validFrom}`,
    name: 'Simple',
    offer_type: 'BASE',
    power_kva: kva,
    subscription_eur_per_month: 12.5,
    prices: { base },
    hc_schedule: null,
    valid_from: validFrom,
    valid_to: validTo,
    source: 'https://acme.example/grille.pdf',
    confidence: 'medium',
  };
}
const stored = (r: OfferRecord, active = true): OfferRow =>
  ({ ...recordToRow(r, provider.id, `row-${r.id}`, NOW), is_active: active }) as OfferRow;
const file = (offers: OfferRecord[]): OfferDataSetFile => ({
  schema_version: 1,
  provider: { slug: 'acme', name: 'Acme', website: 'https://acme.example' },
  offers,
});

describe('catalogue import plan', () => {
  it('creates a new provider and all its records', () => {
    const plan = planCatalogueImport(file([record('2025-01-01', null)]), undefined, []);
    expect(plan.summary.provider.action).toBe('create');
    expect(plan.summary.create).toEqual([
      { record_id: 'acme:simple:BASE:6:2025-01-01', valid_from: '2025-01-01', valid_to: null },
    ]);
    expect(plan.closes).toEqual([]);
  });

  it('a newer period closes the open one the day before, keeping its prices (history)', () => {
    const old = record('2025-01-01', null);
    const plan = planCatalogueImport(file([record('2025-08-01', null, 0.19)]), provider, [stored(old)]);
    expect(plan.summary).toMatchObject({
      provider: { action: 'unchanged' },
      create: [{ record_id: 'acme:simple:BASE:6:2025-08-01' }],
      update: [],
      close: [{ record_id: old.id, valid_to: '2025-07-31' }],
      unchanged: 0,
    });
    expect(plan.updates).toEqual([]);
  });

  it('the same file twice changes nothing; a changed field is an update naming it', () => {
    const current = record('2025-01-01', null);
    expect(planCatalogueImport(file([current]), provider, [stored(current)]).summary).toMatchObject({
      create: [],
      update: [],
      close: [],
      unchanged: 1,
    });
    const corrected = { ...current, prices: { base: 0.21 }, notes: 'typo fixed' };
    expect(planCatalogueImport(file([corrected]), provider, [stored(current)]).summary.update).toEqual([
      { record_id: current.id, fields: ['prices', 'notes'] },
    ]);
    const ended = { ...current, valid_to: '2025-12-31' };
    expect(planCatalogueImport(file([ended]), provider, [stored(current)]).summary.close).toEqual([
      { record_id: current.id, valid_to: '2025-12-31' },
    ]);
  });

  it('refuses overlapping periods, duplicates and another provider’s records', () => {
    const closed = record('2025-01-01', '2025-12-31');
    expect(() => planCatalogueImport(file([record('2025-06-01', null)]), provider, [stored(closed)])).toThrow(
      /se chevauchent/,
    );
    // A withdrawn record does not block its correction.
    expect(
      planCatalogueImport(file([record('2025-06-01', null)]), provider, [stored(closed, false)]).summary.create,
    ).toHaveLength(1);
    expect(() => planCatalogueImport(file([closed, closed]), provider, [])).toThrow(/deux fois/);
    const foreign = { ...closed, id: 'other:simple:BASE:6:2025-01-01' };
    expect(() => planCatalogueImport(file([foreign]), provider, [])).toThrow(/n'appartient pas/);
  });

  it('another power is another series', () => {
    const six = record('2025-01-01', null, 0.2, 6);
    const plan = planCatalogueImport(file([record('2025-08-01', null, 0.2, 9)]), provider, [stored(six)]);
    expect(plan.summary.close).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import type { OfferDataSetFile, OfferRecord } from '@med/contracts';
import { insertOffers, insertProvider } from '../../src/features/offers/catalogue.repository.ts';
import { recordToRow } from '../../src/features/offers/offer.mapper.ts';
import type { Db } from '../../src/db/database.ts';
import type { TestServer } from './test-server.ts';

/** A BASE record of `slug`'s offer `simple` (valid from `validFrom`, open-ended by default). */
export function baseRecord(slug: string, validFrom: string, options: Partial<OfferRecord> = {}): OfferRecord {
  const kva = options.power_kva ?? 6;
  return {
    id: `${slug}:simple:BASE:${String(kva)}:${validFrom}`,
    name: 'Simple',
    offer_type: 'BASE',
    power_kva: kva,
    subscription_eur_per_month: 12.5,
    prices: { base: 0.2 },
    hc_schedule: null,
    valid_from: validFrom,
    valid_to: null,
    source: `https://${slug}.example/grille.pdf`,
    confidence: 'medium',
    ...options,
  };
}

export function providerFile(slug: string, offers: OfferRecord[]): OfferDataSetFile {
  return {
    schema_version: 1,
    provider: { slug, name: `Fournisseur ${slug}`, website: `https://${slug}.example` },
    offers,
  };
}

/** A provider with one open BASE 6 kVA offer, written straight to the catalogue; returns both ids. */
export async function freshCatalogueEntry(server: TestServer): Promise<{ providerId: string; offerId: string }> {
  const { providerId, slug } = await insertTestProvider(server.deps.db);
  const offerId = randomUUID();
  const now = new Date().toISOString();
  await insertOffers(server.deps.db, [recordToRow(baseRecord(slug, '2025-01-01'), providerId, offerId, now)]);
  return { providerId, offerId };
}

/** A new, active provider with a unique slug (`<prefix><8 hex>`), for the offers a test adds to the catalogue. */
export async function insertTestProvider(db: Db, prefix = 't-'): Promise<{ providerId: string; slug: string }> {
  const slug = `${prefix}${randomUUID().slice(0, 8)}`;
  const providerId = randomUUID();
  const now = new Date().toISOString();
  await insertProvider(db, {
    id: providerId,
    slug,
    name: `Fournisseur ${slug}`,
    website: null,
    logo_url: null,
    is_active: true,
    created_at: now,
    updated_at: now,
  });
  return { providerId, slug };
}

import { REFERENCE_PRICE_FIELDS, type EnergyOffer, type OfferType } from '@med/contracts';

/** A catalogue record as `GET /api/energy/offers` serves it, for the view-logic tests. */
export function offerRecord(
  recordId: string,
  overrides: Partial<EnergyOffer> & { prices?: Record<string, number> } = {},
): EnergyOffer {
  const [provider = 'p', slug = 'o', type = 'BASE', kva = '6', validFrom = '2025-01-01'] = recordId.split(':');
  const nulls = Object.fromEntries(REFERENCE_PRICE_FIELDS.map((field) => [field, null])) as Pick<
    EnergyOffer,
    'base_price'
  >;
  return {
    ...nulls,
    id: `id-${recordId}`,
    record_id: recordId,
    series_key: [provider, slug, type, kva].join(':'),
    provider_id: `prov-${provider}`,
    provider_name: provider.toUpperCase(),
    name: slug,
    offer_type: type as OfferType,
    description: null,
    power_kva: Number(kva),
    subscription_price: 10,
    prices: { base: 0.2 },
    hc_schedules: null,
    valid_from: validFrom,
    valid_to: null,
    price_updated_at: '2025-01-01T00:00:00Z',
    offer_url: null,
    source: 'test',
    confidence: 'high',
    notes: null,
    is_active: true,
    created_at: '2025-01-01T00:00:00Z',
    ...overrides,
  } as EnergyOffer;
}

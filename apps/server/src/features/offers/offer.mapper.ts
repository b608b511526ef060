import {
  type EnergyOffer,
  type EnergyProvider,
  type HcSchedule,
  type OfferRecord,
  type OfferType,
  OFFER_TYPES,
  REFERENCE_FIELD_OF_PRICE_KEY,
  REFERENCE_PRICE_FIELDS,
  type ReferencePriceField,
} from '@med/contracts';
import { toBool } from '../../db/database.ts';
import type { NewOfferRow, OfferRow, ProviderRow } from './catalogue.repository.ts';

/** The data set's optional fields, kept together in `energy_offers.details`. */
export const DETAIL_FIELDS = [
  'corroboration',
  'rules',
  'reference',
  'derived_fields',
  'valid_from_inferred',
  'valid_to_inferred',
  'notes',
] as const satisfies readonly (keyof OfferRecord)[];
type Details = Pick<OfferRecord, (typeof DETAIL_FIELDS)[number]>;

/** `provider:offer-slug:OFFER_TYPE:kva:valid_from` without its valid_from. */
export function seriesKeyOf(recordId: string): string {
  return recordId.slice(0, recordId.lastIndexOf(':'));
}

export function detailsOf(record: OfferRecord): Details {
  const details: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS) {
    if (record[field] !== undefined) {
      details[field] = record[field];
    }
  }
  return details;
}

/** The first http(s) URL of a record's source, if any (the reference's `offer_url`). */
function urlOf(source: string): string | null {
  return /https?:\/\/[^\s;)"]+/.exec(source)?.[0] ?? null;
}

function isOfferType(value: string): value is OfferType {
  return (OFFER_TYPES as readonly string[]).includes(value);
}

function parseJson<T>(text: string | null, fallback: T): T {
  return text === null ? fallback : (JSON.parse(text) as T);
}

/** A new row for a data-set record of `providerId`. */
export function recordToRow(record: OfferRecord, providerId: string, id: string, now: string): NewOfferRow {
  return {
    id,
    record_id: record.id,
    series_key: seriesKeyOf(record.id),
    provider_id: providerId,
    name: record.name,
    offer_type: record.offer_type,
    description: null,
    power_kva: record.power_kva,
    subscription_eur_per_month: record.subscription_eur_per_month,
    prices: JSON.stringify(record.prices),
    hc_schedule: record.hc_schedule === null ? null : JSON.stringify(record.hc_schedule),
    valid_from: record.valid_from,
    valid_to: record.valid_to,
    source: record.source,
    confidence: record.confidence,
    details: JSON.stringify(detailsOf(record)),
    offer_url: urlOf(record.source),
    is_active: true,
    price_updated_at: now,
    created_at: now,
    updated_at: now,
  };
}

/** A stored row as a data-set record (what the tariff engine prices with and what an export writes). */
export function rowToRecord(row: OfferRow): OfferRecord {
  if (!isOfferType(row.offer_type)) {
    throw new Error(`energy_offers ${row.id}: unknown offer type ${row.offer_type}`);
  }
  return {
    id: row.record_id,
    name: row.name,
    offer_type: row.offer_type,
    power_kva: row.power_kva,
    subscription_eur_per_month: Number(row.subscription_eur_per_month),
    prices: parseJson<Record<string, number>>(row.prices, {}),
    hc_schedule: parseJson<HcSchedule | null>(row.hc_schedule, null),
    valid_from: row.valid_from,
    valid_to: row.valid_to,
    source: row.source,
    confidence: row.confidence as OfferRecord['confidence'],
    ...parseJson<Details>(row.details, {}),
  };
}

/** The reference's offer shape plus the data set's record id, price keys, confidence and source. */
export function offerRowToDto(row: OfferRow, providerName: string): EnergyOffer {
  const record = rowToRecord(row);
  const columns = Object.fromEntries(REFERENCE_PRICE_FIELDS.map((field) => [field, null])) as Record<
    ReferencePriceField,
    number | null
  >;
  const fieldOf = REFERENCE_FIELD_OF_PRICE_KEY[record.offer_type];
  for (const [key, price] of Object.entries(record.prices)) {
    const field = fieldOf[key];
    if (field !== undefined) {
      columns[field] = price;
    }
  }
  return {
    id: row.id,
    record_id: row.record_id,
    series_key: row.series_key,
    provider_id: row.provider_id,
    provider_name: providerName,
    name: row.name,
    offer_type: record.offer_type,
    description: row.description,
    power_kva: row.power_kva,
    subscription_price: record.subscription_eur_per_month,
    ...columns,
    prices: record.prices,
    hc_schedules: record.hc_schedule,
    valid_from: row.valid_from,
    valid_to: row.valid_to,
    price_updated_at: row.price_updated_at,
    offer_url: row.offer_url,
    source: row.source,
    confidence: record.confidence,
    notes: record.notes ?? null,
    is_active: toBool(row.is_active),
    created_at: row.created_at,
  };
}

export function providerRowToDto(row: ProviderRow): EnergyProvider {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    logo_url: row.logo_url,
    website: row.website,
    scraper_urls: parseJson<string[]>(row.scraper_urls, []),
    is_active: toBool(row.is_active),
  };
}

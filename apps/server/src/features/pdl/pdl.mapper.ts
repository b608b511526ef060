import { offpeakHoursSchema, pricingOptionSchema, type OffpeakHours, type Pdl } from '@med/contracts';
import { toBool, type ConsentRow, type PdlRow } from '../../db/database.ts';
import { consentStatusOf } from '../consent/consent-access.ts';

/** Stored off-peak JSON → `{ranges}`; anything unreadable is reported as unknown (null), never guessed. */
export function parseStoredOffpeak(value: string | null): OffpeakHours | null {
  if (value === null) {
    return null;
  }
  try {
    const parsed = offpeakHoursSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** `consent` is the account's latest consent record for this meter (undefined: none yet). */
export function pdlRowToDto(row: PdlRow, consent: ConsentRow | undefined, now: Date): Pdl {
  const pricing = pricingOptionSchema.safeParse(row.pricing_option);
  const consentStatus = consentStatusOf(consent, now);
  return {
    id: row.id,
    usage_point_id: row.usage_point_id,
    name: row.name,
    created_at: row.created_at,
    display_order: row.display_order,
    subscribed_power: row.subscribed_power,
    offpeak_hours: parseStoredOffpeak(row.offpeak_hours),
    pricing_option: pricing.success ? pricing.data : null,
    has_consumption: toBool(row.has_consumption),
    has_production: toBool(row.has_production),
    is_active: toBool(row.is_active),
    oldest_available_data_date: row.oldest_available_data_date,
    activation_date: row.activation_date,
    linked_production_pdl_id: row.linked_production_pdl_id,
    selected_offer_id: row.selected_offer_id,
    consent_status: consentStatus,
    consent_granted_at: consent?.granted_at ?? null,
    consent_expires_at: consent?.expires_at ?? null,
    consent_revoked_at: consentStatus === 'revoked' ? (consent?.ended_at ?? null) : null,
  };
}

/**
 * A meter as the gateway listed it, in the stored row's shape (client mode keeps the gateway's answer, and
 * the costs read rows). Owner and timestamps are the gateway's business: not stored on a client.
 */
export function pdlDtoToRow(pdl: Pdl): PdlRow {
  return {
    id: pdl.id,
    usage_point_id: pdl.usage_point_id,
    user_id: '',
    name: pdl.name,
    display_order: pdl.display_order,
    subscribed_power: pdl.subscribed_power,
    offpeak_hours: pdl.offpeak_hours === null ? null : JSON.stringify(pdl.offpeak_hours),
    pricing_option: pdl.pricing_option,
    has_consumption: pdl.has_consumption,
    has_production: pdl.has_production,
    is_active: pdl.is_active,
    oldest_available_data_date: pdl.oldest_available_data_date,
    activation_date: pdl.activation_date,
    linked_production_pdl_id: pdl.linked_production_pdl_id,
    selected_offer_id: pdl.selected_offer_id,
    created_at: pdl.created_at,
    updated_at: pdl.created_at,
  };
}

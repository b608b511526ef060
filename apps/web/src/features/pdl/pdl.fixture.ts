import type { Pdl } from '@med/contracts';

/** A complete PDL as the API returns it, for tests; `overrides` set what a test cares about. */
export function buildPdl(id: string, overrides: Partial<Pdl> = {}): Pdl {
  return {
    id,
    usage_point_id: id.padStart(14, '0'),
    name: null,
    created_at: '2025-01-01T00:00:00Z',
    display_order: null,
    subscribed_power: null,
    offpeak_hours: null,
    pricing_option: null,
    has_consumption: true,
    has_production: false,
    is_active: true,
    oldest_available_data_date: null,
    activation_date: null,
    linked_production_pdl_id: null,
    selected_offer_id: null,
    consent_status: 'active',
    consent_granted_at: '2025-01-01T00:00:00Z',
    consent_expires_at: '2028-01-01T00:00:00Z',
    consent_revoked_at: null,
    ...overrides,
  };
}

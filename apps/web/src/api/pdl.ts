import {
  pdlResponseSchema,
  type CreatePdlRequest,
  type OffpeakHours,
  type Pdl,
  type PricingOption,
} from '@med/contracts';
import { request, type Schema } from './client.ts';

const pdlListSchema: Schema<Pdl[]> = pdlResponseSchema.array();

const path = (id: string) => `/pdl/${encodeURIComponent(id)}`;

export function listPdls(signal?: AbortSignal) {
  return request('GET', '/pdl', { schema: pdlListSchema, signal });
}

export function getPdl(id: string, signal?: AbortSignal) {
  return request('GET', path(id), { schema: pdlResponseSchema, signal });
}

export function createPdl(body: CreatePdlRequest) {
  return request('POST', '/pdl', { body, schema: pdlResponseSchema });
}

export async function deletePdl(id: string): Promise<void> {
  await request('DELETE', path(id));
}

export function renamePdl(id: string, name: string | null) {
  return request('PATCH', `${path(id)}/name`, { body: { name }, schema: pdlResponseSchema });
}

export function setPdlActive(id: string, isActive: boolean) {
  return request('PATCH', `${path(id)}/active`, { body: { is_active: isActive }, schema: pdlResponseSchema });
}

export function setPdlType(id: string, type: { has_consumption: boolean; has_production: boolean }) {
  return request('PATCH', `${path(id)}/type`, { body: type, schema: pdlResponseSchema });
}

export function setPdlPricingOption(id: string, pricingOption: PricingOption | null) {
  return request('PATCH', `${path(id)}/pricing-option`, {
    body: { pricing_option: pricingOption },
    schema: pdlResponseSchema,
  });
}

export function setPdlContract(
  id: string,
  contract: { subscribed_power?: number | null; offpeak_hours?: OffpeakHours | null },
) {
  return request('PATCH', `${path(id)}/contract`, { body: contract, schema: pdlResponseSchema });
}

/** Sends the full order (`order` = position) and returns the list as the server now sorts it. */
export function reorderPdls(orders: { id: string; order: number }[]) {
  return request('PATCH', '/pdl/reorder', { body: { pdl_orders: orders }, schema: pdlListSchema });
}

/** `PATCH /api/pdl/{id}/selected-offer`: the catalogue record the meter is billed with (null clears it). */
export function setPdlSelectedOffer(id: string, selectedOfferId: string | null) {
  return request('PATCH', `${path(id)}/selected-offer`, {
    body: { selected_offer_id: selectedOfferId },
    schema: pdlResponseSchema,
  });
}

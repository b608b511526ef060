import { energyOfferSchema, energyProviderSchema, type EnergyOffer, type EnergyProvider } from '@med/contracts';
import { request, type Schema } from '../../api/client.ts';

const providerListSchema: Schema<EnergyProvider[]> = energyProviderSchema.array();
const offerListSchema: Schema<EnergyOffer[]> = energyOfferSchema.array();

/** `GET /api/energy/providers`: active providers (public). */
export function listProviders(signal?: AbortSignal) {
  return request('GET', '/energy/providers', { schema: providerListSchema, signal });
}

/**
 * `GET /api/energy/offers`: one record per option × power × validity period (public). Without history:
 * the records in force today; with it, every past period too (price history).
 */
export function listOffers(includeHistory: boolean, signal?: AbortSignal) {
  return request('GET', '/energy/offers', {
    query: includeHistory ? { include_history: 'true' } : {},
    schema: offerListSchema,
    signal,
  });
}

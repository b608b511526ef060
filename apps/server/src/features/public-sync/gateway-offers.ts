import {
  energyOfferSchema,
  energyProviderSchema,
  offerDataSetFileSchema,
  type EnergyOffer,
  type EnergyProvider,
  type OfferDataSetFile,
} from '@med/contracts';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import type { GatewayClient } from '../gateway-client/gateway-client.ts';
import { importProviderFile } from '../offers/catalogue-import.ts';

export interface OffersSyncSummary {
  providers: number;
  created: number;
  updated: number;
  closed: number;
  unchanged: number;
}

/** An offer as the gateway lists it, back in the data set's record shape (what the catalogue import takes). */
function toRecord(offer: EnergyOffer) {
  return {
    id: offer.record_id,
    name: offer.name,
    offer_type: offer.offer_type,
    power_kva: offer.power_kva,
    subscription_eur_per_month: offer.subscription_price,
    prices: offer.prices,
    hc_schedule: offer.hc_schedules,
    valid_from: offer.valid_from,
    valid_to: offer.valid_to,
    source: offer.source,
    confidence: offer.confidence,
    ...(offer.notes === null ? {} : { notes: offer.notes }),
  };
}

/** One provider file per gateway provider, checked with the data set's schema before anything is stored. */
function providerFiles(providers: readonly EnergyProvider[], offers: readonly EnergyOffer[]): OfferDataSetFile[] {
  return providers.map((provider) =>
    offerDataSetFileSchema.parse({
      schema_version: 1,
      provider: {
        slug: provider.slug,
        name: provider.name,
        ...(provider.website === null ? {} : { website: provider.website }),
      },
      offers: offers.filter((offer) => offer.provider_id === provider.id).map(toRecord),
    }),
  );
}

/**
 * The offers catalogue of a local client, mirrored from its gateway's public `/energy/providers` and
 * `/energy/offers?include_history=true` through the catalogue import (decision 0011): new records are
 * created with the gateway's ids (so a meter's `selected_offer_id` from the gateway names the local row),
 * changed records updated, superseded ones closed (`valid_to`), nothing deleted, so the price history stays.
 * All providers in one transaction: a refused answer or a conflict leaves the local catalogue as it was.
 */
export async function syncOffersFromGateway(
  db: Db,
  gateway: GatewayClient,
  now: Date,
  signal?: AbortSignal,
): Promise<OffersSyncSummary> {
  const get = async <T>(path: string, schema: z.ZodType<T>, query: Record<string, string> = {}) =>
    schema.parse(
      z.object({ data: z.unknown() }).parse(await gateway.getJson(path, { query, ...(signal ? { signal } : {}) })).data,
    );
  const providers = await get('/energy/providers', z.array(energyProviderSchema));
  const offers = await get('/energy/offers', z.array(energyOfferSchema), { include_history: 'true' });
  const files = providerFiles(providers, offers);
  const offerIds = new Map(offers.map((offer) => [offer.record_id, offer.id]));
  const summary: OffersSyncSummary = { providers: files.length, created: 0, updated: 0, closed: 0, unchanged: 0 };
  await db.transaction().execute(async (trx) => {
    for (const [index, file] of files.entries()) {
      const result = await importProviderFile(trx, file, {
        dryRun: false,
        now: now.toISOString(),
        ids: { provider: providers[index]?.id, offer: (recordId) => offerIds.get(recordId) },
      });
      summary.created += result.create.length;
      summary.updated += result.update.length;
      summary.closed += result.close.length;
      summary.unchanged += result.unchanged;
    }
  });
  return summary;
}

import { ErrorCode, type EnergyOffer, type EnergyProvider, type OfferTypeInfo, type Pdl } from '@med/contracts';
import { parisToday } from '@med/core';
import { toBool, type Db } from '../../db/database.ts';
import { notFound, unprocessable } from '../../http/app-error.ts';
import type { AuthUser } from '../../http/auth.ts';
import { createPdlService } from '../pdl/pdl.service.ts';
import { updateUserPdl } from '../pdl/pdl.repository.ts';
import { findOfferById, findProviderById, listOffers, listProviders } from './catalogue.repository.ts';
import { offerRowToDto, providerRowToDto } from './offer.mapper.ts';
import { offerTypes } from './offer-types.ts';

export const offerNotFound = () => notFound(ErrorCode.OFFER_NOT_FOUND, 'Offre introuvable.');
export const providerNotFound = () => notFound(ErrorCode.PROVIDER_NOT_FOUND, 'Fournisseur introuvable.');

/**
 * An offer a meter may be billed with: listed (not withdrawn, provider listed) and, when the meter's
 * subscribed power is known, for that power — the prices of another power would give wrong costs.
 */
export async function checkSelectableOffer(db: Db, offerId: string, subscribedPower: number | null): Promise<void> {
  const offer = await findOfferById(db, offerId);
  const provider = offer ? await findProviderById(db, offer.provider_id) : undefined;
  if (!offer || !toBool(offer.is_active) || !provider || !toBool(provider.is_active)) {
    throw offerNotFound();
  }
  if (subscribedPower !== null && offer.power_kva !== subscribedPower) {
    throw unprocessable(
      ErrorCode.OFFER_POWER_MISMATCH,
      `Cette offre est pour ${String(offer.power_kva)} kVA ; le compteur est à ${String(subscribedPower)} kVA.`,
      'selected_offer_id',
    );
  }
}

/** Public reads of the catalogue and the meter's offer choice. */
export function createOffersService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const pdls = createPdlService({ db, now });

  return {
    offerTypes(): OfferTypeInfo[] {
      return offerTypes();
    },

    async providers(): Promise<EnergyProvider[]> {
      return (await listProviders(db, { activeOnly: true })).map(providerRowToDto);
    },

    /** Records in force today (or every period with `includeHistory`), newest period first. */
    async offers(filter: { providerId?: string | undefined; includeHistory: boolean }): Promise<EnergyOffer[]> {
      if (filter.providerId !== undefined) {
        const provider = await findProviderById(db, filter.providerId);
        if (!provider || !toBool(provider.is_active)) {
          throw providerNotFound();
        }
      }
      const rows = await listOffers(db, { ...filter, today: parisToday(now()) });
      return rows.map((row) => offerRowToDto(row, row.provider_name));
    },

    /**
     * The offer a meter is billed with (costs and the simulator's reference). The record must be listed
     * (not withdrawn) and, when the meter's subscribed power is known, be for that power: the prices of
     * another power would give wrong costs. A past period may be chosen: it names the offer, and costs
     * use the period in force on each day. The meter's `pricing_option` (its Enedis contract option) is
     * left as it is.
     */
    async selectOffer(user: AuthUser, pdlId: string, offerId: string | null): Promise<Pdl> {
      const pdl = await pdls.requireOwned(user, pdlId);
      if (offerId !== null) {
        await checkSelectableOffer(db, offerId, pdl.subscribed_power);
      }
      await updateUserPdl(db, user.id, pdlId, { selected_offer_id: offerId });
      return pdls.get(user, pdlId);
    },
  };
}
export type OffersService = ReturnType<typeof createOffersService>;

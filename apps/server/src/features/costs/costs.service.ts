import { ErrorCode, type CostsResponse, type SimulatorResponse } from '@med/contracts';
import {
  addDays,
  addMonths,
  parisToday,
  prepareConsumption,
  priceOffer,
  simulate,
  type Consumption,
  type OfferCost,
  type PriceRecord,
  type TempoDay,
} from '@med/core';
import { notFound, unprocessable } from '../../http/app-error.ts';
import type { PdlRow } from '../../db/database.ts';
import { meterConsumption, type ReadMetering } from './meter-consumption.ts';
import { meterTariffContext } from './tariff-context.ts';

/** How an offer is named in answers. */
export interface CostOffer {
  /** The catalogue's offer id (one option × power × validity period). */
  id: string;
  /** `provider:offer-slug:OFFER_TYPE`. */
  key: string;
  /** The data set's record id of that row. */
  record_id: string;
  provider: string;
  name: string;
  offer_type: PriceRecord['offer_type'];
}

/** An offer with every record of it (all powers and price periods). */
export interface CatalogueOffer {
  offer: CostOffer;
  records: PriceRecord[];
  /** A record of the offer's power is of low confidence (data set README: not for advice unless accepted). */
  lowConfidence: boolean;
}

/** What the costs need from the offers catalogue. */
export interface OfferCatalogue {
  /** The offer `offerId` belongs to, with all its records; null when the catalogue does not know it. */
  offerOf(offerId: string): Promise<CatalogueOffer | null>;
  /** Every offer sold (now or in the past) for `powerKva`, with all its records, named by its latest row of that power. */
  offersFor(powerKva: number): Promise<CatalogueOffer[]>;
}

export interface CostsDeps {
  catalogue: OfferCatalogue;
  /** Published Tempo colours of `[start, end]` (inclusive). */
  tempoDays: (start: string, end: string) => Promise<TempoDay[]>;
  now?: () => Date;
}

/** Enedis keeps daily data 36 months (the longest history of any consumption data). */
const DAILY_HISTORY_MONTHS = 36;

export interface CostsRequest {
  pdl: PdlRow;
  start: string;
  end: string;
  read: ReadMetering;
}

/** Costs of a meter's consumption with one offer, and the simulator over every offer of the catalogue. */
export function createCostsService(deps: CostsDeps) {
  const now = deps.now ?? (() => new Date());

  /** A period with data to price: ends by today (data stops at D-1), within the history, after activation. */
  function checkPeriod(pdl: PdlRow, start: string, end: string): void {
    if (start >= end) {
      throw unprocessable(
        ErrorCode.INVALID_DATE_RANGE,
        'La date de fin est exclue et doit suivre la date de début.',
        'end',
      );
    }
    const today = parisToday(now());
    if (end > today) {
      throw unprocessable(
        ErrorCode.INVALID_DATE_RANGE,
        `Les données Enedis s’arrêtent la veille : la fin (exclue) doit être au plus ${today}.`,
        'end',
      );
    }
    const historyStart = addDays(addMonths(today, -DAILY_HISTORY_MONTHS), 1);
    if (start < historyStart) {
      throw unprocessable(
        ErrorCode.DATE_TOO_OLD,
        `Enedis ne conserve que ${DAILY_HISTORY_MONTHS} mois d’historique : le début doit être au plus tôt ${historyStart}.`,
        'start',
      );
    }
    if (pdl.activation_date && start < pdl.activation_date) {
      throw beforeActivation(pdl.activation_date);
    }
  }

  const beforeActivation = (activation: string) =>
    unprocessable(
      ErrorCode.BEFORE_ACTIVATION_DATE,
      `La période commence avant la mise en service du compteur (${activation}).`,
      'start',
    );

  /** Consumption and engine context of the period; the metering path answers for data, consent and quota. */
  async function load(request: CostsRequest, powerKva: number) {
    return loadConsumption(request, powerKva, () => meterConsumption(request.read, request.start, request.end));
  }

  async function loadConsumption(
    request: Pick<CostsRequest, 'pdl' | 'start' | 'end'>,
    powerKva: number,
    read: () => Promise<Consumption>,
  ) {
    const consumption = await read();
    // The metering path may have just learnt the activation date (Enedis refused the first days).
    const firstDaily = consumption.daily[0]?.date;
    if (firstDaily === undefined || (request.pdl.activation_date && request.start < request.pdl.activation_date)) {
      throw beforeActivation(request.pdl.activation_date ?? request.start);
    }
    const tempo = await deps.tempoDays(addDays(request.start, -1), request.end);
    return {
      prepared: prepareConsumption(request.start, request.end, consumption),
      context: meterTariffContext(request.pdl, powerKva, tempo),
    };
  }

  /** The meter's offer (`offerId`, else its selected one) and the power it is priced at. */
  async function offerFor(pdl: PdlRow, offerId: string | undefined) {
    const chosenId = offerId ?? pdl.selected_offer_id;
    if (!chosenId) {
      throw unprocessable(
        ErrorCode.OFFER_NOT_SELECTED,
        'Aucune offre choisie pour ce compteur : choisissez-en une ou précisez offer_id.',
        'offer_id',
      );
    }
    const found = await deps.catalogue.offerOf(chosenId);
    if (!found) {
      throw notFound(ErrorCode.OFFER_NOT_FOUND, `Offre inconnue : ${chosenId}.`);
    }
    // The chosen row names a power: it must be the meter's (when known), else it gives the power.
    const chosenPower = found.records.find((record) => record.id === found.offer.record_id)?.power_kva;
    const powerKva = pdl.subscribed_power ?? chosenPower;
    if (powerKva === undefined || chosenPower !== powerKva) {
      throw unprocessable(
        ErrorCode.OFFER_POWER_MISMATCH,
        `Cette offre est pour ${String(chosenPower ?? '?')} kVA ; le compteur est à ${String(powerKva ?? '?')} kVA.`,
        'offer_id',
      );
    }
    return { found, powerKva };
  }

  return {
    async costs(request: CostsRequest & { offerId: string | undefined }): Promise<CostsResponse> {
      checkPeriod(request.pdl, request.start, request.end);
      const { found, powerKva } = await offerFor(request.pdl, request.offerId);
      const { prepared, context } = await load(request, powerKva);
      const cost = priceOffer(found.records, prepared, context, { breakdown: true });
      const uncovered = cost.uncovered.flatMap((entry) => entry.dates);
      if (uncovered.length > 0) {
        throw unprocessable(
          ErrorCode.OFFER_PERIOD_UNCOVERED,
          `L’offre ${found.offer.name} n’a pas de prix connu pour ${uncovered.length} jour(s) de la période (du ${uncovered[0]} au ${uncovered.at(-1)}).`,
          'start',
        );
      }
      return {
        usage_point_id: request.pdl.usage_point_id,
        start: request.start,
        end: request.end,
        power_kva: powerKva,
        offer: found.offer,
        ...amountsOf(cost),
        months: cost.months ?? [],
        daily: cost.daily ?? [],
      };
    },

    /**
     * Each day's cost of `[start, end)` with the meter's selected offer, unrounded (`exact`), from the
     * consumption `read` gives (the exporters' local store: never the gateway). Days the offer has no
     * price for are left out and listed in `uncovered`, not refused: a series keeps the days it can price.
     */
    async dailyCosts(request: Pick<CostsRequest, 'pdl' | 'start' | 'end'> & { read: () => Promise<Consumption> }) {
      const { found, powerKva } = await offerFor(request.pdl, undefined);
      const { prepared, context } = await loadConsumption(request, powerKva, request.read);
      const cost = priceOffer(found.records, prepared, context, { breakdown: true, exactDaily: true });
      return { offer: found.offer, daily: cost.daily ?? [], uncovered: cost.uncovered };
    },

    async simulate(
      request: CostsRequest & { powerKva: number | undefined; includeLowConfidence: boolean },
    ): Promise<SimulatorResponse> {
      checkPeriod(request.pdl, request.start, request.end);
      const powerKva = request.powerKva ?? request.pdl.subscribed_power;
      if (powerKva === null) {
        throw unprocessable(
          ErrorCode.POWER_UNKNOWN,
          'La puissance souscrite du compteur est inconnue : précisez power_kva.',
          'power_kva',
        );
      }
      const offered = await deps.catalogue.offersFor(powerKva);
      const catalogue = request.includeLowConfidence ? offered : offered.filter((entry) => !entry.lowConfidence);
      const selected = request.pdl.selected_offer_id
        ? await deps.catalogue.offerOf(request.pdl.selected_offer_id)
        : null;
      const { prepared, context } = await load(request, powerKva);
      const byKey = new Map(catalogue.map((entry) => [entry.offer.key, entry]));
      const result = simulate(
        catalogue.map((entry) => ({ key: entry.offer.key, records: entry.records })),
        prepared,
        context,
        selected?.offer.key,
      );
      const offerOf = (key: string) => {
        const entry = byKey.get(key);
        if (!entry) {
          throw new Error(`simulated offer ${key} is not in the catalogue answer`);
        }
        return entry;
      };
      return {
        usage_point_id: request.pdl.usage_point_id,
        start: request.start,
        end: request.end,
        power_kva: powerKva,
        excluded_low_confidence: offered.length - catalogue.length,
        selected_offer_key: result.reference_total_eur === null ? null : (selected?.offer.key ?? null),
        selected_total_eur: result.reference_total_eur,
        offers: result.ranked.map((ranked) => ({
          rank: ranked.rank,
          offer: offerOf(ranked.key).offer,
          difference_eur: ranked.difference_eur,
          ...amountsOf(ranked.cost),
        })),
        unavailable: result.incomplete.map(({ key, cost }) => ({
          offer: offerOf(key).offer,
          reason: cost.uncovered[0]?.reason ?? 'NO_PRICE_RECORD',
          days: cost.uncovered.reduce((total, entry) => total + entry.dates.length, 0),
        })),
      };
    },
  };
}
export type CostsService = ReturnType<typeof createCostsService>;

/** The engine's figures as the API answers them. */
function amountsOf(cost: OfferCost) {
  return {
    days: cost.days,
    kwh: cost.kwh,
    energy_eur: cost.energy_eur,
    subscription_eur: cost.subscription_eur,
    total_eur: cost.total_eur,
    bands: cost.bands,
    estimates: cost.estimates,
    price_records: cost.records,
  };
}

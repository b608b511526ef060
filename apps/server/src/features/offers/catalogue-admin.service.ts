import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  PRICE_KEYS,
  REFERENCE_FIELD_OF_PRICE_KEY,
  type CatalogueImportResult,
  type EnergyOffer,
  type EnergyProvider,
  type OfferDataSetFile,
  type OfferUpdate,
} from '@med/contracts';
import { toBool, type Db } from '../../db/database.ts';
import { conflict, unprocessable } from '../../http/app-error.ts';
import type { AuthUser } from '../../http/auth.ts';
import {
  findOfferById,
  findProviderById,
  findProviderByName,
  findProviderBySlug,
  insertProvider,
  listSeries,
  updateOffer,
  updateProvider,
  withdrawProviderOffers,
  type OfferRowUpdate,
} from './catalogue.repository.ts';
import { importProviderFile, logImport, sha256Of } from './catalogue-import.ts';
import { offerRowToDto, providerRowToDto, rowToRecord } from './offer.mapper.ts';
import { offerNotFound, providerNotFound } from './offers.service.ts';

/** A slug from a provider's name: `Priméo Énergie` → `primeo-energie`. */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

const duplicateProvider = (field: 'name' | 'slug') =>
  conflict(
    ErrorCode.CONFLICT,
    field === 'name' ? 'Ce fournisseur existe déjà.' : 'Cet identifiant est déjà pris.',
    field,
  );

/**
 * Admin side of the catalogue (permission `offers`, `offers.delete` to withdraw). Nothing is deleted:
 * a withdrawn offer or provider leaves the listings but stays, so costs already explained by its
 * record id stay explainable and an import does not create it again.
 */
export function createCatalogueAdminService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function activeProvider(id: string) {
    const row = await findProviderById(db, id);
    if (!row || !toBool(row.is_active)) {
      throw providerNotFound();
    }
    return row;
  }

  async function activeOffer(id: string) {
    const row = await findOfferById(db, id);
    if (!row || !toBool(row.is_active)) {
      throw offerNotFound();
    }
    return row;
  }

  return {
    async createProvider(input: {
      name: string;
      slug?: string | undefined;
      website?: string | null | undefined;
      logo_url?: string | null | undefined;
      scraper_urls?: string[] | undefined;
    }): Promise<EnergyProvider> {
      const slug = input.slug ?? slugOf(input.name);
      if (slug === '') {
        throw unprocessable(ErrorCode.VALIDATION_ERROR, 'Donnez un identifiant (slug) à ce fournisseur.', 'slug');
      }
      if (await findProviderByName(db, input.name)) {
        throw duplicateProvider('name');
      }
      if (await findProviderBySlug(db, slug)) {
        throw duplicateProvider('slug');
      }
      const id = randomUUID();
      const at = now().toISOString();
      await insertProvider(db, {
        id,
        slug,
        name: input.name,
        website: input.website ?? null,
        logo_url: input.logo_url ?? null,
        scraper_urls: JSON.stringify(input.scraper_urls ?? []),
        is_active: true,
        created_at: at,
        updated_at: at,
      });
      return providerRowToDto(await activeProvider(id));
    },

    async updateProvider(
      id: string,
      input: {
        name?: string | undefined;
        website?: string | null | undefined;
        logo_url?: string | null | undefined;
        scraper_urls?: string[] | undefined;
      },
    ): Promise<EnergyProvider> {
      const row = await activeProvider(id);
      if (input.name !== undefined && input.name !== row.name && (await findProviderByName(db, input.name))) {
        throw duplicateProvider('name');
      }
      await updateProvider(db, id, {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.website === undefined ? {} : { website: input.website }),
        ...(input.logo_url === undefined ? {} : { logo_url: input.logo_url }),
        ...(input.scraper_urls === undefined ? {} : { scraper_urls: JSON.stringify(input.scraper_urls) }),
        updated_at: now().toISOString(),
      });
      return providerRowToDto(await activeProvider(id));
    },

    /** Withdraws the provider and every offer of it, in one transaction. */
    async withdrawProvider(id: string): Promise<void> {
      await activeProvider(id);
      const at = now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateProvider(trx, id, { is_active: false, updated_at: at });
        await withdrawProviderOffers(trx, id, at);
      });
    },

    /**
     * Corrects one record. Its validity may end (`valid_to`), but not overlap the next period of its
     * series; the prices must be exactly the keys of its offer type.
     */
    async updateOffer(id: string, input: OfferUpdate): Promise<EnergyOffer> {
      const row = await activeOffer(id);
      const record = rowToRecord(row);
      const prices: Record<string, number> = { ...record.prices, ...(input.prices ?? {}) };
      for (const [key, field] of Object.entries(REFERENCE_FIELD_OF_PRICE_KEY[record.offer_type])) {
        const value = (input as Record<string, unknown>)[field];
        if (typeof value === 'number') {
          prices[key] = value;
        }
      }
      const expected: readonly string[] = PRICE_KEYS[record.offer_type];
      const keys = Object.keys(prices);
      if (keys.length !== expected.length || keys.some((key) => !expected.includes(key))) {
        throw unprocessable(
          ErrorCode.VALIDATION_ERROR,
          `Prix attendus pour ${record.offer_type} : ${expected.join(', ')}.`,
          'prices',
        );
      }
      const validTo = input.valid_to === undefined ? record.valid_to : input.valid_to;
      if (validTo !== null && validTo < record.valid_from) {
        throw unprocessable(ErrorCode.VALIDATION_ERROR, 'valid_to précède valid_from.', 'valid_to');
      }
      const next = (await listSeries(db, row.series_key)).find(
        (other) => toBool(other.is_active) && other.valid_from > row.valid_from,
      );
      if (next && (validTo === null || validTo >= next.valid_from)) {
        throw unprocessable(
          ErrorCode.CATALOGUE_CONFLICT,
          `La période suivante (${next.record_id}) commence le ${next.valid_from} : valid_to doit la précéder.`,
          'valid_to',
        );
      }
      const subscription = input.subscription_price ?? record.subscription_eur_per_month;
      const pricesChanged =
        JSON.stringify(prices) !== JSON.stringify(record.prices) || subscription !== record.subscription_eur_per_month;
      const at = now().toISOString();
      const changes: OfferRowUpdate = {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.offer_url === undefined ? {} : { offer_url: input.offer_url }),
        ...(input.hc_schedules === undefined
          ? {}
          : { hc_schedule: input.hc_schedules === null ? null : JSON.stringify(input.hc_schedules) }),
        ...(input.confidence === undefined ? {} : { confidence: input.confidence }),
        subscription_eur_per_month: subscription,
        prices: JSON.stringify(prices),
        valid_to: validTo,
        updated_at: at,
        ...(pricesChanged ? { price_updated_at: at } : {}),
      };
      await updateOffer(db, id, changes);
      const provider = await findProviderById(db, row.provider_id);
      return offerRowToDto(await activeOffer(id), provider?.name ?? '');
    },

    async withdrawOffer(id: string): Promise<void> {
      await activeOffer(id);
      await updateOffer(db, id, { is_active: false, updated_at: now().toISOString() });
    },

    /** Diff of a provider file against the catalogue; applied (and logged) unless `dryRun`. */
    async importFile(user: AuthUser, file: OfferDataSetFile, dryRun: boolean): Promise<CatalogueImportResult> {
      const at = now().toISOString();
      return db.transaction().execute(async (trx) => {
        const result = await importProviderFile(trx, file, { dryRun, now: at });
        if (!dryRun) {
          await logImport(trx, {
            origin: 'upload',
            sha256: sha256Of(JSON.stringify(file)),
            userId: user.id,
            summary: { create: result.create.length, update: result.update.length, close: result.close.length },
            now: at,
          });
        }
        return result;
      });
    },
  };
}
export type CatalogueAdminService = ReturnType<typeof createCatalogueAdminService>;

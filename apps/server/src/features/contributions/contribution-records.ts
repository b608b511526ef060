import {
  ErrorCode,
  offerRecordSchema,
  REFERENCE_FIELD_OF_PRICE_KEY,
  type ContributionChange,
  type ContributionType,
  type HcSchedule,
  type OfferDataSetFile,
  type OfferRecord,
  type OfferType,
} from '@med/contracts';
import { addDays } from '@med/core';
import { toBool, type Db } from '../../db/database.ts';
import { unprocessable } from '../../http/app-error.ts';
import {
  findOfferById,
  findProviderById,
  findProviderByName,
  findProviderBySlug,
  listSeries,
} from '../offers/catalogue.repository.ts';
import { slugOf } from '../offers/catalogue-admin.service.ts';
import { offerNotFound, providerNotFound } from '../offers/offers.service.ts';
import type { ContributionSummary } from './contribution-mails.ts';
import { rowToDraft } from './contribution.mapper.ts';
import type { ContributionRow } from './contributions.repository.ts';

/** One subscribed power of a contribution, prices as the data set's keys (how it is stored). */
export interface StoredVariant {
  power_kva: number;
  subscription_eur_per_month: number;
  prices: Record<string, number>;
}

/** What a contribution says, once normalised: the part the catalogue change is built from. */
export interface ContributionDraft {
  contribution_type: ContributionType;
  provider_name: string | null;
  provider_website: string | null;
  existing_provider_id: string | null;
  existing_offer_id: string | null;
  offer_name: string;
  offer_type: OfferType;
  power_variants: StoredVariant[];
  hc_schedule: HcSchedule | null;
  price_sheet_url: string | null;
  valid_from: string;
}

/** The catalogue change a contribution makes: one provider file for the import path, and the diff. */
export interface ContributionPlan {
  provider: { id: string | null; slug: string; name: string };
  file: OfferDataSetFile;
  changes: ContributionChange[];
}

/**
 * A variant's prices as the data set's keys: `prices` as given, completed by the reference's columns
 * (`base_price`, `hp_price`, …) the offer type uses. Columns the type does not use are ignored only when
 * null; a priced one is kept under its own name so the record check names it as extra.
 */
export function variantPrices(type: OfferType, variant: Record<string, unknown>): Record<string, number> {
  const prices: Record<string, number> = { ...((variant.prices as Record<string, number> | undefined) ?? {}) };
  const keyOfField = new Map(Object.entries(REFERENCE_FIELD_OF_PRICE_KEY[type]).map(([key, field]) => [field, key]));
  for (const [field, value] of Object.entries(variant)) {
    if (field === 'prices' || field === 'power_kva' || field === 'subscription_price' || typeof value !== 'number') {
      continue;
    }
    prices[keyOfField.get(field as never) ?? field] = value;
  }
  return prices;
}

const invalid = (message: string, field: string) => unprocessable(ErrorCode.VALIDATION_ERROR, message, field);

/** The provider the records go to: an existing one, or the one the approval creates. */
async function targetOf(
  db: Db,
  draft: ContributionDraft,
): Promise<{ provider: ContributionPlan['provider']; website: string | null; offerSlug: string }> {
  if (draft.contribution_type === 'UPDATE_OFFER') {
    const offer = draft.existing_offer_id ? await findOfferById(db, draft.existing_offer_id) : undefined;
    if (!offer || !toBool(offer.is_active)) {
      throw offerNotFound();
    }
    if (offer.offer_type !== draft.offer_type) {
      throw invalid(`Cette offre est de type ${offer.offer_type}.`, 'offer_type');
    }
    const provider = await findProviderById(db, offer.provider_id);
    if (!provider || !toBool(provider.is_active)) {
      throw providerNotFound();
    }
    // The offer's own slug (record ids: provider:offer-slug:TYPE:kva:valid_from), whatever its name now.
    const offerSlug = offer.record_id.split(':')[1] ?? '';
    return {
      provider: { id: provider.id, slug: provider.slug, name: provider.name },
      website: provider.website,
      offerSlug,
    };
  }
  const offerSlug = slugOf(draft.offer_name);
  if (offerSlug === '') {
    throw invalid("Le nom de l'offre doit contenir des lettres ou des chiffres.", 'offer_name');
  }
  if (draft.contribution_type === 'NEW_OFFER') {
    const provider = draft.existing_provider_id ? await findProviderById(db, draft.existing_provider_id) : undefined;
    if (!provider || !toBool(provider.is_active)) {
      throw providerNotFound();
    }
    return {
      provider: { id: provider.id, slug: provider.slug, name: provider.name },
      website: provider.website,
      offerSlug,
    };
  }
  const name = draft.provider_name ?? '';
  const slug = slugOf(name);
  if (slug === '') {
    throw invalid('Donnez le nom du fournisseur.', 'provider_name');
  }
  // Created by an earlier approval (or an admin) since: the records join it.
  const existing = (await findProviderByName(db, name)) ?? (await findProviderBySlug(db, slug));
  return {
    provider: existing ? { id: existing.id, slug: existing.slug, name: existing.name } : { id: null, slug, name },
    website: existing ? existing.website : draft.provider_website,
    offerSlug,
  };
}

/**
 * The records a contribution adds, one per power, checked against the data set's record schema, as a
 * provider file the catalogue import applies (the same path as an admin's upload: a record that a newer
 * period supersedes is closed, nothing is overwritten). A record gets the validity end its series
 * dictates: open when it is the newest period, the day before the next period when it fills the past.
 */
export async function planContribution(db: Db, id: string, draft: ContributionDraft): Promise<ContributionPlan> {
  const { provider, website, offerSlug } = await targetOf(db, draft);
  const records: OfferRecord[] = [];
  const changes: ContributionChange[] = [];
  const seen = new Set<number>();
  for (const [index, variant] of draft.power_variants.entries()) {
    if (seen.has(variant.power_kva)) {
      throw invalid(
        `La puissance ${String(variant.power_kva)} kVA figure deux fois.`,
        `power_variants.${String(index)}.power_kva`,
      );
    }
    seen.add(variant.power_kva);
    const seriesKey = `${provider.slug}:${offerSlug}:${draft.offer_type}:${String(variant.power_kva)}`;
    const series = (await listSeries(db, seriesKey)).filter((row) => toBool(row.is_active));
    const same = series.find((row) => row.valid_from === draft.valid_from);
    const next = series.find((row) => row.valid_from > draft.valid_from);
    const previous = [...series].reverse().find((row) => row.valid_from <= draft.valid_from);
    const candidate = {
      id: `${seriesKey}:${draft.valid_from}`,
      name: draft.offer_name,
      offer_type: draft.offer_type,
      power_kva: variant.power_kva,
      subscription_eur_per_month: variant.subscription_eur_per_month,
      prices: variant.prices,
      hc_schedule: draft.hc_schedule,
      valid_from: draft.valid_from,
      valid_to: same ? same.valid_to : next ? addDays(next.valid_from, -1) : null,
      source: draft.price_sheet_url ?? `contribution ${id}`,
      // One transcription checked by a moderator against the price sheet is the data set's "medium".
      confidence: draft.price_sheet_url ? 'medium' : 'low',
      notes: `Contribution communautaire ${id}.`,
    };
    const parsed = offerRecordSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(
        issue?.message ?? 'Enregistrement invalide.',
        ['power_variants', index, ...(issue?.path ?? [])].join('.'),
      );
    }
    records.push(parsed.data);
    changes.push({
      record_id: parsed.data.id,
      power_kva: variant.power_kva,
      subscription_price: variant.subscription_eur_per_month,
      prices: parsed.data.prices,
      valid_from: parsed.data.valid_from,
      valid_to: parsed.data.valid_to,
      previous: previous
        ? {
            id: previous.id,
            record_id: previous.record_id,
            subscription_price: Number(previous.subscription_eur_per_month),
            prices: JSON.parse(previous.prices) as Record<string, number>,
            valid_from: previous.valid_from,
            valid_to: previous.valid_to,
          }
        : null,
    });
  }
  return {
    provider,
    file: {
      schema_version: 1,
      provider: { slug: provider.slug, name: provider.name, ...(website ? { website } : {}) },
      offers: records,
    },
    changes,
  };
}

export function summaryOf(draft: ContributionDraft, provider: string): ContributionSummary {
  return { offer_name: draft.offer_name, offer_type: draft.offer_type, provider, valid_from: draft.valid_from };
}

/** A stored contribution as a notice names it; the provider's name even when the plan no longer holds. */
export async function summaryOfRow(db: Db, row: ContributionRow): Promise<ContributionSummary> {
  const draft = rowToDraft(row);
  let provider = draft.provider_name;
  if (provider === null && draft.existing_provider_id !== null) {
    provider = (await findProviderById(db, draft.existing_provider_id))?.name ?? null;
  }
  if (provider === null && draft.existing_offer_id !== null) {
    const offer = await findOfferById(db, draft.existing_offer_id);
    provider = offer ? ((await findProviderById(db, offer.provider_id))?.name ?? null) : null;
  }
  return summaryOf(draft, provider ?? '?');
}

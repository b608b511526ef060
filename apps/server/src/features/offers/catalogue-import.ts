import { createHash, randomUUID } from 'node:crypto';
import { ErrorCode, type CatalogueImportResult, type OfferDataSetFile } from '@med/contracts';
import type { Db } from '../../db/database.ts';
import { unprocessable } from '../../http/app-error.ts';
import {
  findProviderByName,
  findProviderBySlug,
  insertOffers,
  insertProvider,
  listProviderOffers,
  updateOffer,
  updateProvider,
} from './catalogue.repository.ts';
import { planCatalogueImport } from './catalogue-plan.ts';
import { detailsOf, recordToRow } from './offer.mapper.ts';

export type ImportOrigin = 'seed' | 'upload' | 'contribution';

/** SHA-256 of a file's canonical content (what the import log records). */
export function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Plans one provider file against the catalogue and, unless `dryRun`, applies the plan in `trx` (the
 * caller's transaction, so a failure leaves nothing half-written).
 */
export async function importProviderFile(
  trx: Db,
  file: OfferDataSetFile,
  options: {
    dryRun: boolean;
    now: string;
    /**
     * Ids of new rows chosen by the caller (a client mirroring its gateway keeps the gateway's ids, so a
     * meter's `selected_offer_id` names the same row on both); a fresh UUID when absent or undefined.
     */
    ids?: { provider?: string | undefined; offer?: (recordId: string) => string | undefined };
  },
): Promise<CatalogueImportResult> {
  const provider = await findProviderBySlug(trx, file.provider.slug);
  const namesake = await findProviderByName(trx, file.provider.name);
  if (namesake && namesake.slug !== file.provider.slug) {
    throw unprocessable(
      ErrorCode.CATALOGUE_CONFLICT,
      `Le fournisseur « ${file.provider.name} » existe déjà sous l'identifiant ${namesake.slug}.`,
      'file',
    );
  }
  const existing = provider ? await listProviderOffers(trx, provider.id) : [];
  const plan = planCatalogueImport(file, provider, existing);
  if (options.dryRun) {
    return { dry_run: true, ...plan.summary };
  }
  const { now } = options;
  let providerId = provider?.id;
  if (!providerId) {
    providerId = options.ids?.provider ?? randomUUID();
    await insertProvider(trx, {
      id: providerId,
      slug: file.provider.slug,
      name: file.provider.name,
      website: file.provider.website ?? null,
      logo_url: null,
      is_active: true,
      created_at: now,
      updated_at: now,
    });
  } else if (plan.summary.provider.action === 'update') {
    await updateProvider(trx, providerId, {
      name: file.provider.name,
      website: file.provider.website ?? provider?.website ?? null,
      updated_at: now,
    });
  }
  const ownerId = providerId;
  await insertOffers(
    trx,
    plan.creates.map((record) => recordToRow(record, ownerId, options.ids?.offer?.(record.id) ?? randomUUID(), now)),
  );
  for (const { row, record } of plan.updates) {
    const pricesChanged =
      row.prices !== JSON.stringify(record.prices) ||
      Number(row.subscription_eur_per_month) !== record.subscription_eur_per_month;
    await updateOffer(trx, row.id, {
      name: record.name,
      subscription_eur_per_month: record.subscription_eur_per_month,
      prices: JSON.stringify(record.prices),
      hc_schedule: record.hc_schedule === null ? null : JSON.stringify(record.hc_schedule),
      valid_to: record.valid_to,
      source: record.source,
      confidence: record.confidence,
      details: JSON.stringify(detailsOf(record)),
      updated_at: now,
      ...(pricesChanged ? { price_updated_at: now } : {}),
    });
  }
  for (const { row, validTo } of plan.closes) {
    await updateOffer(trx, row.id, { valid_to: validTo, updated_at: now });
  }
  return { dry_run: false, ...plan.summary };
}

/** Records an applied import (who, what file, what changed). */
export async function logImport(
  trx: Db,
  entry: {
    origin: Exclude<ImportOrigin, 'seed'>;
    sha256: string;
    userId: string | null;
    summary: unknown;
    now: string;
  },
): Promise<void> {
  await trx
    .insertInto('catalogue_imports')
    .values({
      id: randomUUID(),
      origin: entry.origin,
      sha256: entry.sha256,
      seed_sha256: null,
      user_id: entry.userId,
      summary: JSON.stringify(entry.summary),
      created_at: entry.now,
    })
    .execute();
}

/**
 * Claims the application of a shipped data-set version: the claim's id for the one caller (across
 * instances) that inserted it; undefined when that version was applied already or is being applied.
 */
export async function claimSeed(trx: Db, sha256: string, now: string): Promise<string | undefined> {
  const row = await trx
    .insertInto('catalogue_imports')
    .values({
      id: randomUUID(),
      origin: 'seed',
      sha256,
      seed_sha256: sha256,
      user_id: null,
      summary: '{}',
      created_at: now,
    })
    .onConflict((conflict) => conflict.column('seed_sha256').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function recordSeedSummary(trx: Db, id: string, summary: unknown): Promise<void> {
  await trx
    .updateTable('catalogue_imports')
    .set({ summary: JSON.stringify(summary) })
    .where('id', '=', id)
    .execute();
}

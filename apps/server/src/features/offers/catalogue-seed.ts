import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { offerDataSetFileSchema, type OfferDataSetFile } from '@med/contracts';
import type { Db } from '../../db/database.ts';
import { claimSeed, importProviderFile, recordSeedSummary, sha256Of } from './catalogue-import.ts';

/** The offers data set shipped with the project (`data/offers/`, one file per provider). */
export const SHIPPED_OFFERS_DIR = resolve(import.meta.dirname, '../../../../../data/offers');

/** `providers.json` is an index of the other files, not a provider file. */
const INDEX_FILE = 'providers.json';

export interface ShippedDataSet {
  files: OfferDataSetFile[];
  sha256: string;
}

let shipped: ShippedDataSet | undefined;

/** The shipped data set, read and validated once per process (every start of the app uses it). */
export function shippedDataSet(): ShippedDataSet {
  shipped ??= readShippedDataSet();
  return shipped;
}

/** Reads and validates every provider file; a broken shipped file stops the start with its name. */
export function readShippedDataSet(dir = SHIPPED_OFFERS_DIR): ShippedDataSet {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== INDEX_FILE)
    .sort();
  const texts = names.map((name) => readFileSync(join(dir, name), 'utf8'));
  const files = names.map((name, index) => {
    const parsed = offerDataSetFileSchema.safeParse(JSON.parse(texts[index] ?? 'null'));
    if (!parsed.success) {
      throw new Error(`offers data set ${name}: ${parsed.error.message}`);
    }
    return parsed.data;
  });
  return { files, sha256: sha256Of(names.map((name, index) => `${name}\n${texts[index] ?? ''}`).join('\n')) };
}

/**
 * Loads the shipped data set into the catalogue once per version of it, on both dialects: a version
 * already applied is skipped, so admin changes made since (withdrawn or edited records) stay; a new
 * version is applied like an admin's import (new records created, superseded periods closed).
 * Returns what it did.
 */
export async function seedCatalogue(
  db: Db,
  dataSet: ShippedDataSet,
  now = new Date(),
): Promise<{ applied: boolean; created: number; updated: number; closed: number }> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const claim = await claimSeed(trx, dataSet.sha256, at);
    if (claim === undefined) {
      return { applied: false, created: 0, updated: 0, closed: 0 };
    }
    const totals = { applied: true, created: 0, updated: 0, closed: 0 };
    for (const file of dataSet.files) {
      const result = await importProviderFile(trx, file, { dryRun: false, now: at });
      totals.created += result.create.length;
      totals.updated += result.update.length;
      totals.closed += result.close.length;
    }
    await recordSeedSummary(trx, claim, totals);
    return totals;
  });
}

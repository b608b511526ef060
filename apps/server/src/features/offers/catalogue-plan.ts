import { ErrorCode, type CatalogueImportResult, type OfferDataSetFile, type OfferRecord } from '@med/contracts';
import { addDays } from '@med/core';
import { dequal } from 'dequal';
import { toBool } from '../../db/database.ts';
import { unprocessable } from '../../http/app-error.ts';
import type { OfferRow, ProviderRow } from './catalogue.repository.ts';
import { DETAIL_FIELDS, rowToRecord, seriesKeyOf } from './offer.mapper.ts';

/** Fields of a record an import may change (the id fixes provider, option, type, power and valid_from). */
const COMPARED_FIELDS = [
  'name',
  'subscription_eur_per_month',
  'prices',
  'hc_schedule',
  'valid_to',
  'source',
  'confidence',
  ...DETAIL_FIELDS,
] as const satisfies readonly (keyof OfferRecord)[];

export interface CataloguePlan {
  summary: Omit<CatalogueImportResult, 'dry_run'>;
  creates: OfferRecord[];
  updates: { row: OfferRow; record: OfferRecord }[];
  closes: { row: OfferRow; validTo: string }[];
}

const conflict = (message: string) => unprocessable(ErrorCode.CATALOGUE_CONFLICT, message, 'file');

/**
 * What applying one provider file of the data set's schema would change, without changing anything:
 * records to create, records whose fields differ (same record id), and open records that a newer period
 * of the same offer option × power supersedes (they get `valid_to` = the day before; nothing is
 * overwritten, so the price history stays). Records the file does not mention are left alone. Refuses a
 * file whose result would have two overlapping periods of one series.
 */
export function planCatalogueImport(
  file: OfferDataSetFile,
  provider: ProviderRow | undefined,
  existing: readonly OfferRow[],
): CataloguePlan {
  const slug = file.provider.slug;
  const seen = new Set<string>();
  for (const record of file.offers) {
    if (!record.id.startsWith(`${slug}:`)) {
      throw conflict(`L'enregistrement ${record.id} n'appartient pas au fournisseur ${slug}.`);
    }
    if (seen.has(record.id)) {
      throw conflict(`L'enregistrement ${record.id} figure deux fois dans le fichier.`);
    }
    seen.add(record.id);
  }

  const byRecordId = new Map(existing.map((row) => [row.record_id, row]));
  const creates: OfferRecord[] = [];
  const updates: CataloguePlan['updates'] = [];
  const summary: CataloguePlan['summary'] = {
    provider: { slug, name: file.provider.name, action: providerAction(file, provider) },
    create: [],
    update: [],
    close: [],
    unchanged: 0,
  };
  /** The periods each series will have once applied: record id → [valid_from, valid_to]. */
  const periods = new Map<string, Map<string, { from: string; to: string | null }>>();
  const setPeriod = (recordId: string, from: string, to: string | null) => {
    const series = seriesKeyOf(recordId);
    const map = periods.get(series) ?? new Map<string, { from: string; to: string | null }>();
    periods.set(series, map);
    map.set(recordId, { from, to });
  };
  for (const row of existing) {
    if (toBool(row.is_active)) {
      setPeriod(row.record_id, row.valid_from, row.valid_to);
    }
  }

  for (const record of file.offers) {
    const row = byRecordId.get(record.id);
    if (!row) {
      creates.push(record);
      summary.create.push({ record_id: record.id, valid_from: record.valid_from, valid_to: record.valid_to });
      setPeriod(record.id, record.valid_from, record.valid_to);
      continue;
    }
    const stored = rowToRecord(row);
    const fields = COMPARED_FIELDS.filter((field) => !dequal(stored[field], record[field]));
    if (fields.length === 0) {
      summary.unchanged += 1;
      continue;
    }
    updates.push({ row, record });
    if (fields.length === 1 && fields[0] === 'valid_to' && stored.valid_to === null && record.valid_to !== null) {
      summary.close.push({ record_id: record.id, valid_to: record.valid_to });
    } else {
      summary.update.push({ record_id: record.id, fields });
    }
    if (toBool(row.is_active)) {
      setPeriod(record.id, record.valid_from, record.valid_to);
    }
  }

  // Open stored records superseded by a newer period this file creates.
  const closes: CataloguePlan['closes'] = [];
  const updatedIds = new Set(updates.map((update) => update.row.record_id));
  for (const row of existing) {
    if (!toBool(row.is_active) || row.valid_to !== null || updatedIds.has(row.record_id)) {
      continue;
    }
    const next = creates
      .filter((record) => seriesKeyOf(record.id) === row.series_key && record.valid_from > row.valid_from)
      .map((record) => record.valid_from)
      .sort()[0];
    if (next !== undefined) {
      const validTo = addDays(next, -1);
      closes.push({ row, validTo });
      summary.close.push({ record_id: row.record_id, valid_to: validTo });
      setPeriod(row.record_id, row.valid_from, validTo);
    }
  }

  for (const [series, map] of periods) {
    const sorted = [...map.entries()].sort(([, a], [, b]) => a.from.localeCompare(b.from));
    for (let i = 1; i < sorted.length; i += 1) {
      const [previousId, previous] = sorted[i - 1] ?? [];
      const [currentId, current] = sorted[i] ?? [];
      if (previous && current && (previous.to === null || previous.to >= current.from)) {
        throw conflict(
          `Les périodes de ${series} se chevauchent : ${previousId ?? ''} (jusqu'au ${previous.to ?? '…'}) et ${currentId ?? ''} (depuis le ${current.from}).`,
        );
      }
    }
  }
  return { summary, creates, updates, closes };
}

function providerAction(file: OfferDataSetFile, provider: ProviderRow | undefined): 'create' | 'update' | 'unchanged' {
  if (!provider) {
    return 'create';
  }
  const website = file.provider.website ?? provider.website;
  return provider.name === file.provider.name && provider.website === website ? 'unchanged' : 'update';
}

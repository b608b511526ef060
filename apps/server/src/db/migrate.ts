import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { DbHandle, Dialect } from './connect.ts';
import { initial } from './migrations/0001-initial.ts';
import { rte } from './migrations/0002-rte.ts';
import { consents } from './migrations/0003-consents.ts';
import { revokedTokens } from './migrations/0004-revoked-tokens.ts';
import { mailOutbox } from './migrations/0005-mail-outbox.ts';
import { activityLogRetention } from './migrations/0006-activity-log-retention.ts';
import { offersCatalogue } from './migrations/0007-offers-catalogue.ts';
import { clientMode } from './migrations/0008-client-mode.ts';
import { clientCurveOneIndex } from './migrations/0009-client-curve-one-index.ts';
import { exporters } from './migrations/0010-exporters.ts';
import { sharedDataReads } from './migrations/0011-shared-data-reads.ts';
import { clientSelectedOffer } from './migrations/0012-client-selected-offer.ts';

/** Forward-only migrations, one set for both dialects. Names sort in application order. */
function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': initial(dialect),
    '0002-rte': rte(dialect),
    '0003-consents': consents(dialect),
    '0004-revoked-tokens': revokedTokens(),
    '0005-mail-outbox': mailOutbox(),
    '0006-activity-log-retention': activityLogRetention(),
    '0007-offers-catalogue': offersCatalogue(),
    '0008-client-mode': clientMode(),
    '0009-client-curve-one-index': clientCurveOneIndex(),
    '0010-exporters': exporters(),
    '0011-shared-data-reads': sharedDataReads(dialect),
    '0012-client-selected-offer': clientSelectedOffer(),
  };
}

/** Every migration this version knows, in order (a backup naming another one comes from a newer version). */
export const KNOWN_MIGRATIONS: readonly string[] = Object.keys(migrationsFor('sqlite'));

/**
 * Applies pending migrations, up to `target` when given (tests start from an older schema with data in
 * it); throws with the failing migration's name.
 */
export async function migrateToLatest(handle: DbHandle, target?: string): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(handle.dialect) };
  // Name the schema: Kysely otherwise finds its bookkeeping tables in any schema of the database.
  const migrator = new Migrator({
    db: handle.db,
    provider,
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const { error, results } = target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined) {
    const cause = error instanceof Error ? error : new Error(typeof error === 'string' ? error : JSON.stringify(error));
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause.message}`, { cause });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, type DbHandle } from '../../src/db/connect.ts';
import { runSql } from './test-server.ts';

/**
 * A fresh, empty database of the backend's dialect, without migrations (the migration tests apply them
 * themselves, up to a chosen version): a SQLite file in its own temporary folder, or a new PostgreSQL schema.
 * `drop` closes it and removes the folder or the schema.
 */
export async function freshDatabase(
  databaseUrl: string | undefined,
): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (!databaseUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'med-migrations-'));
    const handle = connectDatabase(`sqlite:${join(dir, 'test.db')}`);
    return {
      handle,
      drop: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `mig_${randomBytes(4).toString('hex')}`;
  await runSql(databaseUrl, `CREATE SCHEMA ${schema}`);
  const handle = connectDatabase(databaseUrl, { schema });
  return {
    handle,
    drop: async () => {
      await handle.close();
      await runSql(databaseUrl, `DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSqlite, checkBackupFile, restoreSqlite, sqliteFileOf } from '../src/db/sqlite-backup.ts';
import { KNOWN_MIGRATIONS } from '../src/db/migrate.ts';
import { createUser } from './support/accounts-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/** Every table's rows, in a stable order: what "the same data" means for a restore. */
// Read-write connections: a read-only one cannot remove the -wal file it leaves behind.
function contents(file: string): Record<string, unknown[]> {
  const database = new DatabaseSync(file);
  try {
    const tables = database
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, database.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
    );
  } finally {
    database.close();
  }
}
const count = (file: string, table: string) => {
  const database = new DatabaseSync(file);
  try {
    return (database.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    database.close();
  }
};

describe('SQLite backup and restore', () => {
  let server: TestServer;
  let databaseFile: string;
  let backupsDir: string;

  beforeAll(async () => {
    server = await startTestServer({ name: 'sqlite+memory', databaseUrl: undefined, redisUrl: undefined });
    databaseFile = sqliteFileOf(server.config.databaseUrl)!;
    backupsDir = join(server.dataDir, 'backups');
  });
  afterAll(() => server.close());

  it('takes consistent backups while the server writes', async () => {
    const before = count(databaseFile, 'users');
    let writing = true;
    const writer = (async () => {
      let written = 0;
      while (writing) {
        await createUser(server, 'backup');
        written += 1;
      }
      return written;
    })();
    const backups: { file: string; users: number }[] = [];
    for (let backup = 0; backup < 3; backup += 1) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const file = backupSqlite(databaseFile, backupsDir, new Date(Date.UTC(2026, 0, 1, 12, 0, backup)));
      backups.push({ file, users: count(file, 'users') });
    }
    writing = false;
    const written = await writer;
    expect(written).toBeGreaterThan(0);
    expect(backups.map((backup) => backup.file.slice(backupsDir.length + 1))).toEqual([
      'med-20260101T120000Z.db',
      'med-20260101T120001Z.db',
      'med-20260101T120002Z.db',
    ]);
    for (const backup of backups) {
      expect(checkBackupFile(backup.file).schemaVersion).toBe(KNOWN_MIGRATIONS.at(-1));
    }
    // Snapshots in time order, between what existed before and after the writes.
    const users = backups.map((backup) => backup.users);
    expect([...users].sort((a, b) => a - b)).toEqual(users);
    expect(users[0]).toBeGreaterThanOrEqual(before);
    expect(users.at(-1)).toBeLessThanOrEqual(before + written);
  });

  it('refuses to restore while the server holds the database', () => {
    const [backup] = [backupSqlite(databaseFile, backupsDir, new Date(Date.UTC(2026, 0, 2)))];
    expect(existsSync(`${databaseFile}-wal`)).toBe(true);
    expect(() => restoreSqlite(backup, databaseFile)).toThrow(/a server seems to hold the database/);
  });

  it('restores a backup once the server stopped: the same data, the previous file kept aside', async () => {
    await server.shutdown();
    const backup = backupSqlite(databaseFile, backupsDir, new Date(Date.UTC(2026, 0, 3)));
    const saved = contents(backup);
    // The live database moves on after the backup.
    const live = new DatabaseSync(databaseFile);
    live.exec("DELETE FROM activity_log; UPDATE users SET email = 'changed-' || email");
    live.close();
    expect(contents(databaseFile)).not.toEqual(saved);

    const { previous, schemaVersion } = restoreSqlite(backup, databaseFile, { now: new Date(Date.UTC(2026, 0, 4)) });
    expect(schemaVersion).toBe(KNOWN_MIGRATIONS.at(-1));
    expect(contents(databaseFile)).toEqual(saved);
    expect(previous).toBe(`${databaseFile}.before-restore-20260104T000000Z`);
    expect(count(previous!, 'users')).toBe(count(databaseFile, 'users'));
    expect(JSON.stringify(contents(previous!).users)).toContain('changed-');
  });

  it('refuses a damaged file or one from a newer version, leaving the database as it was', () => {
    const before = contents(databaseFile);
    const garbage = join(backupsDir, 'garbage.db');
    writeFileSync(garbage, 'SQLite format 3\u0000'.padEnd(4096, 'x'));
    expect(() => restoreSqlite(garbage, databaseFile)).toThrow(/not a SQLite database|integrity|unreadable/);

    const newer = backupSqlite(databaseFile, backupsDir, new Date(Date.UTC(2026, 0, 5)));
    const database = new DatabaseSync(newer);
    database.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999-future', '2030-01-01');
    database.close();
    expect(() => restoreSqlite(newer, databaseFile)).toThrow(/newer version .*9999-future/);
    expect(() => restoreSqlite(join(backupsDir, 'missing.db'), databaseFile)).toThrow(/no such file/);
    expect(contents(databaseFile)).toEqual(before);
  });
});

import { existsSync, mkdirSync, renameSync, copyFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { KNOWN_MIGRATIONS } from './migrate.ts';

/** `sqlite:<path>` → the file path; undefined for PostgreSQL or an in-memory database. */
export function sqliteFileOf(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith('sqlite:')) {
    return undefined;
  }
  const path = databaseUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  return path === '' || path === ':memory:' ? undefined : path;
}

const stamp = (now: Date) =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

export class BackupError extends Error {
  override name = 'BackupError';
}

/** `ok`, or what SQLite's integrity check and our migration table say is wrong with `file`. */
export function checkBackupFile(file: string): { schemaVersion: string } {
  if (!existsSync(file)) {
    throw new BackupError(`${file}: no such file`);
  }
  let database: DatabaseSync;
  try {
    database = new DatabaseSync(file);
  } catch (error) {
    throw new BackupError(`${file}: not a SQLite database (${(error as Error).message})`);
  }
  try {
    const integrity = database.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      throw new BackupError(
        `${file}: integrity check failed (${integrity.map((row) => row.integrity_check).join('; ')})`,
      );
    }
    const applied = (
      database.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]
    ).map((row) => row.name);
    const unknown = applied.filter((name) => !KNOWN_MIGRATIONS.includes(name));
    if (applied.length === 0) {
      throw new BackupError(`${file}: no migration recorded; not a MyElectricalData database`);
    }
    if (unknown.length > 0) {
      throw new BackupError(
        `${file}: made by a newer version (schema ${unknown.join(', ')} unknown to this one); upgrade first`,
      );
    }
    return { schemaVersion: applied.at(-1) ?? '' };
  } catch (error) {
    if (error instanceof BackupError) {
      throw error;
    }
    throw new BackupError(`${file}: unreadable (${(error as Error).message})`);
  } finally {
    database.close();
  }
}

/**
 * Online backup of the live SQLite file into `backupsDir/med-<UTC stamp>.db` with `VACUUM INTO`: one read
 * transaction, so the copy is a consistent snapshot while the server keeps writing (WAL lets it), and a
 * compact file. The copy is checked before the path is returned.
 */
export function backupSqlite(databaseFile: string, backupsDir: string, now = new Date()): string {
  mkdirSync(backupsDir, { recursive: true });
  const target = join(backupsDir, `med-${stamp(now)}.db`);
  if (existsSync(target)) {
    throw new BackupError(`${target} already exists`);
  }
  const database = new DatabaseSync(databaseFile);
  try {
    database.exec('PRAGMA busy_timeout = 10000');
    database.prepare('VACUUM INTO ?').run(target);
  } finally {
    database.close();
  }
  checkBackupFile(target);
  return target;
}

/**
 * Puts `backupFile` in place of `databaseFile` once it passed the checks. The server must be stopped: a
 * `-wal` file next to the database means a connection is open (or one crashed with unsaved pages), and
 * the restore refuses unless `force`. The previous file is kept aside as `<name>.before-restore-<stamp>`.
 */
export function restoreSqlite(
  backupFile: string,
  databaseFile: string,
  options: { force?: boolean; now?: Date } = {},
): { schemaVersion: string; previous: string | undefined } {
  const { schemaVersion } = checkBackupFile(backupFile);
  if (existsSync(`${databaseFile}-wal`) && !options.force) {
    throw new BackupError(
      `${databaseFile}-wal exists: a server seems to hold the database. Stop it first (or pass --force after a crash).`,
    );
  }
  let previous: string | undefined;
  if (existsSync(databaseFile)) {
    previous = join(
      dirname(databaseFile),
      `${basename(databaseFile)}.before-restore-${stamp(options.now ?? new Date())}`,
    );
    renameSync(databaseFile, previous);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(`${databaseFile}${suffix}`)) {
        renameSync(`${databaseFile}${suffix}`, `${previous}${suffix}`);
      }
    }
  }
  const partial = `${databaseFile}.restoring`;
  copyFileSync(backupFile, partial);
  try {
    checkBackupFile(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, databaseFile);
  return { schemaVersion, previous };
}

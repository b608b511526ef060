// `npm run backup`: online copy of the SQLite database into DATA_DIR/backups/ (the server may run).
// `npm run restore -- <file> [--force]`: puts a checked backup in place of the database (server stopped);
// the previous file is kept aside. PostgreSQL: pg_dump / pg_restore, see docs/operations.md.
import { join } from 'node:path';
import { loadConfig } from '../config/config.ts';
import { BackupError, backupSqlite, restoreSqlite, sqliteFileOf } from './sqlite-backup.ts';

const [command, ...rest] = process.argv.slice(2);
const config = loadConfig();
const databaseFile = sqliteFileOf(config.databaseUrl);
try {
  if (databaseFile === undefined) {
    throw new BackupError('DATABASE_URL is not a SQLite file: use pg_dump / pg_restore (docs/operations.md).');
  }
  if (command === 'backup') {
    console.log(`Backup written: ${backupSqlite(databaseFile, join(config.dataDir, 'backups'))}`);
  } else if (command === 'restore') {
    const file = rest.find((argument) => !argument.startsWith('--'));
    if (!file) {
      throw new BackupError('usage: npm run restore -- <backup file> [--force]');
    }
    const { schemaVersion, previous } = restoreSqlite(file, databaseFile, { force: rest.includes('--force') });
    console.log(`Restored ${file} (schema ${schemaVersion}) into ${databaseFile}.`);
    console.log(previous ? `Previous database kept as ${previous}.` : 'There was no previous database.');
    console.log('The server applies newer migrations at start.');
  } else {
    throw new BackupError('usage: backup-cli.ts backup | restore <file> [--force]');
  }
} catch (error) {
  if (error instanceof BackupError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

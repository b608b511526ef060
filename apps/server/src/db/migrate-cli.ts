// `npm run db:migrate`: applies pending migrations to DATABASE_URL (the app also does it at start).
import { loadConfig } from '../config/config.ts';
import { connectDatabase } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

const config = loadConfig();
const handle = connectDatabase(config.databaseUrl);
try {
  const applied = await migrateToLatest(handle);
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
  await handle.close();
}

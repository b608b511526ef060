import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/migrate.ts';
import { newPdlRow } from '../src/features/pdl/pdl.repository.ts';
import { backends } from './support/backends.ts';
import { freshDatabase } from './support/fresh-database.ts';

// What the foundation and RTE issues ask the schema to hold, on both dialects.
const EXPECTED_TABLES = [
  'users',
  'roles',
  'permissions',
  'role_permissions',
  'pdls',
  'consents',
  'email_verification_tokens',
  'password_reset_tokens',
  'activity_log',
  'shared_data_reads',
  'tempo_days',
  'ecowatt',
  'consumption_france',
  'generation_forecast',
  'job_state',
  'job_runs',
  'revoked_tokens',
  'mail_outbox',
  'energy_providers',
  'energy_offers',
  'catalogue_imports',
  'offer_contributions',
  'contribution_messages',
  'client_meters',
  'client_daily',
  'client_curve',
  'client_max_power',
  'client_sync_state',
  'exporter_configs',
];

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe.each(backends)('migrations on $name', (backend) => {
  it('create every table once, then have nothing left to apply', async () => {
    const { handle, drop } = await freshDatabase(backend.databaseUrl);
    try {
      const applied = await migrateToLatest(handle);
      expect(applied[0]).toBe('0001-initial');
      expect(applied).toEqual([...applied].sort());

      const tables = (await handle.db.introspection.getTables()).map((table) => table.name);
      expect(tables).toEqual(expect.arrayContaining(EXPECTED_TABLES));

      expect(await migrateToLatest(handle)).toEqual([]);
    } finally {
      await drop();
    }
  });
});

describe.each(backends)('0003-consents on existing data ($name)', (backend) => {
  it('keeps every meter and its production link, and lets two accounts list one PRM', async () => {
    const { handle, drop } = await freshDatabase(backend.databaseUrl);
    try {
      await migrateToLatest(handle, '0002-rte');
      const now = new Date().toISOString();
      const user = (id: string) => ({
        id,
        email: `${id}@example.com`,
        hashed_password: null,
        client_id: `cid-${id}`,
        client_secret_hash: `hash-${id}`,
        client_secret_enc: 'enc',
        is_active: true,
        email_verified: true,
        debug_mode: false,
        admin_data_sharing: false,
        admin_data_sharing_enabled_at: null,
        role_id: null,
        created_at: now,
        updated_at: now,
      });
      await handle.db
        .insertInto('users')
        .values([user('alice'), user('bob')])
        .execute();
      const meter = (id: string, prm: string, link: string | null) => ({
        ...newPdlRow({ id, userId: 'alice', usagePointId: prm, name: id, now }),
        linked_production_pdl_id: link,
      });
      await handle.db
        .insertInto('pdls')
        .values(meter('production', '11111111111111', null))
        .execute();
      await handle.db
        .insertInto('pdls')
        .values(meter('consumption', '22222222222222', 'production'))
        .execute();
      const before = await handle.db.selectFrom('pdls').selectAll().orderBy('id').execute();

      expect(await migrateToLatest(handle)).toContain('0003-consents');
      expect(await handle.db.selectFrom('pdls').selectAll().orderBy('id').execute()).toEqual(before);
      // Existing meters hold no consent record: they wait for a consent through the new callback.
      expect(await handle.db.selectFrom('consents').selectAll().execute()).toEqual([]);

      await handle.db
        .insertInto('pdls')
        .values({ ...newPdlRow({ id: 'bob-copy', userId: 'bob', usagePointId: '22222222222222', now }) })
        .execute();
      await expect(
        handle.db
          .insertInto('pdls')
          .values(newPdlRow({ id: 'alice-twice', userId: 'alice', usagePointId: '22222222222222', now }))
          .execute(),
      ).rejects.toThrow();
      // The link still points at the meter, and deleting it blanks the link (the self-reference survived).
      await handle.db.deleteFrom('pdls').where('id', '=', 'production').execute();
      const consumption = await handle.db
        .selectFrom('pdls')
        .selectAll()
        .where('id', '=', 'consumption')
        .executeTakeFirst();
      expect(consumption?.linked_production_pdl_id).toBeNull();
    } finally {
      await drop();
    }
  });
});

describe('npm run db:migrate', () => {
  const cli = fileURLToPath(new URL('../src/db/migrate-cli.ts', import.meta.url));

  function runCli(databaseUrl: string, dataDir: string) {
    return spawnSync(process.execPath, [cli], {
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, NODE_ENV: 'development' },
      encoding: 'utf8',
      timeout: 60_000,
    });
  }

  it('applies the migrations to DATABASE_URL, and says so when there is nothing to do', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'med-migrate-cli-'));
    tempDirs.push(dataDir);
    const databaseUrl = `sqlite:${join(dataDir, 'cli.db')}`;

    const first = runCli(databaseUrl, dataDir);
    expect(first.stderr).not.toMatch(/Error/);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Applied: 0001-initial, /);

    const second = runCli(databaseUrl, dataDir);
    expect(second.status).toBe(0);
    expect(second.stdout.trim()).toBe('Database is up to date.');
  });
});

import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../src/db/connect.ts';
import { KNOWN_MIGRATIONS, migrateToLatest } from '../src/db/migrate.ts';
import { backends } from './support/backends.ts';
import { freshDatabase } from './support/fresh-database.ts';

/**
 * Upgrades from every earlier schema: each migration is treated as a released version. The database is
 * brought to that version, filled with what a household and a gateway keep there (in the columns that
 * version has), then migrated to the latest; every row must come out unchanged. The client's permanent
 * history (readings kept forever) is the point: an upgrade must never cost a household its past.
 */

const NOW = '2026-03-30T08:00:00.000Z';
const METER = '12345678901234';

/** Rows in their latest shape; at an older version only the columns that version has are written. */
function fixtures(): Record<string, Record<string, unknown>[]> {
  const user = {
    id: 'user-1',
    email: 'foyer@example.com',
    hashed_password: 'argon2-hash',
    client_id: 'cid-1',
    client_secret_hash: 'hash',
    client_secret_enc: 'enc',
    is_active: true,
    email_verified: true,
    debug_mode: false,
    admin_data_sharing: true,
    admin_data_sharing_enabled_at: NOW,
    role_id: null,
    token_version: 3,
    created_at: NOW,
    updated_at: NOW,
  };
  const pdl = {
    id: 'pdl-1',
    usage_point_id: METER,
    user_id: 'user-1',
    name: 'Maison',
    display_order: 0,
    subscribed_power: 9,
    offpeak_hours: '{"HC":"22h00-6h00"}',
    pricing_option: 'HC_HP',
    has_consumption: true,
    has_production: false,
    is_active: true,
    oldest_available_data_date: '2024-03-30',
    activation_date: '2019-05-02',
    linked_production_pdl_id: null,
    selected_offer_id: null,
    created_at: NOW,
    updated_at: NOW,
  };
  const days = Array.from({ length: 400 }, (_, index) => {
    const day = new Date(Date.UTC(2025, 1, 24 + index)).toISOString().slice(0, 10);
    return { usage_point_id: METER, direction: 'consumption', day, value_wh: 9_000 + index };
  });
  // 2026-03-29, the spring-forward day: 46 half-hours from 23:00 UTC the day before.
  const curve = Array.from({ length: 46 }, (_, index) => ({
    usage_point_id: METER,
    direction: 'consumption',
    start_at: new Date(Date.UTC(2026, 2, 28, 23) + index * 30 * 60_000).toISOString(),
    day: '2026-03-29',
    minutes: 30,
    value_w: 400 + index,
  }));
  return {
    users: [user],
    pdls: [pdl],
    tempo_days: [{ date: '2026-01-15', color: 'RED', rte_updated_date: NOW, updated_at: NOW }],
    client_meters: [
      {
        usage_point_id: METER,
        pdl: JSON.stringify({ usage_point_id: METER, name: 'Maison', subscribed_power: 9 }),
        contract: '{"subscribed_power":"9 kVA"}',
        address: null,
        updated_at: NOW,
        selected_offer_id: 'offer-1',
        selected_offer_set_at: NOW,
      },
    ],
    client_daily: days,
    client_curve: curve,
    client_max_power: [{ usage_point_id: METER, day: '2026-03-29', value_va: 6_120, at: '2026-03-29T18:30:00.000Z' }],
    client_sync_state: [
      {
        usage_point_id: METER,
        dataset: 'consumption_daily',
        status: 'ok',
        last_attempt_at: NOW,
        last_success_at: NOW,
        error: null,
        error_code: null,
      },
    ],
    exporter_configs: [
      {
        id: 'exporter-1',
        name: 'VictoriaMetrics',
        export_type: 'victoriametrics',
        settings: '{"url":"http://127.0.0.1:8428"}',
        secrets: 'sealed',
        usage_point_ids: JSON.stringify([METER]),
        is_enabled: true,
        export_consumption: true,
        export_production: false,
        export_daily: true,
        export_detailed: true,
        export_interval_minutes: 60,
        next_export_at: NOW,
        last_export_at: NOW,
        last_export_status: 'success',
        last_export_summary: '{}',
        last_export_error: null,
        last_success_at: NOW,
        memo: null,
        consecutive_failures: 0,
        export_count: 12,
        created_at: NOW,
        updated_at: NOW,
      },
    ],
  };
}

const ORDER_BY: Record<string, string> = {
  users: 'id',
  pdls: 'id',
  tempo_days: 'date',
  client_meters: 'usage_point_id',
  client_daily: 'day',
  client_curve: 'start_at',
  client_max_power: 'day',
  client_sync_state: 'dataset',
  exporter_configs: 'id',
};

/** Columns of each table as the database holds them now (the version it was migrated to). */
async function columnsByTable(handle: DbHandle): Promise<Map<string, string[]>> {
  const tables = await handle.db.introspection.getTables();
  return new Map(tables.map((table) => [table.name, table.columns.map((column) => column.name)]));
}

/** The tables as plain records: a test written against several versions cannot use today's row types. */
type AnyTables = Record<string, Record<string, unknown>>;

function untyped(handle: DbHandle): Kysely<AnyTables> {
  return handle.db as unknown as Kysely<AnyTables>;
}

async function readRows(handle: DbHandle, table: string, columns: readonly string[]) {
  return untyped(handle)
    .selectFrom(table)
    .select(columns)
    .orderBy(ORDER_BY[table] ?? columns[0] ?? '')
    .execute();
}

describe.each(backends)('upgrades from every earlier schema on $name', (backend) => {
  const released = KNOWN_MIGRATIONS.slice(0, -1);

  it('knows more than one schema (the loop below is not empty)', () => {
    expect(released.length).toBeGreaterThanOrEqual(10);
    expect(released[0]).toBe('0001-initial');
  });

  it.each(released)(
    'from %s: every row written at that version is there, unchanged, after the upgrade',
    async (version) => {
      const { handle, drop } = await freshDatabase(backend.databaseUrl);
      try {
        await migrateToLatest(handle, version);
        const atVersion = await columnsByTable(handle);
        const written = new Map<string, { columns: string[]; rows: unknown[] }>();
        for (const [table, rows] of Object.entries(fixtures())) {
          const columns = atVersion.get(table);
          if (!columns) {
            continue;
          }
          const present = columns.filter((column) => column in (rows[0] ?? {}));
          const values = rows.map((row) => Object.fromEntries(present.map((column) => [column, row[column]])));
          await untyped(handle).insertInto(table).values(values).execute();
          written.set(table, { columns: present, rows: await readRows(handle, table, present) });
        }
        // The client's history exists from 0008 on: from then, it must be among what was written.
        if (version >= '0008') {
          expect([...written.keys()]).toEqual(
            expect.arrayContaining(['client_daily', 'client_curve', 'client_meters']),
          );
        }
        expect(written.get('users')?.rows).toHaveLength(1);

        const applied = await migrateToLatest(handle);
        expect(applied.length).toBe(KNOWN_MIGRATIONS.length - KNOWN_MIGRATIONS.indexOf(version) - 1);
        for (const [table, { columns, rows }] of written) {
          expect(await readRows(handle, table, columns), `${table} after upgrading from ${version}`).toEqual(rows);
        }
        const curve = written.get('client_curve');
        if (curve) {
          expect(curve.rows).toHaveLength(46);
        }
      } finally {
        await drop();
      }
    },
  );
});

import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect.ts';

/**
 * Consent records per (account, PRM), and meters that several accounts may list.
 *
 * Until now a PRM belonged to the first account that typed it (a global unique index on
 * `pdls.usage_point_id`), and any row granted data access. From here on a `pdls` row is only the
 * account's own view of a meter (a private "awaiting consent" placeholder when added by hand); data
 * access comes from a live row of `consents`, created by the consent callback of a flow the account
 * started. So the unique key of `pdls` becomes (user, PRM), and at most one account holds an active
 * consent per PRM (partial unique index).
 *
 * Existing meters get no consent record: nothing tells a meter consented through the old callback from
 * one typed by hand, so every account confirms its meters once with a new consent (ADR 0004).
 */
export function consents(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('consents')
        .addColumn('id', 'text', (col) => col.primaryKey())
        // Kept (user blanked) when the account is deleted: the audit trail outlives the account.
        .addColumn('user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
        .addColumn('usage_point_id', 'text', (col) => col.notNull())
        // Groups the meters consented in one visit to the Enedis page.
        .addColumn('flow_id', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('granted_at', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addColumn('ended_at', 'text')
        .addColumn('end_reason', 'text')
        .addColumn('expiry_notice_sent_at', 'text')
        .execute();
      await db.schema
        .createIndex('consents_user_prm_idx')
        .on('consents')
        .columns(['user_id', 'usage_point_id'])
        .execute();
      await db.schema.createIndex('consents_prm_idx').on('consents').columns(['usage_point_id', 'status']).execute();
      await sql`create unique index consents_active_prm_idx on consents (usage_point_id) where status = 'active'`.execute(
        db,
      );

      if (dialect === 'postgres') {
        await sql`alter table pdls drop constraint if exists pdls_usage_point_id_key`.execute(db);
      } else {
        await rebuildSqlitePdlsWithoutGlobalUnique(db);
      }
      await db.schema
        .createIndex('pdls_user_prm_idx')
        .on('pdls')
        .columns(['user_id', 'usage_point_id'])
        .unique()
        .execute();
      await db.schema.createIndex('pdls_prm_idx').on('pdls').column('usage_point_id').execute();
    },
  };
}

/**
 * SQLite cannot drop a column's UNIQUE constraint: the table is rebuilt with the same columns, in the
 * same order. The self-reference points at the new table's own name, which `RENAME` rewrites, so dropping
 * the old table (an implicit DELETE with foreign keys on) cannot blank the copied links.
 */
async function rebuildSqlitePdlsWithoutGlobalUnique(db: Kysely<unknown>): Promise<void> {
  await sql`create table pdls_new (
    id text primary key,
    usage_point_id text not null,
    user_id text not null references users (id) on delete cascade,
    name text,
    display_order integer,
    subscribed_power integer,
    offpeak_hours text,
    pricing_option text,
    has_consumption boolean not null default true,
    has_production boolean not null default false,
    is_active boolean not null default true,
    oldest_available_data_date text,
    activation_date text,
    linked_production_pdl_id text references pdls_new (id) on delete set null,
    selected_offer_id text,
    created_at text not null,
    updated_at text not null
  )`.execute(db);
  await sql`insert into pdls_new select id, usage_point_id, user_id, name, display_order, subscribed_power,
    offpeak_hours, pricing_option, has_consumption, has_production, is_active, oldest_available_data_date,
    activation_date, linked_production_pdl_id, selected_offer_id, created_at, updated_at from pdls`.execute(db);
  await sql`drop table pdls`.execute(db);
  await sql`alter table pdls_new rename to pdls`.execute(db);
  await db.schema.createIndex('pdls_user_id_idx').on('pdls').column('user_id').execute();
}

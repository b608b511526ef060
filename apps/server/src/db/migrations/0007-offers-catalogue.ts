import type { Kysely } from 'kysely';

/**
 * The offers catalogue (issue 10): providers, offers (one row per record of the offers data set = one
 * offer option × one subscribed power × one validity period), the catalogue imports applied (the data
 * set shipped with the project is one of them), community contributions and their messages.
 * Prices are JSON text keyed as in the data set (`base`, `hp`, `tempo_red_hp`, …): exact decimals as
 * published, identical on both dialects. Calendar dates are `YYYY-MM-DD` text, `valid_to` inclusive.
 */
export function offersCatalogue() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('energy_providers')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('slug', 'text', (col) => col.notNull().unique())
        .addColumn('name', 'text', (col) => col.notNull().unique())
        .addColumn('website', 'text')
        .addColumn('logo_url', 'text')
        .addColumn('scraper_urls', 'text', (col) => col.notNull().defaultTo('[]'))
        .addColumn('is_active', 'boolean', (col) => col.notNull().defaultTo(true))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('energy_offers')
        .addColumn('id', 'text', (col) => col.primaryKey())
        // `provider:offer-slug:OFFER_TYPE:kva:valid_from`: the data set's id, also for offers added here.
        .addColumn('record_id', 'text', (col) => col.notNull().unique())
        // The record id without its valid_from: every validity period of one offer option × power.
        .addColumn('series_key', 'text', (col) => col.notNull())
        .addColumn('provider_id', 'text', (col) => col.notNull().references('energy_providers.id').onDelete('cascade'))
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('offer_type', 'text', (col) => col.notNull())
        .addColumn('description', 'text')
        .addColumn('power_kva', 'integer', (col) => col.notNull())
        .addColumn('subscription_eur_per_month', 'double precision', (col) => col.notNull())
        .addColumn('prices', 'text', (col) => col.notNull())
        .addColumn('hc_schedule', 'text')
        .addColumn('valid_from', 'text', (col) => col.notNull())
        .addColumn('valid_to', 'text')
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('confidence', 'text', (col) => col.notNull())
        // The data set's optional fields (notes, rules, reference, corroboration, inferred flags), as JSON.
        .addColumn('details', 'text', (col) => col.notNull().defaultTo('{}'))
        .addColumn('offer_url', 'text')
        // false = withdrawn by an admin: hidden from listings, kept so priced results stay explainable.
        .addColumn('is_active', 'boolean', (col) => col.notNull().defaultTo(true))
        .addColumn('price_updated_at', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('energy_offers_provider_idx').on('energy_offers').column('provider_id').execute();
      await db.schema
        .createIndex('energy_offers_series_idx')
        .on('energy_offers')
        .columns(['series_key', 'valid_from'])
        .execute();

      await db.schema
        .createTable('catalogue_imports')
        .addColumn('id', 'text', (col) => col.primaryKey())
        // 'seed' (the data set shipped with the project), 'upload' (an admin's file) or 'contribution'.
        .addColumn('origin', 'text', (col) => col.notNull())
        .addColumn('sha256', 'text', (col) => col.notNull())
        // Set only for the shipped data set: each version is applied once, even when several instances
        // start together (the second one waits on this unique key, then finds it taken).
        .addColumn('seed_sha256', 'text', (col) => col.unique())
        .addColumn('user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
        .addColumn('summary', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('offer_contributions')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('contributor_user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
        .addColumn('contribution_type', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('provider_name', 'text')
        .addColumn('provider_website', 'text')
        .addColumn('existing_provider_id', 'text', (col) => col.references('energy_providers.id').onDelete('set null'))
        .addColumn('existing_offer_id', 'text', (col) => col.references('energy_offers.id').onDelete('set null'))
        .addColumn('offer_name', 'text', (col) => col.notNull())
        .addColumn('offer_type', 'text', (col) => col.notNull())
        .addColumn('description', 'text')
        .addColumn('power_variants', 'text', (col) => col.notNull())
        .addColumn('hc_schedule', 'text')
        .addColumn('price_sheet_url', 'text')
        .addColumn('screenshot_url', 'text')
        .addColumn('valid_from', 'text', (col) => col.notNull())
        .addColumn('reviewed_by', 'text', (col) => col.references('users.id').onDelete('set null'))
        .addColumn('reviewed_at', 'text')
        .addColumn('review_comment', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('offer_contributions_contributor_idx')
        .on('offer_contributions')
        .column('contributor_user_id')
        .execute();
      await db.schema
        .createIndex('offer_contributions_status_idx')
        .on('offer_contributions')
        .columns(['status', 'created_at'])
        .execute();

      await db.schema
        .createTable('contribution_messages')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('contribution_id', 'text', (col) =>
          col.notNull().references('offer_contributions.id').onDelete('cascade'),
        )
        .addColumn('sender_user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
        .addColumn('message_type', 'text', (col) => col.notNull())
        .addColumn('content', 'text', (col) => col.notNull())
        .addColumn('is_from_admin', 'boolean', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('contribution_messages_contribution_idx')
        .on('contribution_messages')
        .columns(['contribution_id', 'created_at'])
        .execute();
    },
  };
}

import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.ts';
import { autoIncrementId } from './portable.ts';

/** Accounts, roles and permissions, meters (PDL), single-use tokens and the activity log. */
export function initial(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('roles')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('name', 'text', (col) => col.notNull().unique())
        .addColumn('display_name', 'text', (col) => col.notNull())
        .addColumn('description', 'text')
        .addColumn('is_system', 'boolean', (col) => col.notNull().defaultTo(false))
        .execute();

      await db.schema
        .createTable('permissions')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('name', 'text', (col) => col.notNull().unique())
        .addColumn('display_name', 'text', (col) => col.notNull())
        .addColumn('description', 'text')
        .addColumn('resource', 'text', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('role_permissions')
        .addColumn('role_id', 'text', (col) => col.notNull().references('roles.id').onDelete('cascade'))
        .addColumn('permission_id', 'text', (col) => col.notNull().references('permissions.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('role_permissions_pk', ['role_id', 'permission_id'])
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('email', 'text', (col) => col.notNull().unique())
        .addColumn('hashed_password', 'text')
        .addColumn('client_id', 'text', (col) => col.notNull().unique())
        .addColumn('client_secret_hash', 'text', (col) => col.notNull().unique())
        .addColumn('client_secret_enc', 'text', (col) => col.notNull())
        .addColumn('is_active', 'boolean', (col) => col.notNull().defaultTo(true))
        .addColumn('email_verified', 'boolean', (col) => col.notNull().defaultTo(false))
        .addColumn('debug_mode', 'boolean', (col) => col.notNull().defaultTo(false))
        .addColumn('admin_data_sharing', 'boolean', (col) => col.notNull().defaultTo(false))
        .addColumn('admin_data_sharing_enabled_at', 'text')
        .addColumn('role_id', 'text', (col) => col.references('roles.id').onDelete('set null'))
        .addColumn('token_version', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('pdls')
        .addColumn('id', 'text', (col) => col.primaryKey())
        // A meter belongs to exactly one account across the whole gateway.
        .addColumn('usage_point_id', 'text', (col) => col.notNull().unique())
        .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text')
        .addColumn('display_order', 'integer')
        .addColumn('subscribed_power', 'integer')
        .addColumn('offpeak_hours', 'text')
        .addColumn('pricing_option', 'text')
        .addColumn('has_consumption', 'boolean', (col) => col.notNull().defaultTo(true))
        .addColumn('has_production', 'boolean', (col) => col.notNull().defaultTo(false))
        .addColumn('is_active', 'boolean', (col) => col.notNull().defaultTo(true))
        .addColumn('oldest_available_data_date', 'text')
        .addColumn('activation_date', 'text')
        .addColumn('linked_production_pdl_id', 'text', (col) => col.references('pdls.id').onDelete('set null'))
        .addColumn('selected_offer_id', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('pdls_user_id_idx').on('pdls').column('user_id').execute();

      for (const table of ['email_verification_tokens', 'password_reset_tokens']) {
        await db.schema
          .createTable(table)
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
          .addColumn('token_hash', 'text', (col) => col.notNull().unique())
          .addColumn('expires_at', 'text', (col) => col.notNull())
          .addColumn('created_at', 'text', (col) => col.notNull())
          .execute();
        await db.schema.createIndex(`${table}_user_id_idx`).on(table).column('user_id').execute();
      }

      await autoIncrementId(db.schema.createTable('activity_log'), dialect)
        .addColumn('user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
        .addColumn('action', 'text', (col) => col.notNull())
        .addColumn('ip', 'text')
        .addColumn('details', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('activity_log_user_id_idx')
        .on('activity_log')
        .columns(['user_id', 'created_at'])
        .execute();
    },
  };
}

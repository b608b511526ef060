import type { Kysely } from 'kysely';

/**
 * Account mails waiting to be sent by the background worker (mail/mail-queue.ts). `payload` is the job
 * sealed with a server key (it holds an e-mail address); `kind` is in clear for operators. A row is
 * deleted once its mail is sent or given up on.
 */
export function mailOutbox() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('mail_outbox')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('payload', 'text', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('run_at', 'text', (col) => col.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('mail_outbox_run_at_idx').on('mail_outbox').column('run_at').execute();
    },
  };
}

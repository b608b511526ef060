import type { SharedPdl } from '@med/contracts';
import { toBool, type Db } from '../../db/database.ts';

/** The audit trail of data sharing (migration 0011): one row per administrator read. */
export async function insertSharedRead(
  db: Db,
  read: { ownerId: string; readerId: string; readerEmail: string; route: string; usagePointId: string | null },
  at: Date,
): Promise<void> {
  await db
    .insertInto('shared_data_reads')
    .values({
      owner_id: read.ownerId,
      reader_id: read.readerId,
      reader_email: read.readerEmail,
      route: read.route,
      usage_point_id: read.usagePointId,
      created_at: at.toISOString(),
    })
    .execute();
}

/** The owner's latest reads, newest first, and how many there are in all. */
export async function listSharedReads(db: Db, ownerId: string, limit: number) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('shared_data_reads')
      .select(['created_at', 'reader_email', 'route', 'usage_point_id'])
      .where('owner_id', '=', ownerId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('shared_data_reads')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('owner_id', '=', ownerId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every meter of the active accounts that share their data, by owner then display order. */
export async function listSharedPdls(db: Db): Promise<SharedPdl[]> {
  const rows = await db
    .selectFrom('pdls')
    .innerJoin('users', 'users.id', 'pdls.user_id')
    .select([
      'pdls.id',
      'pdls.usage_point_id',
      'pdls.name',
      'pdls.has_consumption',
      'pdls.has_production',
      'pdls.is_active',
      'users.id as owner_id',
      'users.email as owner_email',
      'users.admin_data_sharing_enabled_at',
    ])
    .where('users.admin_data_sharing', '=', true)
    .where('users.is_active', '=', true)
    .orderBy('users.email')
    .orderBy('pdls.display_order')
    .orderBy('pdls.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    usage_point_id: row.usage_point_id,
    name: row.name,
    has_consumption: toBool(row.has_consumption),
    has_production: toBool(row.has_production),
    is_active: toBool(row.is_active),
    owner_id: row.owner_id,
    owner_email: row.owner_email,
    sharing_enabled_at: row.admin_data_sharing_enabled_at,
  }));
}

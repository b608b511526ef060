import type { Db, NewPdl, PdlRow, PdlUpdate } from '../../db/database.ts';

/** The user's meters: explicit order first (nulls last), then newest first, as in the reference. */
export function listUserPdls(db: Db, userId: string): Promise<PdlRow[]> {
  return db
    .selectFrom('pdls')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy((eb) => eb.case().when('display_order', 'is', null).then(1).else(0).end())
    .orderBy('display_order')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Scoped by owner: another user's PDL id simply does not exist for the caller. */
export function findUserPdl(db: Db, userId: string, pdlId: string): Promise<PdlRow | undefined> {
  return db.selectFrom('pdls').selectAll().where('id', '=', pdlId).where('user_id', '=', userId).executeTakeFirst();
}

export function findUserPdlByUsagePoint(db: Db, userId: string, usagePointId: string): Promise<PdlRow | undefined> {
  return db
    .selectFrom('pdls')
    .selectAll()
    .where('usage_point_id', '=', usagePointId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** A meter as first listed on an account: nothing known yet but its number (and a name if given). */
export function newPdlRow(input: {
  id: string;
  userId: string;
  usagePointId: string;
  name?: string | null | undefined;
  displayOrder?: number | null;
  now: string;
}): NewPdl {
  return {
    id: input.id,
    usage_point_id: input.usagePointId,
    user_id: input.userId,
    name: input.name ?? null,
    display_order: input.displayOrder ?? null,
    subscribed_power: null,
    offpeak_hours: null,
    pricing_option: null,
    has_consumption: true,
    has_production: false,
    is_active: true,
    oldest_available_data_date: null,
    activation_date: null,
    linked_production_pdl_id: null,
    selected_offer_id: null,
    created_at: input.now,
    updated_at: input.now,
  };
}

export async function insertPdl(db: Db, pdl: NewPdl): Promise<void> {
  await db.insertInto('pdls').values(pdl).execute();
}

export async function updateUserPdl(db: Db, userId: string, pdlId: string, changes: PdlUpdate): Promise<void> {
  await db
    .updateTable('pdls')
    .set({ ...changes, updated_at: new Date().toISOString() })
    .where('id', '=', pdlId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteUserPdl(db: Db, userId: string, pdlId: string): Promise<boolean> {
  const result = await db.deleteFrom('pdls').where('id', '=', pdlId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

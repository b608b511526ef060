import type { ConsentEndReason, ConsentRow, Db } from '../../db/database.ts';

export type NewConsent = Omit<ConsentRow, 'ended_at' | 'end_reason' | 'expiry_notice_sent_at'>;

export async function insertConsent(db: Db, consent: NewConsent): Promise<void> {
  await db
    .insertInto('consents')
    .values({ ...consent, ended_at: null, end_reason: null, expiry_notice_sent_at: null })
    .execute();
}

/** The account's most recent record for this PRM, whatever its state: it decides what the meter shows. */
export function findLatestConsent(db: Db, userId: string, usagePointId: string): Promise<ConsentRow | undefined> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('user_id', '=', userId)
    .where('usage_point_id', '=', usagePointId)
    .orderBy('granted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The one active record for a PRM across the gateway, if any (a partial unique index keeps it single). */
export function findActiveConsentForPrm(db: Db, usagePointId: string): Promise<ConsentRow | undefined> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('usage_point_id', '=', usagePointId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Revoked records of other accounts for a PRM: a new consent ends them for good. */
export function findRevokedConsentsForPrm(db: Db, usagePointId: string): Promise<ConsentRow[]> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('usage_point_id', '=', usagePointId)
    .where('status', '=', 'revoked')
    .execute();
}

/** Newest first; `limit` bounds what one screen shows. */
export function listUserConsents(db: Db, userId: string, limit = 500): Promise<ConsentRow[]> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('granted_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export interface ConsentAuditFilter {
  userId?: string | undefined;
  usagePointId?: string | undefined;
  limit: number;
  offset: number;
}

export async function listConsentsForAudit(
  db: Db,
  filter: ConsentAuditFilter,
): Promise<{ total: number; rows: (ConsentRow & { email: string | null })[] }> {
  let base = db.selectFrom('consents').leftJoin('users', 'users.id', 'consents.user_id');
  if (filter.userId !== undefined) {
    base = base.where('consents.user_id', '=', filter.userId);
  }
  if (filter.usagePointId !== undefined) {
    base = base.where('consents.usage_point_id', '=', filter.usagePointId);
  }
  const count = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  const rows = await base
    .selectAll('consents')
    .select('users.email as email')
    .orderBy('consents.granted_at', 'desc')
    .orderBy('consents.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { total: Number(count?.n ?? 0), rows };
}

/** Records granted to the account since `sinceIso` (the daily cap). */
export async function countConsentsGrantedSince(db: Db, userId: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('consents')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('granted_at', '>=', sinceIso)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Ends every record still open (active or revoked) for the account, or for one of its PRMs. */
export async function endOpenConsents(
  db: Db,
  scope: { userId: string; usagePointId?: string },
  reason: ConsentEndReason,
  nowIso: string,
): Promise<number> {
  let query = db
    .updateTable('consents')
    .set({ status: 'ended', ended_at: nowIso, end_reason: reason })
    .where('user_id', '=', scope.userId)
    .where('status', '!=', 'ended');
  if (scope.usagePointId !== undefined) {
    query = query.where('usage_point_id', '=', scope.usagePointId);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function endConsent(db: Db, id: string, reason: ConsentEndReason, nowIso: string): Promise<void> {
  await db
    .updateTable('consents')
    .set({ status: 'ended', ended_at: nowIso, end_reason: reason })
    .where('id', '=', id)
    .execute();
}

/** Enedis answered a consent error: the record stops granting access, without ending its history. */
export async function markConsentRevoked(
  db: Db,
  id: string,
  reason: 'revoked_by_enedis' | 'holder_changed',
  nowIso: string,
): Promise<void> {
  await db
    .updateTable('consents')
    .set({ status: 'revoked', ended_at: nowIso, end_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .execute();
}

/** Active records expiring before `beforeIso` whose holder has not been told yet. */
export function consentsToRemind(
  db: Db,
  beforeIso: string,
  nowIso: string,
): Promise<(ConsentRow & { email: string })[]> {
  return db
    .selectFrom('consents')
    .innerJoin('users', 'users.id', 'consents.user_id')
    .selectAll('consents')
    .select('users.email as email')
    .where('consents.status', '=', 'active')
    .where('consents.expiry_notice_sent_at', 'is', null)
    .where('consents.expires_at', '<=', beforeIso)
    .where('consents.expires_at', '>', nowIso)
    .orderBy('consents.expires_at')
    .limit(500)
    .execute();
}

/** Claims the reminder (one instance, one mail): true when this call set the date. */
export async function claimExpiryNotice(db: Db, id: string, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('consents')
    .set({ expiry_notice_sent_at: nowIso })
    .where('id', '=', id)
    .where('expiry_notice_sent_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ContributionMessagesTable, Db, OfferContributionsTable } from '../../db/database.ts';

export type ContributionRow = Selectable<OfferContributionsTable>;
export type NewContributionRow = Insertable<OfferContributionsTable>;
export type ContributionMessageRow = Selectable<ContributionMessagesTable>;

export async function insertContribution(db: Db, row: NewContributionRow): Promise<void> {
  await db.insertInto('offer_contributions').values(row).execute();
}

export function findContribution(db: Db, id: string): Promise<ContributionRow | undefined> {
  return db.selectFrom('offer_contributions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findContributions(db: Db, ids: readonly string[]): Promise<ContributionRow[]> {
  return ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('offer_contributions').selectAll().where('id', 'in', ids).execute();
}

export function listContributorContributions(db: Db, userId: string): Promise<ContributionRow[]> {
  return db
    .selectFrom('offer_contributions')
    .selectAll()
    .where('contributor_user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Pending contributions with their contributor's address, oldest first (the moderation queue). */
export function listPending(db: Db): Promise<(ContributionRow & { contributor_email: string })[]> {
  return db
    .selectFrom('offer_contributions')
    .innerJoin('users', 'users.id', 'offer_contributions.contributor_user_id')
    .selectAll('offer_contributions')
    .select('users.email as contributor_email')
    .where('offer_contributions.status', '=', 'pending')
    .orderBy('offer_contributions.created_at')
    .orderBy('offer_contributions.id')
    .execute();
}

/**
 * Changes a contribution only while its status is one of `fromStatuses`: two moderators acting at once
 * (or a contributor editing while it is approved) cannot both win. True when it changed.
 */
export async function updateContributionIf(
  db: Db,
  id: string,
  fromStatuses: readonly string[],
  changes: Updateable<OfferContributionsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('offer_contributions')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', fromStatuses)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteContributionIf(db: Db, id: string, fromStatuses: readonly string[]): Promise<boolean> {
  const result = await db
    .deleteFrom('offer_contributions')
    .where('id', '=', id)
    .where('status', 'in', fromStatuses)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function insertMessage(db: Db, row: Insertable<ContributionMessagesTable>): Promise<void> {
  await db.insertInto('contribution_messages').values(row).execute();
}

/** The messages of these contributions, oldest first. */
export function listMessages(db: Db, contributionIds: readonly string[]): Promise<ContributionMessageRow[]> {
  return contributionIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('contribution_messages')
        .selectAll()
        .where('contribution_id', 'in', contributionIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
}

export async function countByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('offer_contributions')
    .select(['status', db.fn.countAll<number | string>().as('count')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}

export async function countApprovedSince(db: Db, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('offer_contributions')
    .select(db.fn.countAll<number | string>().as('count'))
    .where('status', '=', 'approved')
    .where('reviewed_at', '>=', sinceIso)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Contributors with the most approved contributions. */
export async function topContributors(db: Db, limit: number): Promise<{ email: string; count: number }[]> {
  const rows = await db
    .selectFrom('offer_contributions')
    .innerJoin('users', 'users.id', 'offer_contributions.contributor_user_id')
    .select(['users.email as email', db.fn.countAll<number | string>().as('count')])
    .where('offer_contributions.status', '=', 'approved')
    .groupBy('users.email')
    .orderBy('count', 'desc')
    .orderBy('users.email')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ email: row.email, count: Number(row.count) }));
}

/** Addresses of the active accounts whose role holds `permission`. */
export async function emailsWithPermission(db: Db, permission: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('role_permissions', 'role_permissions.role_id', 'users.role_id')
    .innerJoin('permissions', 'permissions.id', 'role_permissions.permission_id')
    .select('users.email')
    .distinct()
    .where('permissions.name', '=', permission)
    .where('users.is_active', '=', true)
    .execute();
  return rows.map((row) => row.email);
}

export async function findUserEmails(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('users').select(['id', 'email']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.email]));
}

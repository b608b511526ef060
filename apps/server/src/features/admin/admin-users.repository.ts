import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** `%` and `_` typed in the search box are literal characters, not patterns. */
function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Users with their role and number of meters, as the console lists them. */
function selectAdminUsers(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('roles', 'roles.id', 'users.role_id')
    .select((eb) => [
      'users.id',
      'users.email',
      'users.is_active',
      'users.email_verified',
      'users.debug_mode',
      'users.admin_data_sharing',
      'users.hashed_password',
      'users.created_at',
      'roles.id as role_id',
      'roles.name as role_name',
      'roles.display_name as role_display_name',
      eb
        .selectFrom('pdls')
        .select((sub) => sub.fn.countAll<string | number>().as('n'))
        .whereRef('pdls.user_id', '=', 'users.id')
        .as('pdl_count'),
    ]);
}
export type AdminUserRow = Awaited<ReturnType<ReturnType<typeof selectAdminUsers>['execute']>>[number];

/** One page of users, newest first; `search` matches part of the e-mail, case-insensitively. */
export async function listUsersPage(db: Db, options: { search: string | undefined; limit: number; offset: number }) {
  const pattern = options.search ? likePattern(options.search) : undefined;
  const [rows, total] = await Promise.all([
    selectAdminUsers(db)
      .$if(pattern !== undefined, (query) => query.where(sql<boolean>`lower(users.email) like ${pattern} escape '\\'`))
      .orderBy('users.created_at', 'desc')
      .orderBy('users.id')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .$if(pattern !== undefined, (query) => query.where(sql<boolean>`lower(users.email) like ${pattern} escape '\\'`))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function findAdminUserRow(db: Db, id: string): Promise<AdminUserRow | undefined> {
  return selectAdminUsers(db).where('users.id', '=', id).executeTakeFirst();
}

/** Totals for the users page and the overview; `monthStart` is an ISO instant. */
export async function userCounts(db: Db, monthStart: string) {
  const row = await db
    .selectFrom('users')
    .leftJoin('roles', 'roles.id', 'users.role_id')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('total'),
      eb.fn
        .sum<string | number | null>(eb.case().when('users.is_active', '=', true).then(1).else(0).end())
        .as('active'),
      eb.fn
        .sum<string | number | null>(eb.case().when('users.email_verified', '=', true).then(1).else(0).end())
        .as('verified'),
      eb.fn.sum<string | number | null>(eb.case().when('roles.name', '=', 'admin').then(1).else(0).end()).as('admins'),
      eb.fn
        .sum<string | number | null>(eb.case().when('users.created_at', '>=', monthStart).then(1).else(0).end())
        .as('this_month'),
    ])
    .executeTakeFirstOrThrow();
  return {
    total: Number(row.total),
    active: Number(row.active ?? 0),
    verified: Number(row.verified ?? 0),
    admins: Number(row.admins ?? 0),
    thisMonth: Number(row.this_month ?? 0),
  };
}

export async function emailsOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.email]));
}

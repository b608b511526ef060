import { randomUUID } from 'node:crypto';
import { PERMISSIONS, SYSTEM_ROLES, type Permission, type Role, type SystemRoleName } from '@med/contracts';
import type { Db, RolesTable } from '../../db/database.ts';
import type { Selectable } from 'kysely';

export type RoleWithPermissions = Role;
export type RoleRow = Selectable<RolesTable>;

/** Idempotent seed of the system roles and permissions; safe to run at every start on every instance. */
export async function seedRolesAndPermissions(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const permission of PERMISSIONS) {
      await trx
        .insertInto('permissions')
        .values({ id: randomUUID(), ...permission, description: null })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({ display_name: permission.display_name, resource: permission.resource }),
        )
        .execute();
    }
    for (const role of SYSTEM_ROLES) {
      await trx
        .insertInto('roles')
        .values({
          id: randomUUID(),
          name: role.name,
          display_name: role.display_name,
          description: null,
          is_system: true,
        })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const roleRow = await trx
        .selectFrom('roles')
        .select('id')
        .where('name', '=', role.name)
        .executeTakeFirstOrThrow();
      const permissionRows = await trx
        .selectFrom('permissions')
        .select('id')
        .where('name', 'in', [...role.permissions, '__none__'])
        .execute();
      for (const permissionRow of permissionRows) {
        await trx
          .insertInto('role_permissions')
          .values({ role_id: roleRow.id, permission_id: permissionRow.id })
          .onConflict((oc) => oc.columns(['role_id', 'permission_id']).doNothing())
          .execute();
      }
    }
  });
}

export async function findRoleIdByName(db: Db, name: SystemRoleName): Promise<string> {
  const row = await db.selectFrom('roles').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

// Roles change rarely and are read on every authenticated request: keep them for a few seconds.
const ROLE_CACHE_MS = 10_000;
const roleCache = new WeakMap<Db, Map<string, { role: RoleWithPermissions; until: number }>>();

/** Drops cached roles (after changing roles or permissions). */
export function forgetCachedRoles(db: Db): void {
  roleCache.delete(db);
}

/** The user's role with its permissions; users without a role are visitors. */
export async function loadRole(db: Db, roleId: string | null): Promise<RoleWithPermissions> {
  const cache = roleCache.get(db) ?? new Map<string, { role: RoleWithPermissions; until: number }>();
  roleCache.set(db, cache);
  const hit = cache.get(roleId ?? '');
  if (hit && hit.until > Date.now()) {
    return hit.role;
  }
  const role = await loadRoleFromDb(db, roleId);
  cache.set(roleId ?? '', { role, until: Date.now() + ROLE_CACHE_MS });
  return role;
}

async function loadRoleFromDb(db: Db, roleId: string | null): Promise<RoleWithPermissions> {
  const role = roleId
    ? await db.selectFrom('roles').select(['id', 'name', 'display_name']).where('id', '=', roleId).executeTakeFirst()
    : undefined;
  const resolved =
    role ??
    (await db
      .selectFrom('roles')
      .select(['id', 'name', 'display_name'])
      .where('name', '=', 'visitor')
      .executeTakeFirstOrThrow());
  const permissions = await db
    .selectFrom('role_permissions')
    .innerJoin('permissions', 'permissions.id', 'role_permissions.permission_id')
    .select(['permissions.id', 'permissions.name', 'permissions.display_name', 'permissions.resource'])
    .where('role_permissions.role_id', '=', resolved.id)
    .orderBy('permissions.name')
    .execute();
  return { ...resolved, permissions };
}

/**
 * `ADMIN_EMAILS` users with a verified address get the admin role (at every start, and when the address
 * is verified). An unverified one waits: anybody can sign up with any address, only its owner can follow
 * the mailed link.
 */
export async function promoteAdminEmails(db: Db, emails: readonly string[]): Promise<number> {
  if (emails.length === 0) {
    return 0;
  }
  const adminRoleId = await findRoleIdByName(db, 'admin');
  const result = await db
    .updateTable('users')
    .set({ role_id: adminRoleId, updated_at: new Date().toISOString() })
    .where('email', 'in', [...emails])
    .where('email_verified', '=', true)
    .where((eb) => eb.or([eb('role_id', 'is', null), eb('role_id', '!=', adminRoleId)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Earlier versions made an `ADMIN_EMAILS` address admin at sign-up, before anyone proved owning it: such
 * accounts, still unverified, go back to visitor at start (the owner gets admin by verifying the address).
 */
export async function demoteUnverifiedAdminEmails(db: Db, emails: readonly string[]): Promise<number> {
  if (emails.length === 0) {
    return 0;
  }
  const [adminRoleId, visitorRoleId] = await Promise.all([
    findRoleIdByName(db, 'admin'),
    findRoleIdByName(db, 'visitor'),
  ]);
  const result = await db
    .updateTable('users')
    .set({ role_id: visitorRoleId, updated_at: new Date().toISOString() })
    .where('email', 'in', [...emails])
    .where('email_verified', '=', false)
    .where('role_id', '=', adminRoleId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function listPermissions(db: Db): Promise<Permission[]> {
  return db.selectFrom('permissions').select(['id', 'name', 'display_name', 'resource']).orderBy('name').execute();
}

export function findRoleRow(db: Db, id: string): Promise<RoleRow | undefined> {
  return db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRoleRowByName(db: Db, name: string): Promise<RoleRow | undefined> {
  return db.selectFrom('roles').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Every role with its permissions and how many users hold it, system roles first. */
export async function listRoleDetails(db: Db) {
  const [roles, links, counts] = await Promise.all([
    db.selectFrom('roles').selectAll().orderBy('is_system', 'desc').orderBy('name').execute(),
    db
      .selectFrom('role_permissions')
      .innerJoin('permissions', 'permissions.id', 'role_permissions.permission_id')
      .select([
        'role_permissions.role_id',
        'permissions.id',
        'permissions.name',
        'permissions.display_name',
        'permissions.resource',
      ])
      .orderBy('permissions.name')
      .execute(),
    db
      .selectFrom('users')
      .select(['role_id', (eb) => eb.fn.countAll<string | number>().as('count')])
      .groupBy('role_id')
      .execute(),
  ]);
  const visitorId = roles.find((role) => role.name === 'visitor')?.id;
  const userCount = (roleId: string) =>
    counts
      // Users without a role are visitors (upstream §1.3).
      .filter((row) => row.role_id === roleId || (row.role_id === null && roleId === visitorId))
      .reduce((sum, row) => sum + Number(row.count), 0);
  return roles.map((role) => ({
    role,
    user_count: userCount(role.id),
    permissions: links
      .filter((link) => link.role_id === role.id)
      .map(({ id, name, display_name, resource }) => ({ id, name, display_name, resource })),
  }));
}

export async function countUsersWithRole(db: Db, roleId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('role_id', '=', roleId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertRole(db: Db, role: Omit<RoleRow, 'is_system'>): Promise<void> {
  await db
    .insertInto('roles')
    .values({ ...role, is_system: false })
    .execute();
}

export async function updateRoleRow(
  db: Db,
  id: string,
  changes: { display_name?: string; description?: string | null },
): Promise<void> {
  await db.updateTable('roles').set(changes).where('id', '=', id).execute();
}

export async function deleteRoleRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('roles').where('id', '=', id).execute();
}

/** Replaces the role's permissions with exactly these. */
export async function replaceRolePermissions(db: Db, roleId: string, permissionIds: readonly string[]): Promise<void> {
  await db.deleteFrom('role_permissions').where('role_id', '=', roleId).execute();
  if (permissionIds.length > 0) {
    await db
      .insertInto('role_permissions')
      .values([...new Set(permissionIds)].map((permission_id) => ({ role_id: roleId, permission_id })))
      .execute();
  }
}

export async function setUserRole(db: Db, userId: string, roleId: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ role_id: roleId, updated_at: now.toISOString() })
    .where('id', '=', userId)
    .execute();
}

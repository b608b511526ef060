import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { PERMISSIONS, SYSTEM_ROLES, type SystemRoleName } from './roles.catalog.ts';

export interface RoleWithPermissions {
  id: string;
  name: string;
  display_name: string;
  permissions: { id: string; name: string; display_name: string; resource: string }[];
}

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

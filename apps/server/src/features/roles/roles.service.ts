import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  type CreateRoleRequest,
  type Permission,
  type RoleDetail,
  type UpdateRoleRequest,
  type UserRoleResponse,
} from '@med/contracts';
import { toBool, type Db } from '../../db/database.ts';
import { conflict, notFound, unprocessable } from '../../http/app-error.ts';
import type { AuthUser } from '../../http/auth.ts';
import { findUserById, logActivity } from '../accounts/users.repository.ts';
import {
  countUsersWithRole,
  deleteRoleRow,
  findRoleRow,
  findRoleRowByName,
  forgetCachedRoles,
  insertRole,
  listPermissions,
  listRoleDetails,
  replaceRolePermissions,
  setUserRole,
  updateRoleRow,
  type RoleRow,
} from './roles.repository.ts';

export interface RolesServiceDeps {
  db: Db;
  /** ADMIN_EMAILS: their verified owners get the admin role back at every start, so it cannot be taken away. */
  adminEmails: readonly string[];
  now?: () => Date;
}

/** Who does an admin action, for the activity log. */
export interface Actor {
  user: AuthUser;
  ip: string;
}

const roleNotFound = () => notFound(ErrorCode.ROLE_NOT_FOUND, 'Rôle introuvable.');
const systemRole = (role: RoleRow) =>
  conflict(ErrorCode.SYSTEM_ROLE_PROTECTED, `Le rôle système « ${role.name} » ne peut pas être modifié.`);

/** Roles and permissions of the admin console (`/api/admin/roles`, permission `roles`). */
export function createRolesService(deps: RolesServiceDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function requireRole(id: string): Promise<RoleRow> {
    const role = await findRoleRow(db, id);
    if (!role) {
      throw roleNotFound();
    }
    return role;
  }

  async function requireCustomRole(id: string): Promise<RoleRow> {
    const role = await requireRole(id);
    if (toBool(role.is_system)) {
      throw systemRole(role);
    }
    return role;
  }

  /** Every id must name a seeded permission; the answer says which one does not. */
  async function checkPermissionIds(ids: readonly string[]): Promise<void> {
    const known = new Set((await listPermissions(db)).map((permission) => permission.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) {
      throw unprocessable(ErrorCode.UNKNOWN_PERMISSION, `Permission inconnue : ${unknown}.`, 'permission_ids');
    }
  }

  async function detail(id: string): Promise<RoleDetail> {
    const found = (await listRoleDetails(db)).find((entry) => entry.role.id === id);
    if (!found) {
      throw roleNotFound();
    }
    return toDetail(found);
  }

  return {
    async list(): Promise<RoleDetail[]> {
      return (await listRoleDetails(db)).map(toDetail);
    },

    get: detail,

    permissions(): Promise<Permission[]> {
      return listPermissions(db);
    },

    async create(actor: Actor, input: CreateRoleRequest): Promise<RoleDetail> {
      const permissionIds = input.permission_ids ?? [];
      await checkPermissionIds(permissionIds);
      const nameTaken = () => conflict(ErrorCode.ROLE_NAME_TAKEN, `Le rôle « ${input.name} » existe déjà.`, 'name');
      if (await findRoleRowByName(db, input.name)) {
        throw nameTaken();
      }
      const id = randomUUID();
      try {
        await db.transaction().execute(async (trx) => {
          await insertRole(trx, {
            id,
            name: input.name,
            display_name: input.display_name,
            description: input.description ?? null,
          });
          await replaceRolePermissions(trx, id, permissionIds);
        });
      } catch (error) {
        // Lost a race with another creation of the same name: the unique index let exactly one through.
        if (await findRoleRowByName(db, input.name)) {
          throw nameTaken();
        }
        throw error;
      }
      await logActivity(db, {
        user_id: actor.user.id,
        action: 'role_created',
        ip: actor.ip,
        details: { role: input.name },
      });
      return detail(id);
    },

    async update(id: string, input: UpdateRoleRequest): Promise<RoleDetail> {
      await requireCustomRole(id);
      await updateRoleRow(db, id, {
        ...(input.display_name === undefined ? {} : { display_name: input.display_name }),
        ...(input.description === undefined ? {} : { description: input.description }),
      });
      forgetCachedRoles(db);
      return detail(id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const role = await requireCustomRole(id);
      const holders = await countUsersWithRole(db, id);
      if (holders > 0) {
        throw conflict(
          ErrorCode.ROLE_IN_USE,
          `Le rôle « ${role.name} » est attribué à ${holders} utilisateur(s) : attribuez-leur un autre rôle d’abord.`,
        );
      }
      await deleteRoleRow(db, id);
      forgetCachedRoles(db);
      await logActivity(db, {
        user_id: actor.user.id,
        action: 'role_deleted',
        ip: actor.ip,
        details: { role: role.name },
      });
    },

    async setPermissions(actor: Actor, id: string, permissionIds: readonly string[]): Promise<RoleDetail> {
      const role = await requireCustomRole(id);
      await checkPermissionIds(permissionIds);
      await db.transaction().execute((trx) => replaceRolePermissions(trx, id, permissionIds));
      forgetCachedRoles(db);
      await logActivity(db, {
        user_id: actor.user.id,
        action: 'role_permissions_changed',
        ip: actor.ip,
        details: { role: role.name, permission_ids: [...permissionIds] },
      });
      return detail(id);
    },

    async assign(actor: Actor, userId: string, roleId: string): Promise<UserRoleResponse> {
      const user = await findUserById(db, userId);
      if (!user) {
        throw notFound(ErrorCode.USER_NOT_FOUND, 'Utilisateur introuvable.');
      }
      const role = await requireRole(roleId);
      if (user.id === actor.user.id) {
        // Taking one's own admin role away could leave the gateway without anyone able to give it back.
        throw conflict(ErrorCode.SELF_ACTION_FORBIDDEN, 'Vous ne pouvez pas changer votre propre rôle.');
      }
      if (role.name !== 'admin' && toBool(user.email_verified) && deps.adminEmails.includes(user.email)) {
        throw conflict(
          ErrorCode.ADMIN_EMAIL_ROLE_LOCKED,
          'Cette adresse figure dans ADMIN_EMAILS : le serveur lui rend le rôle admin à chaque démarrage.',
        );
      }
      await setUserRole(db, user.id, role.id, now());
      await logActivity(db, {
        user_id: actor.user.id,
        action: 'user_role_changed',
        ip: actor.ip,
        details: { target_user_id: user.id, role: role.name },
      });
      return { user_id: user.id, role: { id: role.id, name: role.name, display_name: role.display_name } };
    },
  };
}
export type RolesService = ReturnType<typeof createRolesService>;

function toDetail(entry: Awaited<ReturnType<typeof listRoleDetails>>[number]): RoleDetail {
  return {
    id: entry.role.id,
    name: entry.role.name,
    display_name: entry.role.display_name,
    description: entry.role.description,
    is_system: toBool(entry.role.is_system),
    user_count: entry.user_count,
    permissions: entry.permissions,
  };
}

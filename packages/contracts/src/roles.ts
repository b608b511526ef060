import { z } from 'zod';
import { permissionSchema } from './accounts.ts';

/**
 * The permissions of the reference gateway (upstream §1.3): name → resource. A route asks for a name;
 * the admin console shows the resource as a group. Adding one is fine, renaming one breaks stored roles.
 */
export const PERMISSIONS = [
  { name: 'admin_dashboard', display_name: 'Tableau de bord admin', resource: 'admin_dashboard' },
  { name: 'users', display_name: 'Voir les utilisateurs', resource: 'users' },
  { name: 'users.edit', display_name: 'Modifier les utilisateurs', resource: 'users' },
  { name: 'users.delete', display_name: 'Supprimer les utilisateurs', resource: 'users' },
  { name: 'logs', display_name: 'Voir les journaux', resource: 'logs' },
  { name: 'logs.delete', display_name: 'Effacer les journaux', resource: 'logs' },
  { name: 'contributions', display_name: 'Modérer les contributions', resource: 'contributions' },
  { name: 'offers', display_name: 'Gérer les offres', resource: 'offers' },
  { name: 'offers.delete', display_name: 'Supprimer des offres', resource: 'offers' },
  { name: 'roles', display_name: 'Gérer les rôles', resource: 'roles' },
] as const;

export type PermissionName = (typeof PERMISSIONS)[number]['name'];

/** The roles every gateway has (`is_system`: cannot be renamed, re-permissioned or deleted). */
export const SYSTEM_ROLES = [
  { name: 'admin', display_name: 'Administrateur', permissions: PERMISSIONS.map((permission) => permission.name) },
  {
    name: 'moderator',
    display_name: 'Modérateur',
    permissions: ['admin_dashboard', 'users', 'contributions', 'offers', 'logs'] satisfies PermissionName[],
  },
  { name: 'visitor', display_name: 'Visiteur', permissions: [] as PermissionName[] },
] as const;

export type SystemRoleName = (typeof SYSTEM_ROLES)[number]['name'];

/** A role as the admin console lists it (`GET /api/admin/roles`). */
export const roleDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  display_name: z.string(),
  description: z.string().nullable(),
  is_system: z.boolean(),
  user_count: z.number().int(),
  permissions: z.array(permissionSchema),
});
export type RoleDetail = z.infer<typeof roleDetailSchema>;

const roleName = z
  .string()
  .trim()
  .min(2)
  .max(50)
  .regex(/^[a-z][a-z0-9_]*$/, {
    message: 'Nom attendu en minuscules : lettres, chiffres et _, commençant par une lettre.',
  });
const displayName = z.string().trim().min(1).max(100);
const description = z.string().trim().max(500).nullable();
const permissionIds = z.array(z.string().min(1).max(64)).max(100);

/** `POST /api/admin/roles` (the reference's body). */
export const createRoleRequestSchema = z.strictObject({
  name: roleName,
  display_name: displayName,
  description: description.optional(),
  permission_ids: permissionIds.default([]),
});
export type CreateRoleRequest = z.input<typeof createRoleRequestSchema>;

/** `PATCH /api/admin/roles/{id}`: the name is the role's identity and stays. */
export const updateRoleRequestSchema = z
  .strictObject({ display_name: displayName.optional(), description: description.optional() })
  .refine((body) => body.display_name !== undefined || body.description !== undefined, {
    message: 'Rien à modifier.',
  });
export type UpdateRoleRequest = z.input<typeof updateRoleRequestSchema>;

/** `PUT /api/admin/roles/{id}/permissions`. */
export const rolePermissionsRequestSchema = z.strictObject({ permission_ids: permissionIds });
export type RolePermissionsRequest = z.input<typeof rolePermissionsRequestSchema>;

/** `PUT /api/admin/roles/users/{user_id}/role`. */
export const userRoleRequestSchema = z.strictObject({ role_id: z.string().min(1).max(64) });
export type UserRoleRequest = z.input<typeof userRoleRequestSchema>;

export const userRoleResponseSchema = z.object({
  user_id: z.string(),
  role: z.object({ id: z.string(), name: z.string(), display_name: z.string() }),
});
export type UserRoleResponse = z.infer<typeof userRoleResponseSchema>;

/** Permission names and resources of the reference gateway (upstream §1.3). */
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

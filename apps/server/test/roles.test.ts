import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRolesAndPermissions } from '../src/features/roles/roles.repository.ts';
import { createUser } from './support/accounts-helpers.ts';
import { createAdmin } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/**
 * Written out from the reference gateway (upstream-reference.md §1.3), on purpose not read from
 * roles.catalog.ts: a change to the catalog must show up here.
 */
const REFERENCE_PERMISSIONS: Record<string, string> = {
  admin_dashboard: 'admin_dashboard',
  users: 'users',
  'users.edit': 'users',
  'users.delete': 'users',
  logs: 'logs',
  'logs.delete': 'logs',
  contributions: 'contributions',
  offers: 'offers',
  'offers.delete': 'offers',
  roles: 'roles',
};
const REFERENCE_ROLES: Record<string, string[]> = {
  admin: Object.keys(REFERENCE_PERMISSIONS),
  moderator: ['admin_dashboard', 'users', 'contributions', 'offers', 'logs'],
  visitor: [],
};

describe.each(backends)('seeded roles on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { ADMIN_EMAILS: 'roles-admin@example.org' });
  });
  afterAll(async () => server.close());

  async function seeded() {
    const db = server.deps.db;
    const roles = await db.selectFrom('roles').select(['id', 'name', 'is_system']).execute();
    const permissions = await db.selectFrom('permissions').select(['name', 'resource']).execute();
    const links = await db
      .selectFrom('role_permissions')
      .innerJoin('roles', 'roles.id', 'role_permissions.role_id')
      .innerJoin('permissions', 'permissions.id', 'role_permissions.permission_id')
      .select(['roles.name as role', 'permissions.name as permission'])
      .execute();
    const byRole = Object.fromEntries(
      roles.map((role) => [
        role.name,
        links
          .filter((link) => link.role === role.name)
          .map((link) => link.permission)
          .sort(),
      ]),
    );
    return { roles, permissions, byRole };
  }

  it('seeds admin, moderator and visitor with exactly the reference permission names', async () => {
    const { roles, permissions, byRole } = await seeded();
    expect(roles.map((role) => role.name).sort()).toEqual(['admin', 'moderator', 'visitor']);
    expect(roles.every((role) => Boolean(role.is_system))).toBe(true);
    expect(Object.fromEntries(permissions.map((permission) => [permission.name, permission.resource]))).toEqual(
      REFERENCE_PERMISSIONS,
    );
    for (const [role, expected] of Object.entries(REFERENCE_ROLES)) {
      expect(byRole[role], role).toEqual([...expected].sort());
    }
  });

  it('seeds idempotently (every start runs it again)', async () => {
    const before = await seeded();
    await seedRolesAndPermissions(server.deps.db);
    const after = await seeded();
    expect(after.byRole).toEqual(before.byRole);
    expect(after.roles.map((role) => role.id).sort()).toEqual(before.roles.map((role) => role.id).sort());
    expect(after.permissions).toHaveLength(before.permissions.length);
  });

  it('reports the role and its permissions in /me: visitor has none, admin has all', async () => {
    const visitor = await createUser(server, 'roles-visitor');
    const adminCookie = await createAdmin(server, 'roles-admin@example.org');
    const permissionsOf = async (cookie: string) => {
      const me = await server.app.inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie } });
      const role = me.json<{ data: { role: { name: string; permissions: { name: string; resource: string }[] } } }>()
        .data.role;
      return { name: role.name, permissions: role.permissions.map((permission) => permission.name).sort() };
    };
    expect(await permissionsOf(visitor.cookie)).toEqual({ name: 'visitor', permissions: [] });
    expect(await permissionsOf(adminCookie)).toEqual({
      name: 'admin',
      permissions: [...REFERENCE_ROLES.admin!].sort(),
    });
  });
});

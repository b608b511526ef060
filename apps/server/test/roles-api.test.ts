import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, STRONG_PASSWORD, type TestUser } from './support/accounts-helpers.ts';
import { createAdmin, verifyEmail } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN = 'roles-api-admin@example.org';
const SECOND_ADMIN = 'roles-api-second@example.org';

interface RoleBody {
  id: string;
  name: string;
  display_name: string;
  description: string | null;
  is_system: boolean;
  user_count: number;
  permissions: { id: string; name: string }[];
}

/** The roles API (`/api/admin/roles`): custom roles, protected system roles, role changes that apply at once. */
describe.each(backends)('roles API on $name', (backend) => {
  let server: TestServer;
  let admin: string;
  let permissionIds: Record<string, string>;
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: Record<string, unknown>,
    cookie = admin,
  ) => server.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const roles = async () => (await call('GET', '/api/admin/roles')).json<{ data: RoleBody[] }>().data;
  const roleNamed = async (name: string) => (await roles()).find((role) => role.name === name)!;
  const userId = async (email: string) =>
    (await server.deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    server = await startTestServer(backend, { ADMIN_EMAILS: `${ADMIN},${SECOND_ADMIN}` });
    admin = await createAdmin(server, ADMIN);
    const permissions = (await call('GET', '/api/admin/roles/permissions')).json<{
      data: { id: string; name: string; resource: string }[];
    }>().data;
    permissionIds = Object.fromEntries(permissions.map((permission) => [permission.name, permission.id]));
  });
  afterAll(async () => server.close());

  it('lists the three system roles with their permissions and holders', async () => {
    const list = await roles();
    expect(list.filter((role) => role.is_system).map((role) => role.name)).toEqual(['admin', 'moderator', 'visitor']);
    const adminRole = list.find((role) => role.name === 'admin')!;
    expect(adminRole.permissions).toHaveLength(10);
    expect(adminRole.user_count).toBe(1);
    expect(Object.keys(permissionIds).sort()).toEqual([
      'admin_dashboard',
      'contributions',
      'logs',
      'logs.delete',
      'offers',
      'offers.delete',
      'roles',
      'users',
      'users.delete',
      'users.edit',
    ]);
  });

  it('creates a custom role; a second one with the same name is refused (409) and nothing is half-written', async () => {
    const created = await call('POST', '/api/admin/roles', {
      name: 'support',
      display_name: 'Support',
      description: 'Aide aux utilisateurs',
      permission_ids: [permissionIds.users, permissionIds.logs],
    });
    expect(created.statusCode, created.body).toBe(201);
    const role = created.json<{ data: RoleBody }>().data;
    expect(role).toMatchObject({
      name: 'support',
      is_system: false,
      user_count: 0,
      description: 'Aide aux utilisateurs',
    });
    expect(role.permissions.map((permission) => permission.name)).toEqual(['logs', 'users']);
    expectError(
      await call('POST', '/api/admin/roles', {
        name: 'support',
        display_name: 'Autre',
        permission_ids: [permissionIds.roles],
      }),
      409,
      'ROLE_NAME_TAKEN',
      'name',
    );
    expect((await roleNamed('support')).permissions.map((permission) => permission.name)).toEqual(['logs', 'users']);
  });

  it('refuses bad input with a 4xx and a stable code, never a 5xx', async () => {
    expectError(
      await call('POST', '/api/admin/roles', { name: 'Bad Name', display_name: 'x' }),
      422,
      'VALIDATION_ERROR',
      'name',
    );
    expectError(
      await call('POST', '/api/admin/roles', { name: 'ghost', display_name: 'Ghost', permission_ids: ['nope'] }),
      422,
      'UNKNOWN_PERMISSION',
      'permission_ids',
    );
    expect((await roles()).some((role) => role.name === 'ghost')).toBe(false);
    expectError(await call('GET', '/api/admin/roles/unknown-id'), 404, 'ROLE_NOT_FOUND');
    expectError(await call('PATCH', '/api/admin/roles/unknown-id', { display_name: 'x' }), 404, 'ROLE_NOT_FOUND');
    expectError(
      await call('PATCH', `/api/admin/roles/${(await roleNamed('support')).id}`, {}),
      422,
      'VALIDATION_ERROR',
    );
    expectError(
      await call('PUT', `/api/admin/roles/${(await roleNamed('support')).id}/permissions`, {
        permission_ids: [permissionIds.users, 'x'],
      }),
      422,
      'UNKNOWN_PERMISSION',
    );
    expect((await roleNamed('support')).permissions.map((permission) => permission.name)).toEqual(['logs', 'users']);
  });

  it('protects the system roles: no rename, no permission change, no deletion (409)', async () => {
    for (const name of ['admin', 'moderator', 'visitor']) {
      const role = await roleNamed(name);
      expectError(
        await call('PATCH', `/api/admin/roles/${role.id}`, { display_name: 'Piraté' }),
        409,
        'SYSTEM_ROLE_PROTECTED',
      );
      expectError(
        await call('PUT', `/api/admin/roles/${role.id}/permissions`, { permission_ids: [permissionIds.roles] }),
        409,
        'SYSTEM_ROLE_PROTECTED',
      );
      expectError(await call('DELETE', `/api/admin/roles/${role.id}`), 409, 'SYSTEM_ROLE_PROTECTED');
      expect(await roleNamed(name)).toEqual(role);
    }
  });

  it('a role change and a permission change apply to the very next request', async () => {
    const member = await createUser(server, 'roles-api-member');
    const memberId = await userId(member.email);
    const support = await roleNamed('support');
    expectError(await call('GET', '/api/admin/consents', undefined, member.cookie), 403, 'FORBIDDEN');
    const assigned = await call('PUT', `/api/admin/roles/users/${memberId}/role`, { role_id: support.id });
    expect(assigned.json()).toMatchObject({ data: { user_id: memberId, role: { name: 'support' } } });
    expect((await call('GET', '/api/admin/consents', undefined, member.cookie)).statusCode).toBe(200);
    expect((await roleNamed('support')).user_count).toBe(1);

    const changed = await call('PUT', `/api/admin/roles/${support.id}/permissions`, {
      permission_ids: [permissionIds.logs],
    });
    expect(changed.json<{ data: RoleBody }>().data.permissions.map((permission) => permission.name)).toEqual(['logs']);
    expectError(await call('GET', '/api/admin/consents', undefined, member.cookie), 403, 'FORBIDDEN');

    const renamed = await call('PATCH', `/api/admin/roles/${support.id}`, {
      display_name: 'Assistance',
      description: null,
    });
    expect(renamed.json<{ data: RoleBody }>().data).toMatchObject({
      name: 'support',
      display_name: 'Assistance',
      description: null,
    });

    // Held by a user: deleting it would leave that user with a dangling role.
    expectError(await call('DELETE', `/api/admin/roles/${support.id}`), 409, 'ROLE_IN_USE');
    await call('PUT', `/api/admin/roles/users/${memberId}/role`, { role_id: (await roleNamed('visitor')).id });
    expect((await call('DELETE', `/api/admin/roles/${support.id}`)).statusCode).toBe(200);
    expectError(await call('GET', `/api/admin/roles/${support.id}`), 404, 'ROLE_NOT_FOUND');
  });

  it('role assignment: not oneself, not away from an ADMIN_EMAILS address, known user and role only', async () => {
    const adminId = await userId(ADMIN);
    const visitorRole = await roleNamed('visitor');
    expectError(
      await call('PUT', `/api/admin/roles/users/${adminId}/role`, { role_id: visitorRole.id }),
      409,
      'SELF_ACTION_FORBIDDEN',
    );
    const second = await createAdmin(server, SECOND_ADMIN);
    expect(second).toBeTruthy();
    expectError(
      await call('PUT', `/api/admin/roles/users/${await userId(SECOND_ADMIN)}/role`, { role_id: visitorRole.id }),
      409,
      'ADMIN_EMAIL_ROLE_LOCKED',
    );
    expectError(
      await call('PUT', '/api/admin/roles/users/nobody/role', { role_id: visitorRole.id }),
      404,
      'USER_NOT_FOUND',
    );
    const member: TestUser = await createUser(server, 'roles-api-target');
    expectError(
      await call('PUT', `/api/admin/roles/users/${await userId(member.email)}/role`, { role_id: 'nope' }),
      404,
      'ROLE_NOT_FOUND',
    );
  });

  it('ADMIN_EMAILS grants admin only once the address is verified', async () => {
    const email = 'roles-api-late@example.org';
    const local = await startTestServer(backend, { ADMIN_EMAILS: email });
    try {
      await local.app.inject({
        method: 'POST',
        url: '/api/accounts/signup',
        payload: { email, password: STRONG_PASSWORD },
      });
      const login = async () =>
        (
          await local.app.inject({
            method: 'POST',
            url: '/api/accounts/login',
            payload: { email, password: STRONG_PASSWORD },
          })
        ).json<{
          data: { access_token: string };
        }>().data.access_token;
      const rolesWith = (token: string) =>
        local.app.inject({ method: 'GET', url: '/api/admin/roles', headers: { authorization: `Bearer ${token}` } });
      expectError(await rolesWith(await login()), 403, 'FORBIDDEN');
      await verifyEmail(local, email);
      expect((await rolesWith(await login())).statusCode).toBe(200);
    } finally {
      await local.close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { createAdmin } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { baseRecord, freshCatalogueEntry, providerFile } from './support/catalogue-helpers.ts';
import { expectError } from './support/pdl-helpers.ts';
import { rteEmulator } from './support/rte-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN = 'permissions-admin@example.org';

/**
 * What each role holds, written out from the reference (upstream §1.3) rather than read from the catalog,
 * plus a custom role holding only `roles`: the guard follows the role's permissions, not its name.
 */
const ROLE_PERMISSIONS = {
  admin: [
    'admin_dashboard',
    'users',
    'users.edit',
    'users.delete',
    'logs',
    'logs.delete',
    'contributions',
    'offers',
    'offers.delete',
    'roles',
  ],
  moderator: ['admin_dashboard', 'users', 'contributions', 'offers', 'logs'],
  visitor: [],
  roles_only: ['roles'],
} as const satisfies Record<string, readonly string[]>;
type RoleKey = keyof typeof ROLE_PERMISSIONS;

interface Ctx {
  server: TestServer;
  /** A custom role made for this one call (PATCH, DELETE, PUT permissions need a role to act on). */
  freshRole(): Promise<string>;
  /** A user made for this one call (the target of a role change). */
  freshUser(): Promise<string>;
  visitorRoleId: string;
  /** A pending contribution (a price change of a fresh catalogue entry) made for this one call. */
  freshContribution(): Promise<string>;
}
interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as Fastify registered it. */
  route: string;
  permission: string;
  /** A valid request for this route, so that a permitted caller gets a 2xx. */
  request(ctx: Ctx): Promise<{ url: string; payload?: Record<string, unknown> }>;
}
const at = (url: string) => () => Promise.resolve({ url });
/**
 * EcoWatt may be called once per 15 minutes (RTE's rule, kept by our gate in the cache and by the
 * emulated RTE): both forget the last call before each request.
 */
const ecowattRefresh = (url: string) => async (ctx: Ctx) => {
  await ctx.server.deps.cache.delete('rte:ecowatt:last-call');
  rteEmulator(ctx.server).reset();
  return { url };
};

/** Every route behind requirePermission. A new one must be added here (the index test says so). */
const TABLE: Row[] = [
  { method: 'GET', route: '/api/admin/consents', permission: 'users', request: at('/api/admin/consents') },
  { method: 'POST', route: '/api/tempo/refresh', permission: 'admin_dashboard', request: at('/api/tempo/refresh') },
  {
    method: 'DELETE',
    route: '/api/tempo/clear-all',
    permission: 'admin_dashboard',
    request: at('/api/tempo/clear-all'),
  },
  {
    method: 'DELETE',
    route: '/api/tempo/clear-old',
    permission: 'admin_dashboard',
    request: at('/api/tempo/clear-old?days_to_keep=30'),
  },
  {
    method: 'POST',
    route: '/api/ecowatt/refresh',
    permission: 'admin_dashboard',
    request: ecowattRefresh('/api/ecowatt/refresh'),
  },
  {
    method: 'GET',
    route: '/api/ecowatt/refresh/status',
    permission: 'admin_dashboard',
    request: at('/api/ecowatt/refresh/status'),
  },
  {
    method: 'POST',
    route: '/api/consumption-france/refresh',
    permission: 'admin_dashboard',
    request: at('/api/consumption-france/refresh'),
  },
  {
    method: 'POST',
    route: '/api/generation-forecast/refresh',
    permission: 'admin_dashboard',
    request: at('/api/generation-forecast/refresh'),
  },
  {
    method: 'GET',
    route: '/api/admin/rte/status',
    permission: 'admin_dashboard',
    request: at('/api/admin/rte/status'),
  },
  { method: 'GET', route: '/api/admin/rte/test', permission: 'admin_dashboard', request: at('/api/admin/rte/test') },
  {
    method: 'GET',
    route: '/api/admin/rte/test/:api',
    permission: 'admin_dashboard',
    request: at('/api/admin/rte/test/tempo'),
  },
  {
    method: 'POST',
    route: '/api/admin/rte/refresh/tempo',
    permission: 'admin_dashboard',
    request: at('/api/admin/rte/refresh/tempo'),
  },
  {
    method: 'POST',
    route: '/api/admin/rte/refresh/ecowatt',
    permission: 'admin_dashboard',
    request: ecowattRefresh('/api/admin/rte/refresh/ecowatt'),
  },
  { method: 'GET', route: '/api/admin/stats', permission: 'admin_dashboard', request: at('/api/admin/stats') },
  { method: 'GET', route: '/api/admin/logs', permission: 'logs', request: at('/api/admin/logs?level=info&limit=5') },
  { method: 'GET', route: '/api/admin/logs/tail', permission: 'logs', request: at('/api/admin/logs/tail') },
  { method: 'GET', route: '/api/admin/shared-pdls', permission: 'users', request: at('/api/admin/shared-pdls') },
  {
    method: 'DELETE',
    route: '/api/admin/logs/clear',
    permission: 'logs.delete',
    request: at('/api/admin/logs/clear?level=debug'),
  },
  ...[
    '/api/admin/cache/consumption/clear-all',
    '/api/admin/cache/production/clear-all',
    '/api/admin/cache/clear-all',
  ].map((route): Row => ({ method: 'DELETE', route, permission: 'users.edit', request: at(route) })),
  { method: 'GET', route: '/api/admin/users', permission: 'users', request: at('/api/admin/users?search=perm') },
  { method: 'GET', route: '/api/admin/users/stats', permission: 'users', request: at('/api/admin/users/stats') },
  {
    method: 'POST',
    route: '/api/admin/users',
    permission: 'users.edit',
    request: () =>
      Promise.resolve({ url: '/api/admin/users', payload: { email: `invited-${randomUUID()}@example.org` } }),
  },
  ...(
    [
      ['POST', 'toggle-status', 'users.edit'],
      ['POST', 'reset-password', 'users.edit'],
      ['POST', 'reset-quota', 'users'],
      ['POST', 'toggle-debug', 'users'],
      ['DELETE', 'clear-cache', 'users'],
    ] as const
  ).map(([method, action, permission]): Row => ({
    method,
    route: `/api/admin/users/:id/${action}`,
    permission,
    request: async (ctx) => ({ url: `/api/admin/users/${await ctx.freshUser()}/${action}` }),
  })),
  {
    method: 'DELETE',
    route: '/api/admin/users/:id',
    permission: 'users.delete',
    request: async (ctx) => ({ url: `/api/admin/users/${await ctx.freshUser()}` }),
  },
  { method: 'GET', route: '/api/admin/roles', permission: 'roles', request: at('/api/admin/roles') },
  {
    method: 'POST',
    route: '/api/admin/roles',
    permission: 'roles',
    request: () =>
      Promise.resolve({
        url: '/api/admin/roles',
        payload: { name: `r_${randomUUID().slice(0, 8)}`, display_name: 'Table', permission_ids: [] },
      }),
  },
  {
    method: 'GET',
    route: '/api/admin/roles/permissions',
    permission: 'roles',
    request: at('/api/admin/roles/permissions'),
  },
  {
    method: 'PUT',
    route: '/api/admin/roles/users/:user_id/role',
    permission: 'roles',
    request: async (ctx) => ({
      url: `/api/admin/roles/users/${await ctx.freshUser()}/role`,
      payload: { role_id: ctx.visitorRoleId },
    }),
  },
  {
    method: 'GET',
    route: '/api/admin/roles/:id',
    permission: 'roles',
    request: async (ctx) => ({ url: `/api/admin/roles/${ctx.visitorRoleId}` }),
  },
  {
    method: 'PATCH',
    route: '/api/admin/roles/:id',
    permission: 'roles',
    request: async (ctx) => ({
      url: `/api/admin/roles/${await ctx.freshRole()}`,
      payload: { display_name: 'Renamed' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/admin/roles/:id',
    permission: 'roles',
    request: async (ctx) => ({ url: `/api/admin/roles/${await ctx.freshRole()}` }),
  },
  {
    method: 'PUT',
    route: '/api/admin/roles/:id/permissions',
    permission: 'roles',
    request: async (ctx) => ({
      url: `/api/admin/roles/${await ctx.freshRole()}/permissions`,
      payload: { permission_ids: [] },
    }),
  },
  {
    method: 'POST',
    route: '/api/energy/providers',
    permission: 'offers',
    request: () =>
      Promise.resolve({ url: '/api/energy/providers', payload: { name: `Fournisseur ${randomUUID().slice(0, 8)}` } }),
  },
  {
    method: 'PUT',
    route: '/api/energy/providers/:id',
    permission: 'offers',
    request: async (ctx) => ({
      url: `/api/energy/providers/${(await freshCatalogueEntry(ctx.server)).providerId}`,
      payload: { website: 'https://renamed.example' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/energy/providers/:id',
    permission: 'offers.delete',
    request: async (ctx) => ({ url: `/api/energy/providers/${(await freshCatalogueEntry(ctx.server)).providerId}` }),
  },
  {
    method: 'PUT',
    route: '/api/energy/offers/:id',
    permission: 'offers',
    request: async (ctx) => ({
      url: `/api/energy/offers/${(await freshCatalogueEntry(ctx.server)).offerId}`,
      payload: { base_price: 0.21 },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/energy/offers/:id',
    permission: 'offers.delete',
    request: async (ctx) => ({ url: `/api/energy/offers/${(await freshCatalogueEntry(ctx.server)).offerId}` }),
  },
  {
    method: 'POST',
    route: '/api/energy/catalogue/import',
    permission: 'offers',
    request: () =>
      Promise.resolve({
        url: '/api/energy/catalogue/import',
        payload: { dry_run: true, file: providerFile('table', [baseRecord('table', '2025-01-01')]) },
      }),
  },
  {
    method: 'GET',
    route: '/api/energy/contributions/stats',
    permission: 'contributions',
    request: at('/api/energy/contributions/stats'),
  },
  {
    method: 'GET',
    route: '/api/energy/contributions/pending',
    permission: 'contributions',
    request: at('/api/energy/contributions/pending'),
  },
  ...(['approve', 'reject', 'request-info'] as const).map((action): Row => ({
    method: 'POST',
    route: `/api/energy/contributions/:id/${action}`,
    permission: 'contributions',
    request: async (ctx) => ({
      url: `/api/energy/contributions/${await ctx.freshContribution()}/${action}`,
      payload: action === 'request-info' ? { message: 'Une question ?' } : {},
    }),
  })),
  {
    method: 'GET',
    route: '/api/energy/contributions/:id/messages',
    permission: 'contributions',
    request: async (ctx) => ({ url: `/api/energy/contributions/${await ctx.freshContribution()}/messages` }),
  },
  ...(['bulk-approve', 'bulk-reject'] as const).map((action): Row => ({
    method: 'POST',
    route: `/api/energy/contributions/${action}`,
    permission: 'contributions',
    request: async (ctx) => ({
      url: `/api/energy/contributions/${action}`,
      payload: { contribution_ids: [await ctx.freshContribution()] },
    }),
  })),
];

describe.each(backends)('admin permission table on $name', (backend) => {
  let server: TestServer;
  let ctx: Ctx;
  const cookies = {} as Record<RoleKey, string>;

  async function roleId(name: string): Promise<string> {
    const row = await server.deps.db
      .selectFrom('roles')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  beforeAll(async () => {
    server = await startTestServer(backend, { ADMIN_EMAILS: ADMIN });
    cookies.admin = await createAdmin(server, ADMIN);
    const call = (method: Row['method'], url: string, payload?: Record<string, unknown>) =>
      server.app.inject({ method, url, headers: { cookie: cookies.admin }, ...(payload ? { payload } : {}) });
    const permissionIds = (await call('GET', '/api/admin/roles/permissions')).json<{
      data: { id: string; name: string }[];
    }>().data;
    const created = await call('POST', '/api/admin/roles', {
      name: 'roles_only',
      display_name: 'Rôles seulement',
      permission_ids: permissionIds
        .filter((permission) => permission.name === 'roles')
        .map((permission) => permission.id),
    });
    expect(created.statusCode, created.body).toBe(201);
    const rolesOnlyId = created.json<{ data: { id: string } }>().data.id;
    const members: Record<Exclude<RoleKey, 'admin'>, TestUser> = {
      moderator: await createUser(server, 'perm-moderator'),
      visitor: await createUser(server, 'perm-visitor'),
      roles_only: await createUser(server, 'perm-roles-only'),
    };
    const moderatorId = await roleId('moderator');
    for (const [key, user] of Object.entries(members) as [Exclude<RoleKey, 'admin'>, TestUser][]) {
      cookies[key] = user.cookie;
      if (key === 'visitor') {
        continue;
      }
      const target = await server.deps.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', user.email)
        .executeTakeFirstOrThrow();
      const assigned = await call('PUT', `/api/admin/roles/users/${target.id}/role`, {
        role_id: key === 'moderator' ? moderatorId : rolesOnlyId,
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
    }
    ctx = {
      server,
      freshContribution: async () => {
        const { offerId } = await freshCatalogueEntry(server);
        const response = await call('POST', '/api/energy/contribute', {
          contribution_type: 'UPDATE_OFFER',
          existing_offer_id: offerId,
          offer_name: 'Simple',
          offer_type: 'BASE',
          power_variants: [{ power_kva: 6, subscription_price: 13, base_price: 0.21 }],
          valid_from: '2026-02-01',
        });
        expect(response.statusCode, response.body).toBe(201);
        return response.json<{ data: { id: string } }>().data.id;
      },
      visitorRoleId: await roleId('visitor'),
      freshRole: async () => {
        const response = await call('POST', '/api/admin/roles', {
          name: `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`,
          display_name: 'Temporaire',
        });
        return response.json<{ data: { id: string } }>().data.id;
      },
      freshUser: async () => {
        const user = await createUser(server, 'perm-target');
        const row = await server.deps.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', user.email)
          .executeTakeFirstOrThrow();
        return row.id;
      },
    };
  });
  afterAll(async () => server.close());

  it('lists every route behind requirePermission, with the permission the table expects', () => {
    const indexed = server.permissionRoutes.map((route) => `${route.method} ${route.url} ${route.permission}`);
    const table = TABLE.map((row) => `${row.method} ${row.route} ${row.permission}`);
    expect([...indexed].sort()).toEqual([...table].sort());
  });

  it('puts every /api/admin route of the OpenAPI document behind requirePermission', async () => {
    const spec = (await server.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const guarded = new Set(
      server.permissionRoutes.map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`),
    );
    const adminOperations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/admin/'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(adminOperations.length).toBeGreaterThan(10);
    expect(adminOperations.filter((operation) => !guarded.has(operation))).toEqual([]);
  });

  it.each(TABLE.map((row) => [`${row.method} ${row.route}`, row] as const))(
    '%s: 401 anonymous, 2xx for roles holding the permission, 403 for the others',
    async (_name, row) => {
      const send = async (cookie: string | undefined): Promise<LightMyRequestResponse> => {
        const { url, payload } = await row.request(ctx);
        return server.app.inject({
          method: row.method,
          url,
          ...(cookie ? { headers: { cookie } } : {}),
          ...(payload ? { payload } : {}),
        });
      };
      expectError(await send(undefined), 401, 'UNAUTHORIZED');
      const outcome: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const role of Object.keys(ROLE_PERMISSIONS) as RoleKey[]) {
        const response = await send(cookies[role]);
        const allowed = (ROLE_PERMISSIONS[role] as readonly string[]).includes(row.permission);
        if (allowed) {
          expect(response.statusCode, `${role}: ${response.body}`).toBeLessThan(300);
        } else {
          expectError(response, 403, 'FORBIDDEN');
        }
        outcome[role] = response.statusCode < 300 ? 200 : response.statusCode;
        expected[role] = allowed ? 200 : 403;
      }
      expect(outcome).toEqual(expected);
    },
  );
});

import {
  createRoleRequestSchema,
  permissionSchema,
  roleDetailSchema,
  rolePermissionsRequestSchema,
  updateRoleRequestSchema,
  userRoleRequestSchema,
  userRoleResponseSchema,
} from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, type Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { security } from '../../http/openapi.ts';
import { clientIp, envelope } from '../../http/route-helpers.ts';
import type { RolesService } from './roles.service.ts';

const tags = ['admin'];
const idParams = z.object({ id: z.string().min(1).max(64) });

/** `/api/admin/roles/*` (reference paths, upstream §1.4 `roles`), all behind the `roles` permission. */
export function rolesRoutes(deps: { roles: RolesService; guard: Guard }): FastifyPluginAsyncZod {
  const { roles } = deps;
  return async (app) => {
    const reads = { onRequest: deps.guard.requirePermission('roles') };
    const writes = { onRequest: deps.guard.requirePermission('roles', { writes: true }) };
    const actor = (request: Parameters<typeof currentUser>[0]) => ({
      user: currentUser(request),
      ip: clientIp(request),
    });

    app.get(
      '/',
      {
        ...reads,
        schema: {
          tags,
          security,
          summary: 'Roles with their permissions',
          response: { 200: envelope(z.array(roleDetailSchema)) },
        },
      },
      async () => ok(await roles.list()),
    );

    app.post(
      '/',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Creates a custom role',
          body: createRoleRequestSchema,
          response: { 201: envelope(roleDetailSchema) },
        },
      },
      async (request, reply) => {
        void reply.status(201);
        return ok(await roles.create(actor(request), request.body));
      },
    );

    app.get(
      '/permissions',
      {
        ...reads,
        schema: { tags, security, summary: 'Every permission', response: { 200: envelope(z.array(permissionSchema)) } },
      },
      async () => ok(await roles.permissions()),
    );

    app.put(
      '/users/:user_id/role',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Gives a user a role (not oneself; ADMIN_EMAILS addresses keep admin)',
          params: z.object({ user_id: z.string().min(1).max(64) }),
          body: userRoleRequestSchema,
          response: { 200: envelope(userRoleResponseSchema) },
        },
      },
      async (request) => ok(await roles.assign(actor(request), request.params.user_id, request.body.role_id)),
    );

    app.get(
      '/:id',
      {
        ...reads,
        schema: {
          tags,
          security,
          summary: 'One role',
          params: idParams,
          response: { 200: envelope(roleDetailSchema) },
        },
      },
      async (request) => ok(await roles.get(request.params.id)),
    );

    app.patch(
      '/:id',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Renames or describes a custom role (system roles are protected)',
          params: idParams,
          body: updateRoleRequestSchema,
          response: { 200: envelope(roleDetailSchema) },
        },
      },
      async (request) => ok(await roles.update(request.params.id, request.body)),
    );

    app.delete(
      '/:id',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Deletes a custom role nobody holds (system roles are protected)',
          params: idParams,
          response: { 200: envelope(z.object({ id: z.string() })) },
        },
      },
      async (request) => {
        await roles.remove(actor(request), request.params.id);
        return ok({ id: request.params.id });
      },
    );

    app.put(
      '/:id/permissions',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Sets exactly these permissions on a custom role (system roles are protected)',
          params: idParams,
          body: rolePermissionsRequestSchema,
          response: { 200: envelope(roleDetailSchema) },
        },
      },
      async (request) => ok(await roles.setPermissions(actor(request), request.params.id, request.body.permission_ids)),
    );
  };
}

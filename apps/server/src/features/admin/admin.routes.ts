import {
  adminStatsSchema,
  adminUserSchema,
  adminUsersPageSchema,
  adminUsersQuerySchema,
  adminUserStatsSchema,
  cacheClearResultSchema,
  createAdminUserRequestSchema,
} from '@med/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, type Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { security } from '../../http/openapi.ts';
import { clientIp, envelope } from '../../http/route-helpers.ts';
import type { AdminStatsService } from './admin-stats.service.ts';
import type { AdminUsersService } from './admin-users.service.ts';

const tags = ['admin'];
const params = z.object({ id: z.string().min(1).max(64) });
const messageSchema = z.object({ message: z.string() });
const userResult = z.object({ message: z.string(), user: adminUserSchema });

/** `/api/admin/users/*` and `/api/admin/stats` (reference paths, upstream §1.4 `admin`). */
export function adminRoutes(deps: {
  users: AdminUsersService;
  stats: AdminStatsService;
  guard: Guard;
}): FastifyPluginAsyncZod {
  const { users, guard } = deps;
  const actor = (request: FastifyRequest) => ({ user: currentUser(request), ip: clientIp(request) });
  return async (app) => {
    app.get(
      '/stats',
      {
        onRequest: guard.requirePermission('admin_dashboard'),
        schema: {
          tags,
          security,
          summary:
            'Overview: users, today’s calls (cached / to Enedis, per endpoint), Enedis errors, top users, 30 days',
          response: { 200: envelope(adminStatsSchema) },
        },
      },
      async () => ok(await deps.stats.overview()),
    );

    app.get(
      '/users',
      {
        onRequest: guard.requirePermission('users'),
        schema: {
          tags,
          security,
          summary: 'Users, newest first, with their role, meters and today’s usage; search by e-mail',
          querystring: adminUsersQuerySchema,
          response: { 200: envelope(adminUsersPageSchema) },
        },
      },
      async (request) => ok(await users.list(request.query)),
    );

    app.get(
      '/users/stats',
      {
        onRequest: guard.requirePermission('users'),
        schema: { tags, security, summary: 'User totals', response: { 200: envelope(adminUserStatsSchema) } },
      },
      async () => ok(await users.stats()),
    );

    app.post(
      '/users',
      {
        onRequest: guard.requirePermission('users.edit', { writes: true }),
        schema: {
          tags,
          security,
          summary: 'Creates an account and mails its owner a link to choose a password',
          body: createAdminUserRequestSchema,
          response: { 201: envelope(adminUserSchema) },
        },
      },
      async (request, reply) => {
        void reply.status(201);
        return ok(await users.create(actor(request), request.body));
      },
    );

    app.post(
      '/users/:id/toggle-status',
      {
        onRequest: guard.requirePermission('users.edit', { writes: true }),
        schema: {
          tags,
          security,
          summary: 'Activates or deactivates an account (not one’s own)',
          params,
          response: { 200: envelope(userResult) },
        },
      },
      async (request) => {
        const user = await users.toggleStatus(actor(request), request.params.id);
        return ok({ message: user.is_active ? 'Compte activé.' : 'Compte désactivé.', user });
      },
    );

    app.delete(
      '/users/:id',
      {
        onRequest: guard.requirePermission('users.delete', { writes: true }),
        schema: {
          tags,
          security,
          summary: 'Deletes an account with its meters, consents and cache (not one’s own)',
          params,
          response: { 200: envelope(messageSchema) },
        },
      },
      async (request) => {
        await users.remove(actor(request), request.params.id);
        return ok({ message: 'Compte supprimé avec ses compteurs et son cache.' });
      },
    );

    app.post(
      '/users/:id/reset-password',
      {
        onRequest: guard.requirePermission('users.edit', { writes: true }),
        schema: {
          tags,
          security,
          summary: 'Mails the user a password reset link',
          params,
          response: { 200: envelope(messageSchema) },
        },
      },
      async (request) => {
        await users.resetPassword(actor(request), request.params.id);
        return ok({ message: 'Un lien de réinitialisation a été envoyé à l’utilisateur.' });
      },
    );

    app.post(
      '/users/:id/reset-quota',
      {
        onRequest: guard.requirePermission('users', { writes: true }),
        schema: {
          tags,
          security,
          summary: 'Resets today’s quotas of the user',
          params,
          response: { 200: envelope(userResult) },
        },
      },
      async (request) =>
        ok({
          message: 'Quotas du jour remis à zéro.',
          user: await users.resetQuota(actor(request), request.params.id),
        }),
    );

    app.post(
      '/users/:id/toggle-debug',
      {
        onRequest: guard.requirePermission('users', { writes: true }),
        schema: {
          tags,
          security,
          summary: 'Turns debug logging of the user’s Enedis calls on or off',
          params,
          response: { 200: envelope(userResult) },
        },
      },
      async (request) => {
        const user = await users.toggleDebug(actor(request), request.params.id);
        return ok({ message: user.debug_mode ? 'Mode debug activé.' : 'Mode debug désactivé.', user });
      },
    );

    app.delete(
      '/users/:id/clear-cache',
      {
        onRequest: guard.requirePermission('users', { writes: true }),
        schema: {
          tags,
          security,
          summary: 'Deletes every cache entry of the user',
          params,
          response: { 200: envelope(cacheClearResultSchema) },
        },
      },
      async (request) => ok(await users.clearCache(actor(request), request.params.id)),
    );
  };
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { rolesRoutes } from './roles.routes.ts';
import { createRolesService } from './roles.service.ts';

/** Roles and permissions of the admin console, at the reference's `/api/admin/roles`. */
export async function registerRolesFeature(
  app: FastifyInstance,
  deps: Pick<AppDeps, 'db' | 'config' | 'guard'>,
): Promise<void> {
  const roles = createRolesService({ db: deps.db, adminEmails: deps.config.auth.adminEmails });
  await app.register(rolesRoutes({ roles, guard: deps.guard }), { prefix: '/api/admin/roles' });
}

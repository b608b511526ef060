import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { createAdminStatsService } from './admin-stats.service.ts';
import { createAdminUsersService } from './admin-users.service.ts';
import { adminRoutes } from './admin.routes.ts';
import { adminCachesRoutes } from './admin-caches.routes.ts';
import { createAdminCachesService } from './admin-caches.service.ts';
import { dataAccessRoutes, sharedPdlsRoutes } from './shared-data.routes.ts';

/** The admin console's users and overview, at the reference's `/api/admin/*` paths. */
export async function registerAdminFeature(
  app: FastifyInstance,
  deps: Pick<AppDeps, 'db' | 'cache' | 'keys' | 'config' | 'mailQueue' | 'usage' | 'guard'>,
): Promise<void> {
  const users = createAdminUsersService(deps);
  const stats = createAdminStatsService({ db: deps.db, usage: deps.usage });
  await app.register(adminRoutes({ users, stats, guard: deps.guard }), { prefix: '/api/admin' });
  const caches = createAdminCachesService({ db: deps.db, cache: deps.cache });
  await app.register(adminCachesRoutes({ caches, guard: deps.guard }), { prefix: '/api/admin' });
  // Data sharing: the admin's list of shared meters, and the owner's view of who read them.
  await app.register(sharedPdlsRoutes({ db: deps.db, guard: deps.guard }), { prefix: '/api/admin' });
  await app.register(dataAccessRoutes({ db: deps.db, guard: deps.guard }), { prefix: '/api/accounts' });
}

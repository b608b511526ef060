import type { FastifyInstance } from 'fastify';
import type { ClientDeps } from '../../deps.ts';
import { clientSyncJob } from './sync.jobs.ts';
import { syncRoutes } from './sync.routes.ts';
import { createSyncService, type SyncService } from './sync.service.ts';

/** Client mode's sync: the engine, its 30-minute job (started by bootstrap) and the `/api/sync/*` routes. */
export async function registerSyncFeature(
  app: FastifyInstance,
  deps: Pick<ClientDeps, 'db' | 'gatewayClient' | 'connection' | 'scheduler' | 'log' | 'config'>,
): Promise<SyncService> {
  const sync = createSyncService({ db: deps.db, gateway: deps.gatewayClient, log: deps.log });
  deps.scheduler.register(clientSyncJob(sync));
  await app.register(
    syncRoutes({
      db: deps.db,
      sync,
      connection: deps.connection,
      jobs: deps.scheduler.repository,
      apiUrl: deps.config.client.apiUrl,
    }),
    { prefix: '/api/sync' },
  );
  return sync;
}

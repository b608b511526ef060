import type { FastifyInstance } from 'fastify';
import type { ClientDeps } from '../../deps.ts';
import { createHaImports } from './ha-statistics.imports.ts';
import { haStatisticsRoutes } from './ha-statistics.routes.ts';
import { createHaStatisticsService, type HaStatisticsTarget } from './ha-statistics.service.ts';

/**
 * Home Assistant Energy statistics of the Home Assistant exporters (client mode): the service, its
 * background imports and the `/api/export/configs/{id}/ha-statistics…` routes. `targetOf` comes from the
 * exporters feature (wired in `client-app.ts`), which keeps the decrypted settings.
 */
export async function registerHaStatisticsFeature(
  app: FastifyInstance,
  deps: Pick<ClientDeps, 'db' | 'log'> & { targetOf: (exporterId: string) => Promise<HaStatisticsTarget> },
): Promise<void> {
  const service = createHaStatisticsService({ db: deps.db });
  const imports = createHaImports({ service, log: deps.log });
  await app.register(haStatisticsRoutes({ service, imports, targetOf: deps.targetOf }), { prefix: '/api/export' });
}

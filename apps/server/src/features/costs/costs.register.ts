import type { FastifyInstance } from 'fastify';
import type { Guard } from '../../http/auth.ts';
import type { MeteringService } from '../metering/metering.service.ts';
import { costsRoutes } from './costs.routes.ts';
import { createCostsService, type CostsDeps } from './costs.service.ts';

/** Costs in euros and the simulator, on the metering path (consent, cache, quota) and the offers catalogue. */
export async function registerCostsFeature(
  app: FastifyInstance,
  deps: CostsDeps & { guard: Guard; metering: MeteringService },
): Promise<void> {
  const costs = createCostsService(deps);
  await app.register(costsRoutes({ costs, metering: deps.metering, guard: deps.guard }), { prefix: '/api' });
}

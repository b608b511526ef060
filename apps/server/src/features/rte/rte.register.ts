import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { adminRteRoutes } from './admin-rte.routes.ts';
import { consumptionFranceRoutes } from './consumption-france.routes.ts';
import { createConsumptionRepository } from './consumption.repository.ts';
import { createConsumptionService } from './consumption.service.ts';
import { ecowattRoutes } from './ecowatt.routes.ts';
import { createEcowattRepository } from './ecowatt.repository.ts';
import { createEcowattService } from './ecowatt.service.ts';
import { generationForecastRoutes } from './generation-forecast.routes.ts';
import { createGenerationRepository } from './generation.repository.ts';
import { createGenerationService } from './generation.service.ts';
import { createRteAdminService } from './rte-admin.service.ts';
import { rteJobs } from './rte.jobs.ts';
import { tempoRoutes } from './tempo.routes.ts';
import { createTempoRepository } from './tempo.repository.ts';
import { createTempoService } from './tempo.service.ts';

/** RTE data: services, scheduled jobs (registered on the scheduler, started by bootstrap) and routes. */
export async function registerRteFeatures(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db, cache, rte, scheduler, guard, config } = deps;
  const repositories = {
    tempo: createTempoRepository(db),
    ecowatt: createEcowattRepository(db),
    consumption: createConsumptionRepository(db),
    generation: createGenerationRepository(db),
  };
  const tempo = createTempoService({ ...repositories, api: rte.api, log: app.log });
  const ecowatt = createEcowattService({ ecowatt: repositories.ecowatt, api: rte.api, cache });
  const consumption = createConsumptionService({ consumption: repositories.consumption, api: rte.api });
  const generation = createGenerationService({ generation: repositories.generation, api: rte.api });
  const admin = createRteAdminService({
    ...repositories,
    gateway: rte,
    probe: rte.probe,
    ecowattService: ecowatt,
    scheduler,
    jobsEnabled: config.jobs.enabled,
  });

  for (const job of rteJobs({
    tempo,
    ecowatt,
    consumption,
    generation,
    consumptionRows: repositories.consumption,
    generationRows: repositories.generation,
    retentionDays: config.rte.retentionDays,
    rteCall: { timeoutMs: config.rte.timeoutMs, maxAttempts: config.rte.maxAttempts },
  })) {
    scheduler.register(job);
  }

  await app.register(tempoRoutes({ tempo, scheduler, guard }), { prefix: '/api/tempo' });
  await app.register(ecowattRoutes({ ecowatt, scheduler, guard }), { prefix: '/api/ecowatt' });
  await app.register(consumptionFranceRoutes({ consumption, scheduler, guard }), { prefix: '/api/consumption-france' });
  await app.register(generationForecastRoutes({ generation, scheduler, guard }), {
    prefix: '/api/generation-forecast',
  });
  await app.register(adminRteRoutes({ admin, guard, scheduler }), { prefix: '/api/admin/rte' });
}

import type { FastifyInstance } from 'fastify';
import type { ClientDeps } from '../../deps.ts';
import { consumptionFranceRoutes } from '../rte/consumption-france.routes.ts';
import { createConsumptionRepository } from '../rte/consumption.repository.ts';
import { createConsumptionService } from '../rte/consumption.service.ts';
import { ecowattRoutes } from '../rte/ecowatt.routes.ts';
import { createEcowattRepository } from '../rte/ecowatt.repository.ts';
import { createEcowattService } from '../rte/ecowatt.service.ts';
import { generationForecastRoutes } from '../rte/generation-forecast.routes.ts';
import { createGenerationRepository } from '../rte/generation.repository.ts';
import { createGenerationService } from '../rte/generation.service.ts';
import { rteJobs } from '../rte/rte.jobs.ts';
import { tempoRoutes } from '../rte/tempo.routes.ts';
import { createTempoRepository } from '../rte/tempo.repository.ts';
import { createTempoService } from '../rte/tempo.service.ts';
import { offersReadRoutes } from '../offers/offers.routes.ts';
import { createOffersService } from '../offers/offers.service.ts';
import { syncOffersFromGateway } from './gateway-offers.ts';
import { createGatewayRteApi } from './gateway-rte-api.ts';
import { OFFERS_JOB, publicSyncRoutes } from './public-sync.routes.ts';

/**
 * Client mode's public data (Tempo, EcoWatt, national consumption, generation forecasts): the gateway's RTE
 * services, repositories, jobs and read routes, with the gateway's public routes in RTE's place
 * (`createGatewayRteApi`). The jobs keep the local tables filled on the gateway's cadence; the read routes
 * answer from them, so the same web pages work; `/api/sync/{set}` runs a job now (the reference's routes).
 * The offers catalogue is mirrored the same way (hourly, `/api/sync/offers`) and read on `/api/energy`.
 */
export async function registerPublicSync(
  app: FastifyInstance,
  deps: Pick<ClientDeps, 'db' | 'cache' | 'gatewayClient' | 'scheduler' | 'config' | 'log'>,
): Promise<void> {
  const { db, cache, scheduler, config } = deps;
  const api = createGatewayRteApi(deps.gatewayClient);
  const repositories = {
    tempo: createTempoRepository(db),
    ecowatt: createEcowattRepository(db),
    consumption: createConsumptionRepository(db),
    generation: createGenerationRepository(db),
  };
  const tempo = createTempoService({ ...repositories, api, log: app.log });
  const ecowatt = createEcowattService({ ecowatt: repositories.ecowatt, api, cache });
  const consumption = createConsumptionService({ consumption: repositories.consumption, api });
  const generation = createGenerationService({ generation: repositories.generation, api });
  for (const job of rteJobs({
    tempo,
    ecowatt,
    consumption,
    generation,
    consumptionRows: repositories.consumption,
    generationRows: repositories.generation,
    retentionDays: config.rte.retentionDays,
    // A gateway call is bounded like an RTE call here: the client's own timeout, its own attempts.
    rteCall: { timeoutMs: config.client.timeoutMs, maxAttempts: 3 },
  })) {
    scheduler.register(job);
  }
  scheduler.register({
    name: OFFERS_JOB,
    // The gateway's catalogue changes a few times a year; hourly keeps a new price a short while away.
    schedule: ['20 * * * *'],
    jitterMs: 5 * 60_000,
    async run({ now, signal }) {
      const done = await syncOffersFromGateway(db, deps.gatewayClient, now, signal);
      return `${String(done.providers)} providers: ${String(done.created)} created, ${String(done.updated)} updated, ${String(done.closed)} closed, ${String(done.unchanged)} unchanged`;
    },
  });
  await app.register(offersReadRoutes({ offers: createOffersService({ db }) }), { prefix: '/api/energy' });
  await app.register(tempoRoutes({ tempo, scheduler }), { prefix: '/api/tempo' });
  await app.register(ecowattRoutes({ ecowatt, scheduler }), { prefix: '/api/ecowatt' });
  await app.register(consumptionFranceRoutes({ consumption, scheduler }), { prefix: '/api/consumption-france' });
  await app.register(generationForecastRoutes({ generation, scheduler }), { prefix: '/api/generation-forecast' });
  await app.register(publicSyncRoutes({ db, scheduler }), { prefix: '/api/sync' });
}

import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { catalogueAdminRoutes } from './catalogue-admin.routes.ts';
import { createCatalogueAdminService } from './catalogue-admin.service.ts';
import { offersReadRoutes } from './offers.routes.ts';
import { createOffersService } from './offers.service.ts';
import { selectedOfferRoutes } from './selected-offer.routes.ts';

/**
 * The offers catalogue: public reads and the admin catalogue under /api/energy, the meter's offer choice
 * under /api/pdl.
 */
export async function registerOffersFeatures(app: FastifyInstance, deps: Pick<AppDeps, 'db' | 'guard'>): Promise<void> {
  const offers = createOffersService({ db: deps.db });
  await app.register(offersReadRoutes({ offers }), { prefix: '/api/energy' });
  await app.register(catalogueAdminRoutes({ admin: createCatalogueAdminService({ db: deps.db }), guard: deps.guard }), {
    prefix: '/api/energy',
  });
  await app.register(selectedOfferRoutes({ offers, guard: deps.guard }), { prefix: '/api/pdl' });
}

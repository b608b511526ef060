import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { consentExpiryJob } from '../consent/consent-expiry.job.ts';
import { adminConsentRoutes, consentHistoryRoutes } from '../consent/consent-history.routes.ts';
import { consentRoutes } from '../consent/consent.routes.ts';
import { createConsentService } from '../consent/consent.service.ts';
import { meterProfileRoutes } from '../consent/meter-profile.routes.ts';
import { createDayCache } from '../metering/day-cache.ts';
import { demoRoutes } from '../demo/demo.routes.ts';
import { meteringRoutes } from '../metering/metering.routes.ts';
import { createMeteringService, type MeteringService } from '../metering/metering.service.ts';
import { createPdlService } from '../pdl/pdl.service.ts';
import { createQuotas } from '../quotas/quota.ts';

/**
 * Consent, metering and contract refresh: everything that talks to Enedis for a user. Returns the
 * metering service so the app can hand it to features that read a meter's data the same way (costs).
 */
export async function registerEnedisFeatures(
  app: FastifyInstance,
  deps: AppDeps,
): Promise<{ metering: MeteringService }> {
  const { db, cache, keys, config, gateway, guard } = deps;
  const pdls = createPdlService(deps);
  const quotas = createQuotas({
    cache,
    keys,
    config,
    recordCall: (...call) => {
      deps.metrics.meteringCalls.inc({ source: call[2] === 'cached' ? 'cache' : 'enedis' });
      return deps.usage.recordCall(...call);
    },
    onRefused: (kind) => deps.metrics.quotaRefusals.inc({ quota: kind }),
  });
  const dayCache = createDayCache({ cache, keys, ttlSeconds: config.cacheTtlSeconds });
  const metering = createMeteringService({ db, keys, dayCache, quotas, gateway });
  const consent = createConsentService({ db, cache, keys, config, gateway, log: app.log });

  await app.register(meteringRoutes({ metering, quotas, guard }), { prefix: '/api/enedis' });
  await app.register(consentRoutes({ consent, guard, frontendUrl: config.http.frontendUrl }), { prefix: '/api/oauth' });
  await app.register(meterProfileRoutes({ db, gateway, pdls, guard }), { prefix: '/api/pdl' });
  await app.register(consentHistoryRoutes({ db, guard }), { prefix: '/api/consents' });
  await app.register(adminConsentRoutes({ db, guard }), { prefix: '/api/admin/consents' });
  deps.scheduler.register(consentExpiryJob({ db, mailer: deps.mailer, frontendUrl: config.http.frontendUrl }));
  if (config.demoEnabled) {
    await app.register(demoRoutes(deps), { prefix: '/api/accounts' });
  }
  return { metering };
}

import { pdlResponseSchema } from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { currentUser, type Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import { security } from '../../http/openapi.ts';
import type { EnedisGateway } from '../enedis/enedis-gateway.ts';
import type { PdlService } from '../pdl/pdl.service.ts';
import { requireLiveConsent, revokeFromEnedis } from './consent-access.ts';
import { refreshMeterProfile } from './meter-profile.ts';

/** `POST /api/pdl/{id}/fetch-contract`: read the contract again and re-detect consumption/production. */
export function meterProfileRoutes(deps: {
  db: Db;
  gateway: EnedisGateway;
  pdls: PdlService;
  guard: Guard;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/:id/fetch-contract',
      {
        onRequest: deps.guard.guard({ writes: true }),
        schema: {
          tags: ['pdl'],
          security,
          summary: 'Refresh the contract (power, off-peak hours, activation) from Enedis',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          response: { 200: envelope(pdlResponseSchema) },
        },
      },
      async (request) => {
        const user = currentUser(request);
        const row = await deps.pdls.requireOwned(user, request.params.id);
        // The contract carries personal data: only under a live consent of this account.
        const consent = await requireLiveConsent(deps.db, row, new Date());
        const profile = await refreshMeterProfile(deps.db, deps.gateway.apiFor(user), row, request.log);
        if (profile.consentRefused) {
          throw await revokeFromEnedis(deps.db, consent, profile.consentRefused.enedisCode, new Date());
        }
        return ok(await deps.pdls.get(user, row.id));
      },
    );
  };
}

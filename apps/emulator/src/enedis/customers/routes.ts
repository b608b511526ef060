/**
 * The four customer endpoints, `GET ?usage_point_id=` only. They exist for consumption PRMs only
 * (reference §A6); a production-only PRM gets ADAM-ERR0069, the "wrong direction" error.
 */
import type { FastifyInstance } from 'fastify';
import { authenticatedClient, dataGuard } from '../api-guard.ts';
import { ERRORS, sendFailure } from '../errors.ts';
import { checkUsagePoint } from '../metering/validation.ts';
import { measures, type MeterDefinition } from '../meters/types.ts';
import type { EmulatorState } from '../state.ts';
import { addressBody, contactBody, contractBody, identityBody } from './bodies.ts';

const CUSTOMER_ENDPOINTS: ReadonlyArray<[string, (meter: MeterDefinition) => unknown]> = [
  ['/customers_upc/v5/usage_points/contracts', contractBody],
  ['/customers_upa/v5/usage_points/addresses', addressBody],
  ['/customers_i/v5/identity', identityBody],
  ['/customers_cd/v5/contact_data', contactBody],
];

export function registerCustomerRoutes(app: FastifyInstance, state: EmulatorState): void {
  for (const [path, body] of CUSTOMER_ENDPOINTS) {
    app.get(path, { preHandler: dataGuard(state, 'customers') }, async (request, reply) => {
      const usagePoint = checkUsagePoint(state, request.query as Record<string, unknown>);
      if ('status' in usagePoint) {
        return sendFailure(reply, usagePoint);
      }
      const { meter } = usagePoint;
      const { now, requireConsent } = state.options;
      const refusal = state.consents.refusal(authenticatedClient(state, request), meter, now(), requireConsent);
      if (refusal !== null) {
        return sendFailure(reply, refusal === 'not_holder' ? ERRORS.notHolder : ERRORS.noConsent);
      }
      if (!measures(meter, 'consumption')) {
        return sendFailure(reply, ERRORS.wrongDirection);
      }
      return reply.send(body(meter));
    });
  }
}

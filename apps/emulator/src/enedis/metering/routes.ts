/** Registers the five metering endpoints behind the data guard (bearer, quotas, faults). */
import type { FastifyInstance } from 'fastify';
import { authenticatedClient, dataGuard } from '../api-guard.ts';
import { sendFailure } from '../errors.ts';
import type { EmulatorState } from '../state.ts';
import { METERING_ENDPOINTS } from './endpoints.ts';
import { meterReading } from './readings.ts';
import { validateMeteringRequest } from './validation.ts';

export function registerMeteringRoutes(app: FastifyInstance, state: EmulatorState): void {
  for (const endpoint of METERING_ENDPOINTS) {
    app.get(endpoint.path, { preHandler: dataGuard(state, 'metering') }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const checked = validateMeteringRequest(state, authenticatedClient(state, request), endpoint, query);
      if ('status' in checked) {
        return sendFailure(reply, checked);
      }
      const body = meterReading(state.options, endpoint, checked);
      if ('status' in body) {
        return sendFailure(reply, body);
      }
      return reply.send(body);
    });
  }
}

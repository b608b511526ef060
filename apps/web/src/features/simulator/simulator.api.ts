import { simulatorResponseSchema, type SimulatorRequest, type SimulatorResponse } from '@med/contracts';
import { request, type Schema } from '../../api/client.ts';

const simulatorSchema: Schema<SimulatorResponse> = simulatorResponseSchema;

/** `POST /api/simulator`: every offer of the power priced over `[start, end)`, ranked by total. */
export function simulate(body: SimulatorRequest, signal?: AbortSignal) {
  return request('POST', '/simulator', { body, schema: simulatorSchema, signal });
}

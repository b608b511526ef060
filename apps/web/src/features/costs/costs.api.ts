import { costsResponseSchema, type CostsResponse } from '@med/contracts';
import { request, type Schema } from '../../api/client.ts';

const costsSchema: Schema<CostsResponse> = costsResponseSchema;

/** `GET /api/costs/{usage_point_id}`: the consumption of `[start, end)` priced by the tariff engine. */
export function getCosts(
  usagePointId: string,
  period: { start: string; end: string; offerId?: string },
  signal?: AbortSignal,
) {
  return request('GET', `/costs/${encodeURIComponent(usagePointId)}`, {
    query: { start: period.start, end: period.end, offer_id: period.offerId },
    schema: costsSchema,
    signal,
  });
}

import { useQuery } from '@tanstack/react-query';
import type { SimulatorRequest } from '@med/contracts';
import { queryKeys } from '../../api/queryKeys.ts';
import { simulate } from './simulator.api.ts';

/** The ranking for one request (kept per meter, period and power; priced again when the offer changes). */
export function useSimulation(body: SimulatorRequest) {
  return useQuery({
    queryKey: [
      ...queryKeys.costs,
      body.usage_point_id,
      'simulator',
      body.start,
      body.end,
      body.power_kva ?? 'meter',
      body.include_low_confidence ?? false,
    ],
    queryFn: ({ signal }) => simulate(body, signal),
    retry: false,
  });
}

import type { SimulatedData } from '@med/contracts';

export type SimulatedDataMessage = 'all' | 'enedis' | 'rte';

/**
 * Which "simulated data" message the banner shows, or null for none. The demo account reads emulator
 * meters even on a gateway with real Enedis access, so its readings count as simulated too.
 */
export function simulatedDataMessage(simulated: SimulatedData, isDemo: boolean): SimulatedDataMessage | null {
  const enedis = simulated.enedis || isDemo;
  if (enedis && simulated.rte) {
    return 'all';
  }
  if (enedis) {
    return 'enedis';
  }
  return simulated.rte ? 'rte' : null;
}

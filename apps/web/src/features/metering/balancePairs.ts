import type { Pdl } from '@med/contracts';

/** What the balance compares: a consumption meter and the meter of its production (possibly the same). */
export interface BalancePair {
  consumption: Pdl;
  production: Pdl;
}

/** The pair of an active consumption PDL: itself when it measures both, else its linked production PDL. */
export function balancePairOf(pdl: Pdl, all: readonly Pdl[]): BalancePair | null {
  if (!pdl.is_active || !pdl.has_consumption) {
    return null;
  }
  if (pdl.has_production) {
    return { consumption: pdl, production: pdl };
  }
  if (!pdl.linked_production_pdl_id) {
    return null;
  }
  const production = all.find((candidate) => candidate.id === pdl.linked_production_pdl_id);
  return production && production.is_active && production.has_production ? { consumption: pdl, production } : null;
}

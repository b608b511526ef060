import type { Pdl } from '@med/contracts';
import { blockedStatus, type BlockedConsentStatus } from '../consent/consentState.ts';

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

/** The meters of a pair without a live consent (the meter once when it measures both directions). */
export function blockedMetersOf(pair: BalancePair): Pdl[] {
  const meters = pair.consumption.id === pair.production.id ? [pair.consumption] : [pair.consumption, pair.production];
  return meters.filter((pdl) => blockedStatus(pdl) !== null);
}

/** A pair is read only when both its meters have a live consent; otherwise the state of the first that has not. */
export function balancePairBlocked(pdl: Pdl, all: readonly Pdl[]): BlockedConsentStatus | null {
  const pair = balancePairOf(pdl, all);
  return pair ? (blockedStatus(pair.consumption) ?? blockedStatus(pair.production)) : blockedStatus(pdl);
}

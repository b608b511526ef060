import type { Pdl } from '@med/contracts';
import type { BlockedConsentStatus } from '../consent/consentState.ts';

/** Why an option's data cannot be read (its consent state), or null when it can. */
export type BlockedOf = (pdl: Pdl) => BlockedConsentStatus | null;

/**
 * The meter a metering page shows: the one named in the address when it is offered (an explicit choice,
 * even without a live consent: the page then says why there is no data), else the first one whose data
 * can be read. Never a meter without a live consent by default: null when none can be read.
 */
export function choosePdl(options: readonly Pdl[], wanted: string | null, blockedOf: BlockedOf): Pdl | null {
  const named = wanted === null ? undefined : options.find((pdl) => pdl.usage_point_id === wanted);
  return named ?? options.find((pdl) => blockedOf(pdl) === null) ?? null;
}

/** The options as the picker lists them: readable ones first, the others apart, each with its state. */
export function splitOptions(
  options: readonly Pdl[],
  blockedOf: BlockedOf,
): { readable: Pdl[]; blocked: { pdl: Pdl; status: BlockedConsentStatus }[] } {
  const readable: Pdl[] = [];
  const blocked: { pdl: Pdl; status: BlockedConsentStatus }[] = [];
  for (const pdl of options) {
    const status = blockedOf(pdl);
    if (status === null) {
      readable.push(pdl);
    } else {
      blocked.push({ pdl, status });
    }
  }
  return { readable, blocked };
}

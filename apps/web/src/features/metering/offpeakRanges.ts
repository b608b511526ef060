import { DEFAULT_OFFPEAK_RANGES } from '@med/core';
import type { Pdl } from '@med/contracts';

/** The PDL's off-peak ranges when its contract gives some, else the regulated default 22:00–06:00. */
export function offpeakRangesOf(pdl: Pick<Pdl, 'offpeak_hours'>): {
  ranges: readonly string[];
  source: 'contract' | 'default';
} {
  const ranges = pdl.offpeak_hours?.ranges ?? [];
  return ranges.length > 0 ? { ranges, source: 'contract' } : { ranges: DEFAULT_OFFPEAK_RANGES, source: 'default' };
}

import { toTempoCalendar, type TariffContext, type TempoDay } from '@med/core';
import type { PdlRow } from '../../db/database.ts';
import { parseStoredOffpeak } from '../pdl/pdl.mapper.ts';

/**
 * What the engine needs to know about a meter. The server keeps the contract's current values only
 * (subscribed power, off-peak windows), so they apply to the whole period asked for; a meter whose
 * windows are unknown gets costs flagged `HC_WINDOWS_UNKNOWN`. No EJP or Zen Flex calendar is stored
 * yet: those offers come back flagged as estimates on the days that may be special.
 */
export function meterTariffContext(pdl: PdlRow, powerKva: number, tempoDays: readonly TempoDay[]): TariffContext {
  const ranges = parseStoredOffpeak(pdl.offpeak_hours)?.ranges ?? [];
  return {
    powers: [{ start: '0000-01-01', end: null, value: powerKva }],
    offpeak: ranges.length > 0 ? [{ start: '0000-01-01', end: null, value: ranges }] : [],
    tempo: toTempoCalendar(tempoDays),
  };
}

import { ErrorCode } from '@med/contracts';
import { planRange, type DateRange } from '@med/core';
import { unprocessable } from '../../http/app-error.ts';

/**
 * The days a metering request may cover — end capped to D-1 (Paris), the data set's history, the meter's
 * activation — or the 422 saying which limit the range hits. One definition for the gateway's
 * `/api/enedis/*` and the local client's local-first answers on the same paths.
 */
export function planMeteringRange(
  request: { start: string; end: string },
  historyMonths: number,
  activationDate: string | null,
  today: string,
): DateRange {
  const input = { start: request.start, end: request.end, today, historyMonths };
  const result = planRange({ ...input, activationDate });
  if (result.ok) {
    return result.range;
  }
  switch (result.reason) {
    case 'start_not_before_end':
      throw unprocessable(
        ErrorCode.INVALID_DATE_RANGE,
        'La date de fin est exclue et doit être postérieure à la date de début.',
        'end',
      );
    case 'nothing_before_today':
      throw unprocessable(
        ErrorCode.INVALID_DATE_RANGE,
        'Les données Enedis sont disponibles jusqu’à la veille (J-1).',
        'start',
      );
    case 'before_history':
      // Inside the history but before activation: say which of the two limits the range hits.
      if (planRange({ ...input, activationDate: null }).ok) {
        throw unprocessable(
          ErrorCode.BEFORE_ACTIVATION_DATE,
          `La période demandée précède la mise en service du compteur (${activationDate ?? '?'}).`,
          'end',
        );
      }
      throw unprocessable(
        ErrorCode.DATE_TOO_OLD,
        `Enedis ne conserve que ${historyMonths} mois d’historique pour ces données.`,
        'start',
      );
  }
}

import { ErrorCode } from '@med/contracts';
import { toBool, type PdlRow } from '../../db/database.ts';
import { unprocessable } from '../../http/app-error.ts';
import type { Direction } from '../enedis/enedis-api.ts';
import { EnedisError } from '../enedis/enedis-errors.ts';

/**
 * Requests that cannot succeed, answered without spending the gateway's share of Enedis: a 2-year load
 * curve is 105 calls, 21 s of the application's 5 calls/s, to hear the same refusal 105 times.
 */

/**
 * Refuses, before any Enedis call and any quota unit, a direction the stored PDL says its meter does not
 * measure: Enedis would refuse every chunk with ADAM-ERR0069 (422 WRONG_DIRECTION), the same answer.
 * The flags come from the detection run at consent and by `POST /api/pdl/{id}/fetch-contract`, which the
 * message points to in case they are wrong.
 */
export function refuseUnmeasuredDirection(pdl: PdlRow, direction: Direction): void {
  const measured = direction === 'production' ? toBool(pdl.has_production) : toBool(pdl.has_consumption);
  if (measured) {
    return;
  }
  const what = direction === 'production' ? 'la production' : 'la consommation';
  throw unprocessable(
    ErrorCode.WRONG_DIRECTION,
    `Ce PDL ne mesure pas ${what} d’après son profil Enedis. S’il s’agit d’une erreur, actualisez-le ` +
      `(POST /api/pdl/${pdl.id}/fetch-contract) ou corrigez son type.`,
  );
}

/** Refusals about the meter or the consent, not about the dates: every other chunk would get them too. */
const DECISIVE = new Set<ErrorCode>([
  ErrorCode.CONSENT_REQUIRED,
  ErrorCode.WRONG_DIRECTION,
  ErrorCode.LOAD_CURVE_DISABLED,
]);

/**
 * Whether one chunk's failure decides the whole request, so the chunks still waiting for their turn can be
 * dropped. Date-bound refusals (no data, before activation, before consent) are not: other chunks may be served.
 */
export function isDecisiveRefusal(error: unknown): boolean {
  return error instanceof EnedisError && DECISIVE.has(error.code);
}

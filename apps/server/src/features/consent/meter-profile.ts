import { ErrorCode } from '@med/contracts';
import { addDays, parisToday } from '@med/core';
import type { FastifyBaseLogger } from 'fastify';
import { toBool, type Db, type PdlRow } from '../../db/database.ts';
import type { EnedisApi } from '../enedis/enedis-api.ts';
import { EnedisError } from '../enedis/enedis-errors.ts';
import { updateUserPdl } from '../pdl/pdl.repository.ts';

/** Enedis refused the consent itself: the meter's record must stop granting access. */
interface ConsentRefused {
  refused: EnedisError;
}

/**
 * Whether the meter answers daily data in one direction: data or "no data" = yes, wrong direction = no,
 * null when unknown (a transient failure), or Enedis's consent refusal.
 */
async function measures(
  api: EnedisApi,
  direction: 'consumption' | 'production',
  prm: string,
  today: string,
): Promise<boolean | null | ConsentRefused> {
  try {
    await api.dailyEnergy(direction, prm, addDays(today, -7), today);
    return true;
  } catch (error) {
    if (
      error instanceof EnedisError &&
      (error.code === ErrorCode.NO_DATA || error.code === ErrorCode.BEFORE_ACTIVATION_DATE)
    ) {
      return true;
    }
    if (error instanceof EnedisError && error.code === ErrorCode.WRONG_DIRECTION) {
      return false;
    }
    if (error instanceof EnedisError && error.code === ErrorCode.CONSENT_REQUIRED) {
      return { refused: error };
    }
    return null;
  }
}

/**
 * Reads what Enedis knows of a meter and stores it on the PDL: consumption/production detection,
 * then the contract of every meter, production-only ones included (contracts are per usage point):
 * subscribed power, off-peak ranges and last activation date. Enedis documents customer data for
 * consumption points only (reference §A6) and refuses the others with ADAM-ERR0069; their activation
 * date is then learnt from the first metering call Enedis refuses as "before activation".
 * Best effort: a failure leaves fields as they were. Returns Enedis's consent refusal when it gave one
 * (the caller revokes the record: a consent Enedis does not know of grants nothing).
 */
export async function refreshMeterProfile(
  db: Db,
  api: EnedisApi,
  pdl: PdlRow,
  log: FastifyBaseLogger,
  now = new Date(),
): Promise<{ consentRefused: EnedisError | undefined }> {
  const today = parisToday(now);
  const answers = await Promise.all([
    measures(api, 'consumption', pdl.usage_point_id, today),
    measures(api, 'production', pdl.usage_point_id, today),
  ]);
  const refusal = answers.find((answer): answer is ConsentRefused => typeof answer === 'object' && answer !== null);
  if (refusal) {
    return { consentRefused: refusal.refused };
  }
  const [consumption, production] = answers as (boolean | null)[];
  const hasConsumption = consumption ?? toBool(pdl.has_consumption);
  const hasProduction = production ?? toBool(pdl.has_production);
  const changes: Parameters<typeof updateUserPdl>[3] = {};
  if (hasConsumption || hasProduction) {
    Object.assign(changes, { has_consumption: hasConsumption, has_production: hasProduction });
  }
  if (hasConsumption || hasProduction) {
    try {
      const contract = await api.contract(pdl.usage_point_id);
      if (contract.subscribedPowerKva !== null) {
        changes.subscribed_power = contract.subscribedPowerKva;
      }
      if (contract.activationDate !== null) {
        changes.activation_date = contract.activationDate;
      }
      if (contract.offpeakRanges !== null) {
        changes.offpeak_hours = JSON.stringify({ ranges: contract.offpeakRanges });
      }
      if (pdl.pricing_option === null) {
        changes.pricing_option = contract.offpeakRanges ? 'HC_HP' : 'BASE';
      }
    } catch (error) {
      if (error instanceof EnedisError && error.code === ErrorCode.WRONG_DIRECTION && !hasConsumption) {
        log.info({ pdl: pdl.id }, 'no Enedis contract for a production-only meter');
      } else {
        log.warn({ err: error, pdl: pdl.id }, 'could not read the Enedis contract');
      }
    }
  }
  if (Object.keys(changes).length > 0) {
    await updateUserPdl(db, pdl.user_id, pdl.id, changes);
  }
  return { consentRefused: undefined };
}

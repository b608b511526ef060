import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { findUserPdlByUsagePoint, insertPdl, newPdlRow } from '../pdl/pdl.repository.ts';
import { isPastExpiry } from './consent-access.ts';
import {
  endConsent,
  endOpenConsents,
  findActiveConsentForPrm,
  findRevokedConsentsForPrm,
  insertConsent,
} from './consent.repository.ts';

/** Enedis consents last at most 3 years; we ask for 36 months. */
export const CONSENT_YEARS = 3;

export function consentExpiry(grantedAt: Date): Date {
  const expiry = new Date(grantedAt);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + CONSENT_YEARS);
  return expiry;
}

/** `created`: the meter joined the account; `bound`: it was listed already (placeholder or renewal). */
export type BindResult = 'created' | 'bound' | 'held';

/**
 * Records this account's consent for one PRM, in one transaction:
 * - another account's live, unexpired consent keeps the PRM (`held`): a callback cannot take a meter
 *   from its holder unless Enedis has reported that holder's consent as gone;
 * - another account's expired record is ended as such, and revoked ones are ended as taken over (their
 *   account keeps seeing the meter as revoked, for good);
 * - this account's previous records end as renewed, and the meter is listed if it was not.
 * Two accounts racing for one PRM: the partial unique index lets one active record in, the other is held.
 */
export async function bindConsent(
  db: Db,
  input: { userId: string; usagePointId: string; flowId: string; at: Date },
): Promise<BindResult> {
  const nowIso = input.at.toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const active = await findActiveConsentForPrm(trx, input.usagePointId);
      if (active && active.user_id !== input.userId) {
        if (!isPastExpiry(active, input.at)) {
          return 'held';
        }
        await endConsent(trx, active.id, 'expired', nowIso);
      }
      for (const revoked of await findRevokedConsentsForPrm(trx, input.usagePointId)) {
        if (revoked.user_id !== input.userId) {
          await endConsent(trx, revoked.id, 'taken_over', nowIso);
        }
      }
      await endOpenConsents(trx, { userId: input.userId, usagePointId: input.usagePointId }, 'renewed', nowIso);
      await insertConsent(trx, {
        id: randomUUID(),
        user_id: input.userId,
        usage_point_id: input.usagePointId,
        flow_id: input.flowId,
        status: 'active',
        granted_at: nowIso,
        expires_at: consentExpiry(input.at).toISOString(),
      });
      if (await findUserPdlByUsagePoint(trx, input.userId, input.usagePointId)) {
        return 'bound';
      }
      await insertPdl(
        trx,
        newPdlRow({ id: randomUUID(), userId: input.userId, usagePointId: input.usagePointId, now: nowIso }),
      );
      return 'created';
    });
  } catch (error) {
    // Lost the race on `consents_active_prm_idx` to another account's callback for the same PRM.
    const holder = await findActiveConsentForPrm(db, input.usagePointId);
    if (holder && holder.user_id !== input.userId) {
      return 'held';
    }
    throw error;
  }
}

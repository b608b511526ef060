import { ErrorCode, type ConsentStatus } from '@med/contracts';
import type { ConsentRow, Db, PdlRow } from '../../db/database.ts';
import { forbidden } from '../../http/app-error.ts';
import { findLatestConsent, markConsentRevoked } from './consent.repository.ts';

/** Enedis codes that mean "the customer is no longer the holder" rather than "no consent". */
const HOLDER_CHANGED_CODES = new Set(['adam-dc-0007', 'adam-err0061']);

/** An active record whose 3 years have run out: it grants nothing, even before anything ends it. */
export function isPastExpiry(record: Pick<ConsentRow, 'expires_at'>, now: Date): boolean {
  return Date.parse(record.expires_at) <= now.getTime();
}

/**
 * What a meter shows for the account, from its latest consent record. An ended record only counts as
 * revoked when something outside the account ended it (Enedis, or another account's newer consent);
 * after a removal the meter, if added again, is simply awaiting consent.
 */
export function consentStatusOf(record: ConsentRow | undefined, now: Date): ConsentStatus {
  if (!record) {
    return 'pending';
  }
  switch (record.status) {
    case 'active':
      return isPastExpiry(record, now) ? 'expired' : 'active';
    case 'revoked':
      return 'revoked';
    case 'ended':
      if (record.end_reason === 'expired') {
        return 'expired';
      }
      return record.end_reason === 'taken_over' ||
        record.end_reason === 'revoked_by_enedis' ||
        record.end_reason === 'holder_changed'
        ? 'revoked'
        : 'pending';
  }
}

/** The refusal for a meter without a live consent: never calls Enedis, never counts quota. */
export function consentRefusal(status: Exclude<ConsentStatus, 'active'>) {
  switch (status) {
    case 'pending':
      return forbidden(
        'Ce PDL attend votre consentement Enedis : donnez-le depuis le tableau de bord pour lire ses données.',
        ErrorCode.CONSENT_REQUIRED,
      );
    case 'revoked':
      return forbidden(
        'Le consentement Enedis de ce PDL a été révoqué : renouvelez-le depuis le tableau de bord.',
        ErrorCode.CONSENT_REVOKED,
      );
    case 'expired':
      return forbidden(
        'Le consentement Enedis de ce PDL a expiré : renouvelez-le depuis le tableau de bord.',
        ErrorCode.CONSENT_EXPIRED,
      );
  }
}

/** The live consent that lets this account read this meter, or the refusal that says why not. */
export async function requireLiveConsent(db: Db, pdl: PdlRow, now: Date): Promise<ConsentRow> {
  const record = await findLatestConsent(db, pdl.user_id, pdl.usage_point_id);
  const status = consentStatusOf(record, now);
  if (status !== 'active' || !record) {
    throw consentRefusal(status === 'active' ? 'pending' : status);
  }
  return record;
}

/**
 * Enedis refused the consent (revoked, expired on its side, or a new occupant): the record stops granting
 * access now, so later reads answer 403 without calling Enedis or counting quota. A revoked record is
 * never reactivated by a later successful call — Enedis keeps one consent per application and PRM, so
 * success could come from someone else's newer consent; only a new callback of this account restores it.
 */
export async function revokeFromEnedis(
  db: Db,
  consent: ConsentRow,
  enedisCode: string | undefined,
  now: Date,
): Promise<Error> {
  const reason = HOLDER_CHANGED_CODES.has((enedisCode ?? '').toLowerCase()) ? 'holder_changed' : 'revoked_by_enedis';
  await markConsentRevoked(db, consent.id, reason, now.toISOString());
  return consentRefusal('revoked');
}

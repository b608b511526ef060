import { ErrorCode, type ConsentStatus, type Pdl } from '@med/contracts';

/** How long before the end of a consent the dashboard warns (the server mails once at the same time). */
export const EXPIRY_NOTICE_DAYS = 30;
const DAY_MS = 86_400_000;

/** Only a meter under an active consent of this account has data to show. */
export function hasLiveConsent(pdl: Pick<Pdl, 'consent_status'>): boolean {
  return pdl.consent_status === 'active';
}

/** The states that need the user to go back to Enedis. */
export type BlockedConsentStatus = Exclude<ConsentStatus, 'active'>;

/** Why a meter's data cannot be read, or null under a live consent. */
export function blockedStatus(pdl: Pick<Pdl, 'consent_status'>): BlockedConsentStatus | null {
  return pdl.consent_status === 'active' ? null : pdl.consent_status;
}

/** The error code the data routes answer (403) for a meter in this state, to show the same message. */
export function consentErrorCode(
  status: BlockedConsentStatus,
): typeof ErrorCode.CONSENT_REQUIRED | typeof ErrorCode.CONSENT_REVOKED | typeof ErrorCode.CONSENT_EXPIRED {
  switch (status) {
    case 'pending':
      return ErrorCode.CONSENT_REQUIRED;
    case 'revoked':
      return ErrorCode.CONSENT_REVOKED;
    case 'expired':
      return ErrorCode.CONSENT_EXPIRED;
  }
}

const CONSENT_ERROR_CODES = new Set<string>([
  ErrorCode.CONSENT_REQUIRED,
  ErrorCode.CONSENT_REVOKED,
  ErrorCode.CONSENT_EXPIRED,
]);

/** Whether an API error code means "no live consent for this meter". */
export function isConsentErrorCode(code: string): boolean {
  return CONSENT_ERROR_CODES.has(code);
}

export interface ExpiringConsent {
  pdl: Pdl;
  expiresAt: string;
}

/**
 * Meters whose active consent ends within `days` of `now` (and has not ended yet), soonest first.
 *
 * @example expiringSoon(pdls, Date.parse('2028-12-10T00:00:00Z')) // consents ending by 2029-01-09
 */
export function expiringSoon(pdls: readonly Pdl[], now: number, days = EXPIRY_NOTICE_DAYS): ExpiringConsent[] {
  const limit = now + days * DAY_MS;
  const soon: ExpiringConsent[] = [];
  for (const pdl of pdls) {
    const expiresAt = pdl.consent_expires_at;
    if (!hasLiveConsent(pdl) || expiresAt === null) {
      continue;
    }
    const at = Date.parse(expiresAt);
    if (Number.isFinite(at) && at > now && at <= limit) {
      soon.push({ pdl, expiresAt });
    }
  }
  return soon.sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt));
}

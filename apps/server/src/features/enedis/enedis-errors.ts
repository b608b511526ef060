import { ErrorCode } from '@med/contracts';
import { AppError } from '../../http/app-error.ts';

/** An Enedis answer turned into a gateway error; `enedisCode` keeps the upstream code for logs and callers. */
export class EnedisError extends AppError {
  readonly enedisCode: string | undefined;
  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    enedisCode: string | undefined,
    headers: Record<string, string> = {},
  ) {
    super(status, code, message, { headers });
    this.name = 'EnedisError';
    this.enedisCode = enedisCode;
  }
}

/**
 * Permanent Enedis errors (never retried) and the gateway code each becomes. Matched on the `error`
 * field, case-insensitively, never on `error_description` (its wording changes).
 */
const PERMANENT: Record<string, { status: number; code: ErrorCode; message: string }> = {
  'adam-dc-0008': {
    status: 403,
    code: ErrorCode.CONSENT_REQUIRED,
    message: 'Aucun consentement Enedis valide pour ce PDL : renouvelez votre consentement.',
  },
  adam_dc_0008: {
    status: 403,
    code: ErrorCode.CONSENT_REQUIRED,
    message: 'Aucun consentement Enedis valide pour ce PDL : renouvelez votre consentement.',
  },
  'adam-dc-0007': {
    status: 403,
    code: ErrorCode.CONSENT_REQUIRED,
    message: 'Vous n’êtes plus titulaire de ce PDL selon Enedis : renouvelez votre consentement.',
  },
  'adam-err0061': {
    status: 403,
    code: ErrorCode.CONSENT_REQUIRED,
    message: 'Enedis ne vous reconnaît pas comme titulaire de ce PDL.',
  },
  'adam-dc-0009': {
    status: 422,
    code: ErrorCode.DATE_TOO_OLD,
    message: 'La période demandée commence avant la date de votre consentement.',
  },
  'adam-err0069': {
    status: 422,
    code: ErrorCode.WRONG_DIRECTION,
    message: 'Ce PDL ne mesure pas ce sens (consommation / production).',
  },
  'adam-err0123': {
    status: 422,
    code: ErrorCode.BEFORE_ACTIVATION_DATE,
    message: 'La période demandée est antérieure à la mise en service du compteur.',
  },
  'adam-err0125': {
    status: 422,
    code: ErrorCode.DATE_TOO_OLD,
    message: 'La période demandée dépasse l’historique disponible chez Enedis.',
  },
  'adam-err0126': {
    status: 422,
    code: ErrorCode.INVALID_DATE_RANGE,
    message: 'Période trop longue pour la courbe de charge.',
  },
  'adam-err0075': {
    status: 422,
    code: ErrorCode.LOAD_CURVE_DISABLED,
    message: 'La collecte de la courbe de charge n’est pas activée pour ce compteur.',
  },
  no_data_found: { status: 404, code: ErrorCode.NO_DATA, message: 'Aucune donnée Enedis sur cette période.' },
  'stm-err-0000014': { status: 404, code: ErrorCode.NO_DATA, message: 'Aucune donnée Enedis sur cette période.' },
  'stm-err-0000020': { status: 404, code: ErrorCode.NO_DATA, message: 'Aucune donnée Enedis sur cette période.' },
  'stm-err-0000019': {
    status: 403,
    code: ErrorCode.CONSENT_REQUIRED,
    message: 'Enedis ne connaît pas de client pour ce PDL.',
  },
};

/** Which Enedis quota a 429 is about: Q3 (5 calls/s) or Q4 (10,000 calls per clock hour). */
export type ThrottledQuota = 'second' | 'hour';

export type UpstreamVerdict =
  | { kind: 'permanent'; error: EnedisError }
  | { kind: 'transient'; reason: string }
  | { kind: 'throttled'; quota: ThrottledQuota; waitMs: number | null; reason: string }
  | { kind: 'unauthorized' };

/** Classifies a non-2xx Enedis answer: permanent (map and stop), transient (retry), throttled (wait), token. */
export function classifyEnedisFailure(status: number, body: unknown, now: Date): UpstreamVerdict {
  const error =
    typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
      ? body.error
      : undefined;
  if (status === 429) {
    const quota = throttledQuota(body);
    return {
      kind: 'throttled',
      quota,
      waitMs: nextAccessWaitMs(body, now),
      reason: `quota Q${quota === 'hour' ? 4 : 3}`,
    };
  }
  if (status === 401) {
    return { kind: 'unauthorized' };
  }
  if (status >= 500 || status === 408) {
    return { kind: 'transient', reason: `HTTP ${status}${error ? ` ${error}` : ''}` };
  }
  const known = error ? PERMANENT[error.toLowerCase()] : undefined;
  if (known) {
    return { kind: 'permanent', error: new EnedisError(known.status, known.code, known.message, error) };
  }
  return {
    kind: 'permanent',
    error: new EnedisError(
      502,
      ErrorCode.ENEDIS_ERROR,
      `Enedis a refusé la requête (${error ?? `HTTP ${status}`}).`,
      error,
    ),
  };
}

/**
 * Q4 (hourly) bodies: the 2026 WSO2 one carries code 900804 (with `nextAccessTime`, as far as seen), the
 * 2020 one `{"error":"429","error_description":"Quota Q4 reached …"}` says nothing about when to resume.
 * Anything else (WSO2 fault 900807, "Quota Q3 reached …", an unknown body) is taken as the per-second quota.
 */
export function throttledQuota(body: unknown): ThrottledQuota {
  return /\bQ4\b|\b900804\b/.test(JSON.stringify(body ?? '')) ? 'hour' : 'second';
}

/**
 * The 2026 WSO2 quota body says when calls may resume: `"nextAccessTime": "2026-Jul-17 05:00:00+0000 UTC"`
 * (sometimes only inside `description`). Returns the wait in ms, or null when the body does not say.
 */
export function nextAccessWaitMs(body: unknown, now: Date): number | null {
  const text = JSON.stringify(body ?? '');
  const match = /(\d{4})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\+0000/.exec(text);
  if (!match) {
    return null;
  }
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const [, year, month, day, hour, minute, second] = match;
  const monthIndex = months.indexOf((month ?? '').toLowerCase());
  if (monthIndex < 0) {
    return null;
  }
  const at = Date.UTC(Number(year), monthIndex, Number(day), Number(hour), Number(minute), Number(second));
  return Math.max(0, at - now.getTime());
}

export function unavailable(message: string, retryAfterSeconds?: number): EnedisError {
  return new EnedisError(
    503,
    ErrorCode.ENEDIS_UNAVAILABLE,
    message,
    undefined,
    retryAfterSeconds ? { 'retry-after': String(Math.ceil(retryAfterSeconds)) } : {},
  );
}

import type { ConsentRecord } from '@med/contracts';

/** One visit to the Enedis consent page (one `flow_id`) and the meters it covered. */
export interface ConsentVisit {
  flowId: string;
  /** When the consent was given (the earliest record of the visit). */
  grantedAt: string;
  /** Consent date + 3 years, as the server computed it (the earliest of the visit). */
  expiresAt: string;
  records: ConsentRecord[];
}

const earlier = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);

/**
 * Groups the history (newest first, as `GET /api/consents` sends it) by visit, newest visit first;
 * inside a visit the meters keep the server's order.
 */
export function groupConsentVisits(records: readonly ConsentRecord[]): ConsentVisit[] {
  const visits = new Map<string, ConsentVisit>();
  for (const record of records) {
    const visit = visits.get(record.flow_id);
    if (visit) {
      visit.records.push(record);
      visit.grantedAt = earlier(visit.grantedAt, record.granted_at);
      visit.expiresAt = earlier(visit.expiresAt, record.expires_at);
    } else {
      visits.set(record.flow_id, {
        flowId: record.flow_id,
        grantedAt: record.granted_at,
        expiresAt: record.expires_at,
        records: [record],
      });
    }
  }
  return [...visits.values()].sort((a, b) => Date.parse(b.grantedAt) - Date.parse(a.grantedAt));
}

/**
 * How a record ended, for the sentence under its meter: the reason and its date. A record still marked
 * active but past its expiry is shown as having reached its end on its expiry date. Null while it runs.
 */
export function recordEnding(
  record: Pick<ConsentRecord, 'status' | 'end_reason' | 'ended_at' | 'expires_at'>,
): { reason: NonNullable<ConsentRecord['end_reason']>; at: string | null } | null {
  if (record.end_reason !== null) {
    return { reason: record.end_reason, at: record.ended_at };
  }
  if (record.status === 'expired') {
    return { reason: 'expired', at: record.ended_at ?? record.expires_at };
  }
  return null;
}

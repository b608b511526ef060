import type { ConsentAuditRecord, ConsentRecord } from '@med/contracts';
import type { ConsentRow, Db } from '../../db/database.ts';
import { listUserPdls } from '../pdl/pdl.repository.ts';
import { isPastExpiry } from './consent-access.ts';
import { listConsentsForAudit, listUserConsents, type ConsentAuditFilter } from './consent.repository.ts';

function toRecord(row: ConsentRow, pdlName: string | null, now: Date): ConsentRecord {
  const expired = row.status === 'active' && isPastExpiry(row, now);
  return {
    id: row.id,
    flow_id: row.flow_id,
    usage_point_id: row.usage_point_id,
    pdl_name: pdlName,
    status: expired ? 'expired' : row.status,
    granted_at: row.granted_at,
    expires_at: row.expires_at,
    ended_at: row.ended_at,
    end_reason: row.end_reason,
  };
}

/** The account's consent history, newest first, with the names its meters have now. */
export async function userConsentHistory(db: Db, userId: string, now: Date): Promise<ConsentRecord[]> {
  const names = new Map((await listUserPdls(db, userId)).map((pdl) => [pdl.usage_point_id, pdl.name]));
  return (await listUserConsents(db, userId)).map((row) => toRecord(row, names.get(row.usage_point_id) ?? null, now));
}

/** Every account's records, for administrators: who consented for which meter, when, and how it ended. */
export async function consentAudit(
  db: Db,
  filter: ConsentAuditFilter,
  now: Date,
): Promise<{ total: number; items: ConsentAuditRecord[] }> {
  const { total, rows } = await listConsentsForAudit(db, filter);
  return {
    total,
    items: rows.map(({ email, ...row }) => ({ ...toRecord(row, null, now), user_id: row.user_id, email })),
  };
}

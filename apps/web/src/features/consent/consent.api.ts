import { consentRecordSchema, type ConsentRecord } from '@med/contracts';
import { request, type Schema } from '../../api/client.ts';

const consentListSchema: Schema<ConsentRecord[]> = consentRecordSchema.array();

/** `GET /api/consents`: the account's consent records, newest first (one per meter and visit). */
export function listConsents(signal?: AbortSignal) {
  return request('GET', '/consents', { schema: consentListSchema, signal });
}

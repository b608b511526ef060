import { dataAccessSchema, type DataAccess } from '@med/contracts';
import { request } from '../../api/client.ts';

/** Who read my meter data under data sharing, newest first (`GET /api/accounts/me/data-access`). */
export function getDataAccess(signal?: AbortSignal): Promise<DataAccess> {
  return request('GET', '/accounts/me/data-access', { schema: dataAccessSchema, signal });
}

import { clientStatusSchema, syncStatusSchema, type ClientStatus, type SyncStatusResponse } from '@med/contracts';
import { request, type Schema } from '../../api/client.ts';

const statusSchema: Schema<SyncStatusResponse> = syncStatusSchema;
const gatewayStatusSchema: Schema<ClientStatus> = clientStatusSchema;

/** Client mode: per meter and data set, what is stored and how the last sync went; the next run. */
export function getSyncStatus(signal?: AbortSignal) {
  return request('GET', '/sync/status', { schema: statusSchema, signal });
}

/** Client mode: the link to the gateway (connected, or what is wrong and what to do). */
export function getClientStatus(signal?: AbortSignal) {
  return request('GET', '/client/status', { schema: gatewayStatusSchema, signal });
}

/**
 * Starts a sync of every meter, or of one; a run already going on is joined. What happens next comes on
 * the event stream and in the status, so the answer itself is not read.
 */
export async function triggerSync(usagePointId?: string): Promise<void> {
  const path = usagePointId ? `/sync/trigger/${encodeURIComponent(usagePointId)}` : '/sync/trigger';
  await request('POST', path);
}

/** Where the live progress is streamed (Server-Sent Events, `progress` events). */
export const SYNC_EVENTS_URL = '/api/sync/events';

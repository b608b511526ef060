import { useSyncExternalStore } from 'react';

/**
 * Which meters the user asked the full history for ("fetch my history"), per direction, for this visit.
 * Shared by every page so the balance page benefits from what the consumption page loaded.
 */
const requested = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function requestHistory(usagePointId: string, direction: string): void {
  const key = `${usagePointId}:${direction}`;
  if (requested.has(key)) {
    return;
  }
  requested.add(key);
  version += 1;
  for (const listener of listeners) {
    listener();
  }
}

/** True once the full history of this meter and direction was asked for. */
export function useMeteringHistory(usagePointId: string | null, direction: string): boolean {
  useSyncExternalStore(subscribe, () => version);
  return usagePointId !== null && requested.has(`${usagePointId}:${direction}`);
}

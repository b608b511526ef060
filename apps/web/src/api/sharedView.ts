/**
 * Read-only viewing of another user's shared data (issue 12, ADR 0013): while an administrator views an
 * owner's meters, the client adds `X-Impersonate-User-Id` to the reads the server lets through that way
 * (GET `/pdl`, `/pdl/:id`, `/costs/:id`, `/enedis/*`). Kept in sessionStorage: it lasts as long as the tab,
 * never beyond, and every other call (account, settings, admin) stays the administrator's own.
 */
export interface SharedView {
  ownerId: string;
  ownerEmail: string;
}

const STORAGE_KEY = 'med.sharedView';
export const IMPERSONATE_HEADER = 'X-Impersonate-User-Id';
const IMPERSONABLE_READ = /^\/(?:pdl(?:\/[^/?]+)?|costs\/[^/?]+|enedis\/.+)$/;

const listeners = new Set<() => void>();
let current: SharedView | null = load();

function load(): SharedView | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as SharedView).ownerId === 'string' &&
      typeof (parsed as SharedView).ownerEmail === 'string'
    ) {
      return { ownerId: (parsed as SharedView).ownerId, ownerEmail: (parsed as SharedView).ownerEmail };
    }
  } catch {
    // Storage blocked or a damaged value: no shared view.
  }
  return null;
}

export function getSharedView(): SharedView | null {
  return current;
}

export function setSharedView(view: SharedView | null): void {
  current = view;
  try {
    if (view) {
      globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(view));
    } else {
      globalThis.sessionStorage?.removeItem(STORAGE_KEY);
    }
  } catch {
    // Storage blocked: the view still holds in memory for this page.
  }
  for (const listener of listeners) {
    listener();
  }
}

export function subscribeSharedView(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The impersonation header for this call, when viewing shared data and the route accepts it. */
export function sharedViewHeader(method: string, path: string): Record<string, string> {
  if (!current || method !== 'GET' || !IMPERSONABLE_READ.test(path)) {
    return {};
  }
  return { [IMPERSONATE_HEADER]: current.ownerId };
}

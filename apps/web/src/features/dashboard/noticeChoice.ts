/**
 * The dashboard's notices, most urgent first: only the first one that applies is shown. A consent about
 * to end stops the data; an unconfirmed address only matters to recover the account.
 */
export const NOTICE_ORDER = ['consentResult', 'consentExpiry', 'emailNotVerified'] as const;
export type NoticeKind = (typeof NOTICE_ORDER)[number];

/** The one notice to show now: the most urgent that applies and was not dismissed, or null. */
export function chooseNotice(
  applies: Readonly<Record<NoticeKind, boolean>>,
  dismissed: ReadonlySet<NoticeKind>,
): NoticeKind | null {
  return NOTICE_ORDER.find((kind) => applies[kind] && !dismissed.has(kind)) ?? null;
}

const storageKey = 'med-dismissed-notices';

/** Notices closed during this browser session (they come back in a new one, while they still apply). */
export function readDismissed(): Set<NoticeKind> {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(storageKey) ?? '[]');
    return new Set(
      Array.isArray(saved) ? saved.filter((kind): kind is NoticeKind => NOTICE_ORDER.includes(kind as NoticeKind)) : [],
    );
  } catch {
    return new Set();
  }
}

export function storeDismissed(dismissed: ReadonlySet<NoticeKind>): void {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify([...dismissed]));
  } catch {
    // Not remembered; it stays closed until the page is reloaded.
  }
}

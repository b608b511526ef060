export const DEFAULT_AFTER_LOGIN = '/dashboard';

/**
 * The `?redirect=` target after login, only if it is a path of this app. Anything else
 * (`https://evil.example`, `//evil.example`, `/\evil.example`) would make the login page an open redirect.
 */
export function safeRedirectPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return DEFAULT_AFTER_LOGIN;
  if (raw === '/login' || raw.startsWith('/login?')) return DEFAULT_AFTER_LOGIN;
  return raw;
}

export function loginPathFor(pathWithSearch: string): string {
  return `/login?redirect=${encodeURIComponent(pathWithSearch)}`;
}

export const DEFAULT_AFTER_LOGIN = '/dashboard';

/**
 * The `?redirect=` target after login, only if it is a path of this app. Anything else
 * (`https://evil.example`, `//evil.example`, `/\evil.example`) would make the login page an open redirect.
 */
export function safeRedirectPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) {
    return DEFAULT_AFTER_LOGIN;
  }
  if (raw === '/login' || raw.startsWith('/login?')) {
    return DEFAULT_AFTER_LOGIN;
  }
  return raw;
}

export function loginPathFor(pathWithSearch: string): string {
  return `/login?redirect=${encodeURIComponent(pathWithSearch)}`;
}

/**
 * A target served by the server rather than the app (`/api/oauth/callback?…` when Enedis sent the
 * browser back before the user logged in): it needs a full page load, not a router navigation.
 */
export function isServerPath(path: string): boolean {
  return path.startsWith('/api/');
}

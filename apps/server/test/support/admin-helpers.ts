import { lastMailLink, sessionCookie, STRONG_PASSWORD } from './accounts-helpers.ts';
import type { TestServer } from './test-server.ts';

/** The API path behind a mailed `FRONTEND_URL/verify-email?token=…` link. */
export function verifyPath(link: string): string {
  return `/api/accounts/verify-email?token=${new URL(link).searchParams.get('token') ?? ''}`;
}

/** Confirms `email` the way its owner does: follows the link of the last mail sent to it. */
export async function verifyEmail(server: TestServer, email: string): Promise<void> {
  const response = await server.app.inject({ method: 'GET', url: verifyPath(await lastMailLink(server, email)) });
  if (response.statusCode !== 200) {
    throw new Error(`verify-email failed: ${response.statusCode} ${response.body}`);
  }
}

/**
 * Signs up `email` (which must be in the server's ADMIN_EMAILS), verifies it through the mailed link,
 * which is what grants the admin role, and logs in. Returns the session cookie.
 */
export async function createAdmin(server: TestServer, email: string): Promise<string> {
  const signup = await server.app.inject({
    method: 'POST',
    url: '/api/accounts/signup',
    payload: { email, password: STRONG_PASSWORD },
  });
  if (signup.statusCode !== 201) {
    throw new Error(`signup failed: ${signup.statusCode} ${signup.body}`);
  }
  await verifyEmail(server, email);
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/accounts/login',
    payload: { email, password: STRONG_PASSWORD },
  });
  return sessionCookie(login);
}

import {
  adminSharingResponseSchema,
  clientCredentialsSchema,
  credentialsResponseSchema,
  loginResponseSchema,
  meResponseSchema,
  messageSchema,
  signupResponseSchema,
  usageStatsResponseSchema,
  type LoginRequest,
  type MeResponse,
  type SignupRequest,
} from '@med/contracts';
import { request, type Schema } from './client.ts';
import { endsSession } from './sessionErrors.ts';

/**
 * Signup answers 201 with the API credentials for a new account (signed in unless the server wants the
 * e-mail confirmed first), or 202 with only a message when the email is already registered (the server
 * never reveals that; it mails the owner instead).
 */
export type SignupOutcome =
  | { kind: 'created'; clientId: string; clientSecret: string; message: string; signedIn: boolean }
  | { kind: 'check-mailbox'; message: string };

const signupOutcomeSchema: Schema<SignupOutcome> = {
  parse(input) {
    const created = signupResponseSchema.safeParse(input);
    if (created.success) {
      const { client_id, client_secret, message, signed_in } = created.data;
      return { kind: 'created', clientId: client_id, clientSecret: client_secret, message, signedIn: signed_in };
    }
    return { kind: 'check-mailbox', message: messageSchema.parse(input).message };
  },
};

export function signup(body: SignupRequest): Promise<SignupOutcome> {
  return request('POST', '/accounts/signup', { body, schema: signupOutcomeSchema });
}

export function login(body: LoginRequest) {
  return request('POST', '/accounts/login', { body, schema: loginResponseSchema });
}

export async function logout(): Promise<void> {
  await request('POST', '/accounts/logout');
}

/** The signed-in account, or `null` when there is no valid session (401). */
export async function getMe(signal?: AbortSignal): Promise<MeResponse | null> {
  try {
    return await request('GET', '/accounts/me', { schema: meResponseSchema, signal });
  } catch (error) {
    if (endsSession(error)) {
      return null;
    }
    throw error;
  }
}

export function getCredentials(signal?: AbortSignal) {
  return request('GET', '/accounts/credentials', { schema: credentialsResponseSchema, signal });
}

export function regenerateSecret() {
  return request('POST', '/accounts/regenerate-secret', { schema: clientCredentialsSchema });
}

export function deleteAccount(password: string) {
  return request('DELETE', '/accounts/me', { body: { password } });
}

export function verifyEmail(token: string, signal?: AbortSignal) {
  return request('GET', '/accounts/verify-email', { query: { token }, schema: messageSchema, signal });
}

export function resendVerification(email: string) {
  return request('POST', '/accounts/resend-verification', { body: { email }, schema: messageSchema });
}

export function forgotPassword(email: string) {
  return request('POST', '/accounts/forgot-password', { body: { email }, schema: messageSchema });
}

export function resetPassword(token: string, newPassword: string) {
  return request('POST', '/accounts/reset-password', {
    body: { token, new_password: newPassword },
    schema: messageSchema,
  });
}

export function updatePassword(oldPassword: string, newPassword: string) {
  return request('POST', '/accounts/update-password', {
    body: { old_password: oldPassword, new_password: newPassword },
    schema: messageSchema,
  });
}

export function getUsageStats(signal?: AbortSignal) {
  return request('GET', '/accounts/usage-stats', { schema: usageStatsResponseSchema, signal });
}

export function toggleAdminSharing() {
  return request('POST', '/accounts/toggle-admin-sharing', { schema: adminSharingResponseSchema });
}

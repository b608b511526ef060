import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Password policy, shared by signup, reset and update (the reference skipped it on reset/update).
 * Returns the list of unmet rules; empty means acceptable.
 */
export function passwordProblems(password: string): PasswordRule[] {
  const problems: PasswordRule[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push('min_length');
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push('max_length');
  }
  if (!/[a-z]/.test(password)) {
    problems.push('lowercase');
  }
  if (!/[A-Z]/.test(password)) {
    problems.push('uppercase');
  }
  if (!/[0-9]/.test(password)) {
    problems.push('digit');
  }
  return problems;
}
export type PasswordRule = 'min_length' | 'max_length' | 'lowercase' | 'uppercase' | 'digit';

export const emailSchema = z
  .email()
  .max(254)
  .transform((value) => value.trim().toLowerCase());
const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);

export const signupRequestSchema = z.strictObject({
  email: emailSchema,
  password,
  turnstile_token: z.string().max(4096).optional(),
});
export type SignupRequest = z.input<typeof signupRequestSchema>;

export const signupResponseSchema = z.object({
  client_id: z.string(),
  client_secret: z.string(),
  message: z.string(),
  /**
   * The new account is signed in (session cookie set) unless the server requires a confirmed e-mail
   * before any login (`REQUIRE_EMAIL_VERIFICATION`): then the mailed link comes first.
   */
  signed_in: z.boolean(),
});
export type SignupResponse = z.infer<typeof signupResponseSchema>;

export const loginRequestSchema = z.strictObject({ email: emailSchema, password });
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  message: z.string(),
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** Raw OAuth2 client-credentials response of `POST /api/accounts/token` (no envelope). */
export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const permissionSchema = z.object({
  id: z.string(),
  name: z.string(),
  display_name: z.string(),
  resource: z.string(),
});
export type Permission = z.infer<typeof permissionSchema>;

export const roleSchema = z.object({
  id: z.string(),
  name: z.string(),
  display_name: z.string(),
  permissions: z.array(permissionSchema),
});
export type Role = z.infer<typeof roleSchema>;

export const meResponseSchema = z.object({
  id: z.string(),
  email: z.string(),
  client_id: z.string(),
  is_active: z.boolean(),
  email_verified: z.boolean(),
  created_at: z.string(),
  is_admin: z.boolean(),
  is_demo: z.boolean(),
  debug_mode: z.boolean(),
  admin_data_sharing: z.boolean(),
  admin_data_sharing_enabled_at: z.string().nullable(),
  role: roleSchema,
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const credentialsResponseSchema = z.object({ client_id: z.string() });
export const clientCredentialsSchema = z.object({ client_id: z.string(), client_secret: z.string() });
export type ClientCredentials = z.infer<typeof clientCredentialsSchema>;

export const emailRequestSchema = z.strictObject({ email: emailSchema });
export const resetPasswordRequestSchema = z.strictObject({
  token: z.string().min(1).max(512),
  new_password: password,
});
export const updatePasswordRequestSchema = z.strictObject({
  old_password: password,
  new_password: password,
});
/**
 * `DELETE /api/accounts/me`: the password, or nothing at all (no body) from a session that logged in
 * within the last 15 minutes, as the reference's web app sends it.
 */
export const deleteAccountRequestSchema = z.strictObject({ password: password.optional() }).nullish();

export const usageStatsResponseSchema = z.object({
  cached_requests: z.number().int(),
  no_cache_requests: z.number().int(),
  cached_limit: z.number().int().nullable(),
  no_cache_limit: z.number().int().nullable(),
  date: z.string(),
  reset_at: z.string(),
});
export type UsageStats = z.infer<typeof usageStatsResponseSchema>;

export const adminSharingResponseSchema = z.object({
  admin_data_sharing: z.boolean(),
  admin_data_sharing_enabled_at: z.string().nullable(),
});

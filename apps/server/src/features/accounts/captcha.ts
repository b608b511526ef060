import { ErrorCode } from '@med/contracts';
import { AppError } from '../../http/app-error.ts';

/**
 * Cloudflare Turnstile check. The verify URL is configurable so tests (and air-gapped installs)
 * can point it at a local endpoint.
 */
export async function verifyCaptcha(
  options: { verifyUrl: string; secretKey: string },
  token: string | undefined,
  ip: string,
): Promise<void> {
  if (!token) {
    throw new AppError(400, ErrorCode.CAPTCHA_REQUIRED, 'Merci de valider le captcha.', { field: 'turnstile_token' });
  }
  let success: boolean;
  try {
    const response = await fetch(options.verifyUrl, {
      method: 'POST',
      body: new URLSearchParams({ secret: options.secretKey, response: token, remoteip: ip }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { success?: unknown };
    success = response.ok && body.success === true;
  } catch (error) {
    throw new AppError(503, ErrorCode.SERVICE_UNAVAILABLE, 'Vérification du captcha indisponible. Réessayez.', {
      cause: error,
    });
  }
  if (!success) {
    throw new AppError(400, ErrorCode.CAPTCHA_INVALID, 'Captcha invalide. Réessayez.', { field: 'turnstile_token' });
  }
}

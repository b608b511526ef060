import { ErrorCode } from '@med/contracts';

/** An error meant for the client: HTTP status, stable code, human message, optional field. */
export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    options: { field?: string; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.field = options.field;
    this.headers = options.headers ?? {};
  }
}

export const unauthorized = (message = 'Authentification requise.') =>
  new AppError(401, ErrorCode.UNAUTHORIZED, message);
export const forbidden = (message = 'Accès refusé.', code: ErrorCode = ErrorCode.FORBIDDEN) =>
  new AppError(403, code, message);
export const notFound = (code: ErrorCode, message: string) => new AppError(404, code, message);
export const conflict = (code: ErrorCode, message: string, field?: string) =>
  new AppError(409, code, message, field === undefined ? {} : { field });
export const unprocessable = (code: ErrorCode, message: string, field?: string) =>
  new AppError(422, code, message, field === undefined ? {} : { field });
export const badRequest = (code: ErrorCode, message: string, field?: string) =>
  new AppError(400, code, message, field === undefined ? {} : { field });
export const tooManyRequests = (code: ErrorCode, message: string, retryAfterSeconds: number) =>
  new AppError(429, code, message, { headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) } });

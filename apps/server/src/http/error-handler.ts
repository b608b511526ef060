import { ERROR_CODE_PARAM, ErrorCode } from '@med/contracts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './app-error.ts';
import { failure } from './envelope.ts';

/** Fastify's own client errors, mapped to our stable codes. Anything unknown becomes a 500 that hides details. */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: ErrorCode.INVALID_JSON,
    message: 'Le corps de la requête n’est pas un JSON valide.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: ErrorCode.INVALID_JSON, message: 'Le corps JSON est vide.' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    message: 'Le corps de la requête est trop volumineux.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    message: 'Type de contenu non pris en charge.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: ErrorCode.VALIDATION_ERROR,
    message: 'Content-Length invalide.',
  },
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      void reply.headers(error.headers).status(error.status);
      return failure({ code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      // An unknown key is named in full, also when nested (`pdl_orders.0.user_id`).
      const field =
        [first?.instancePath.replace(/^\//, '').replaceAll('/', '.'), firstUnknownKey(first?.params)]
          .filter(Boolean)
          .join('.') || undefined;
      const message = first?.message ?? 'Requête invalide.';
      void reply.status(422);
      return failure({ code: issueErrorCode(first?.params), message, ...(field ? { field } : {}) });
    }
    const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (known) {
      void reply.status(known.status);
      return failure({ code: known.code, message: known.message });
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      void reply.status(error.statusCode);
      return failure({ code: ErrorCode.VALIDATION_ERROR, message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    void reply.status(500);
    return failure({ code: ErrorCode.INTERNAL_ERROR, message: 'Erreur interne. Réessayez plus tard.' });
  });
}

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/**
 * A shared schema may name the stable code of its failure (the calendar date answers
 * INVALID_DATE_FORMAT); fastify-type-provider-zod copies the zod issue's `params` under `params.params`.
 */
function issueErrorCode(params: unknown): ErrorCode {
  const carried =
    params && typeof params === 'object' && 'params' in params && params.params && typeof params.params === 'object'
      ? (params.params as Record<string, unknown>)[ERROR_CODE_PARAM]
      : undefined;
  return typeof carried === 'string' && KNOWN_CODES.has(carried) ? (carried as ErrorCode) : ErrorCode.VALIDATION_ERROR;
}

/** zod reports unknown keys of strict objects with the key names in params. */
function firstUnknownKey(params: unknown): string | undefined {
  if (params && typeof params === 'object' && 'keys' in params && Array.isArray(params.keys)) {
    const [key] = params.keys as unknown[];
    return typeof key === 'string' ? key : undefined;
  }
  return undefined;
}

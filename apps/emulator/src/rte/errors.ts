/**
 * RTE error bodies. Every error RTE returns, functional (400) or technical (5xx), has the same shape
 * (enedis-rte-reference §B1, from a captured response):
 * `{"error":"TMPLIKSUPCON_TMPLIKCAL_F04","error_description":"...","error_uri":"","error_details":{"transaction_id":"Id-..."}}`
 *
 * Codes: the Tempo F01–F07 codes and `COMMON_ERROR_T03` (a captured 500) are RTE's. The codes of the
 * other APIs follow the same `<API>_<RESOURCE>_Fnn` pattern but are ours: RTE's exact codes for them
 * were not found.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';

export interface RteErrorBody {
  error: string;
  error_description: string;
  error_uri: string;
  error_details: { transaction_id: string };
}

/** RTE transaction ids look like `Id-2fc9d566cff9ded9d39d0ee7` (24 hex digits). */
export function transactionId(): string {
  return `Id-${randomBytes(12).toString('hex')}`;
}

export function rteErrorBody(error: string, description: string): RteErrorBody {
  return { error, error_description: description, error_uri: '', error_details: { transaction_id: transactionId() } };
}

/** Sends an RTE error and returns the reply, so a handler can `return sendRteError(...)`. */
export function sendRteError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  return reply.code(status).type('application/json').send(rteErrorBody(error, description));
}

/** A functional error found while reading a request, turned into a 400 by the route. */
export class RteRequestError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, description: string, status = 400) {
    super(description);
    this.name = 'RteRequestError';
    this.code = code;
    this.status = status;
  }
}

/** Technical errors the emulator can inject, with the bodies it sends. */
export const INJECTED_ERRORS = {
  500: { error: 'COMMON_ERROR_T03', description: 'Error code unknown' },
  503: { error: 'SERVICE_UNAVAILABLE', description: 'The service is temporarily unavailable (maintenance).' },
  429: { error: 'TOO_MANY_REQUESTS', description: 'Too many requests: the rate limit of this API has been reached.' },
  // RTE's user guide lists 509 for the platform-wide quota; its body is undocumented, so this code is ours.
  509: { error: 'BANDWIDTH_LIMIT_EXCEEDED', description: 'The platform-wide quota has been reached.' },
} as const;

export type InjectedStatus = keyof typeof INJECTED_ERRORS;

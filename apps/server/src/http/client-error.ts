import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ErrorCode } from '@med/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { failure } from './envelope.ts';

/** What Node's HTTP parser refused, as our stable codes; anything else is a malformed request. */
const REFUSALS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: ErrorCode.HEADERS_TOO_LARGE,
    message: 'En-têtes de la requête trop volumineux.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: ErrorCode.REQUEST_TIMEOUT, message: 'Requête trop lente à arriver.' },
};
const MALFORMED = { status: 400, code: ErrorCode.VALIDATION_ERROR, message: 'Requête HTTP mal formée.' };

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses before Fastify sees them
 * (headers over `maxHeaderSize` → 431, malformed request line or header → 400, request timeout → 408)
 * get the JSON envelope like every other error, written straight to the socket since there is no
 * request or reply object. Same protocol behaviour as Fastify's default: answer, then close.
 */
export function clientErrorHandler(
  // Fastify calls it bound to the instance.
  this: { log?: FastifyBaseLogger } | undefined,
  error: Error & { code?: string },
  socket: Socket,
): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) {
    return;
  }
  const refusal = (error.code === undefined ? undefined : REFUSALS[error.code]) ?? MALFORMED;
  this?.log?.debug({ err: error }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(failure({ code: refusal.code, message: refusal.message }));
    socket.write(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}

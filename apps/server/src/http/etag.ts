import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A strong ETag of a response's data (not of the envelope, whose timestamp changes every time). */
export function etagOf(data: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 27)}"`;
}

/**
 * Sets the ETag of `data` and says whether the client's copy is current (`If-None-Match` names it):
 * the route then answers 304 without a body. `no-cache` makes clients revalidate every time.
 */
export function notModified(request: FastifyRequest, reply: FastifyReply, data: unknown): boolean {
  const tag = etagOf(data);
  void reply.header('etag', tag).header('cache-control', 'public, no-cache');
  const presented = request.headers['if-none-match'];
  if (presented === undefined) {
    return false;
  }
  return presented
    .split(',')
    .map((value) => value.trim().replace(/^W\//, ''))
    .some((value) => value === tag || value === '*');
}

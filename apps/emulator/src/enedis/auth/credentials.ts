/**
 * Client authentication on the token endpoint. Enedis accepts the credentials as HTTP Basic, as form
 * fields, and (as conso-api does) as query-string parameters of the POST (reference §A3).
 */
import type { FastifyRequest } from 'fastify';
import type { EmulatorClient } from '../options.ts';

export interface Credentials {
  clientId: string;
  clientSecret: string;
}

function field(source: unknown, name: string): string | undefined {
  if (typeof source !== 'object' || source === null) {
    return undefined;
  }
  const value = (source as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function fromBasicHeader(header: string | undefined): Credentials | null {
  const match = header === undefined ? null : /^Basic\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    return null;
  }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    return null;
  }
  // RFC 6749 §2.3.1: both parts are form-urlencoded before being joined.
  const safeDecode = (part: string) => {
    try {
      return decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return part;
    }
  };
  return { clientId: safeDecode(decoded.slice(0, colon)), clientSecret: safeDecode(decoded.slice(colon + 1)) };
}

/** Credentials from the Basic header first, then the form body, then the query string. */
export function readCredentials(request: FastifyRequest): Credentials | null {
  const basic = fromBasicHeader(request.headers.authorization);
  if (basic) {
    return basic;
  }
  for (const source of [request.body, request.query]) {
    const clientId = field(source, 'client_id');
    const clientSecret = field(source, 'client_secret');
    if (clientId !== undefined && clientSecret !== undefined) {
      return { clientId, clientSecret };
    }
  }
  return null;
}

/** A named request field from the form body, else from the query string. */
export function readField(request: FastifyRequest, name: string): string | undefined {
  return field(request.body, name) ?? field(request.query, name);
}

/** The registered client these credentials authenticate, if any. */
export function authenticateClient(clients: readonly EmulatorClient[], credentials: Credentials | null) {
  if (!credentials) {
    return null;
  }
  return (
    clients.find((c) => c.clientId === credentials.clientId && c.clientSecret === credentials.clientSecret) ?? null
  );
}

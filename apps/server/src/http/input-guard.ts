import { ErrorCode } from '@med/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from './app-error.ts';

/**
 * True when `value` holds a NUL (U+0000) or a lone UTF-16 surrogate. PostgreSQL refuses NUL in text
 * (`invalid byte sequence for encoding "UTF8": 0x00`, which used to surface as a 500), C-based tools
 * truncate at it, and a lone surrogate cannot be encoded as UTF-8 (it would be stored as U+FFFD,
 * silently changing the value). No legitimate input of this API contains either.
 */
export function hasForbiddenCharacters(value: string): boolean {
  return value.includes('\u0000') || !value.isWellFormed();
}

/**
 * Dotted path (`pdl_orders.0.id`, the convention of validation errors) of the first string or key under
 * `value` with a forbidden character, else undefined. Iterative: a deeply nested JSON body cannot
 * overflow the stack.
 */
export function findForbiddenCharacters(value: unknown, path = ''): string | undefined {
  const pending: [unknown, string][] = [[value, path]];
  const join = (base: string, key: string | number) => (base === '' ? String(key) : `${base}.${key}`);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, at] = next;
    if (current instanceof Uint8Array) {
      // A raw file body (the history import): bytes, not text; its parser reads numbers and dates only.
      continue;
    }
    if (typeof current === 'string') {
      if (hasForbiddenCharacters(current)) {
        return at;
      }
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push([item, join(at, index)]));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (hasForbiddenCharacters(key)) {
          return join(at, key);
        }
        pending.push([item, join(at, key)]);
      }
    }
  }
  return undefined;
}

function refuse(field: string): never {
  throw badRequest(
    ErrorCode.INVALID_CHARACTERS,
    `Caractère non autorisé (NUL ou UTF-16 invalide) dans « ${field || 'la requête'} ».`,
    field || undefined,
  );
}

/**
 * True when the query string has percent-encoding that does not decode to UTF-8 text (`%FF`, `%E0%A4%A`,
 * `%C0%80`). Fastify answers that in the path with a 400 but keeps it raw in the query (`"%FF"`), where
 * it would pass for a value.
 */
function hasMalformedQuery(url: string): boolean {
  const start = url.indexOf('?');
  if (start === -1) {
    return false;
  }
  return url
    .slice(start + 1)
    .split(/[&=]/)
    .some((piece) => {
      if (!piece.includes('%')) {
        return false;
      }
      try {
        decodeURIComponent(piece);
        return false;
      } catch {
        return true;
      }
    });
}

/** Decoded path parameters, query, cookies and headers: everything known before the body is read. */
function checkBeforeBody(request: FastifyRequest): void {
  const url = request.raw.url ?? '';
  // API parameters only: a hand-typed `?q=50%` on a page of the SPA still gets the page.
  if (url.startsWith('/api') && hasMalformedQuery(url)) {
    throw badRequest(ErrorCode.VALIDATION_ERROR, 'URL invalide (encodage de la requête).');
  }
  for (const source of [request.params, request.query, request.cookies, request.headers]) {
    const field = findForbiddenCharacters(source);
    if (field !== undefined) {
      refuse(field);
    }
  }
}

/**
 * One mechanism for every route: NUL characters and lone surrogates are refused with
 * 400 INVALID_CHARACTERS (and a query string that does not decode with 400 VALIDATION_ERROR, like a
 * path that does not) before any handler, guard or database access sees them. Path, query, cookies
 * and headers are checked first (`onRequest`, before the route's auth guard, which queries the
 * database); the parsed body as soon as it exists (`preValidation`). Errors go through the route's error
 * handler, so the OAuth token route still answers in its RFC 6749 shape. Register before any route.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    checkBeforeBody(request);
  });
  app.addHook('preValidation', async (request) => {
    const field = findForbiddenCharacters(request.body);
    if (field !== undefined) {
      refuse(field);
    }
  });
}

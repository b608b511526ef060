/**
 * What must not reach the logs in clear: meter numbers (PRM, 14 digits), e-mail addresses, and the
 * values of query parameters that are secrets or personal (OAuth `code`/`state`, mailed link tokens,
 * addresses). Each is replaced by a short keyed hash, the same for the same value, so an operator can
 * still follow one meter or one account across lines without the log revealing which one it is (a
 * plain hash of a 14-digit number would be reversed by trying them all; a keyed one cannot be).
 */
const PRM = /\b\d{14}\b/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Query parameters whose whole value is hashed, whatever it looks like. */
const SECRET_PARAMS = new Set([
  'code',
  'state',
  'token',
  'email',
  'password',
  'client_secret',
  'access_token',
  'refresh_token',
]);
const MAX_DEPTH = 6;

export type Hash = (value: string) => string;

export function createRedactor(hash: Hash) {
  /** PRMs and e-mail addresses inside free text. */
  function text(value: string): string {
    return value
      .replace(EMAIL, (email) => `email:${hash(email.toLowerCase())}`)
      .replace(PRM, (prm) => `prm:${hash(prm)}`);
  }

  function decoded(value: string): string {
    try {
      return decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      return value;
    }
  }

  function secretParam(name: string, raw: string): string | undefined {
    if (name === 'email') {
      // Like an address in text, so both correlate.
      return `email:${hash(raw.toLowerCase())}`;
    }
    return SECRET_PARAMS.has(name) ? `hash:${hash(raw)}` : undefined;
  }

  /** A request URL: path redacted as text, every query value redacted, secret parameters hashed whole. */
  function url(value: string): string {
    const mark = value.indexOf('?');
    const path = text(decoded(mark === -1 ? value : value.slice(0, mark)));
    if (mark === -1) {
      return path;
    }
    const query = value
      .slice(mark + 1)
      .split('&')
      .map((pair) => {
        const equals = pair.indexOf('=');
        const name = decoded(equals === -1 ? pair : pair.slice(0, equals));
        if (equals === -1) {
          return text(name);
        }
        const raw = decoded(pair.slice(equals + 1));
        return `${text(name)}=${secretParam(name.toLowerCase(), raw) ?? text(raw)}`;
      })
      .join('&');
    return `${path}?${query}`;
  }

  /**
   * Strings anywhere in plain objects and arrays (what callers pass to `log.info({...})`); other
   * objects (requests, replies, errors) are left to their serializers.
   */
  function deep(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') {
      return text(value);
    }
    if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) {
      return value;
    }
    if (Array.isArray(value)) {
      return value.map((item: unknown) => deep(item, depth + 1));
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) {
      return value;
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, deep(item, depth + 1)]));
  }

  return { text, url, deep };
}
export type Redactor = ReturnType<typeof createRedactor>;

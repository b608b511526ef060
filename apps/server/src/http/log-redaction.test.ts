import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './log-redaction.ts';

const hash = (value: string) => createHmac('sha256', 'test-key').update(value).digest('hex').slice(0, 8);
const redact = createRedactor(hash);

describe('log redaction', () => {
  it('hashes PRMs and e-mail addresses in text, the same way each time', () => {
    const line = redact.text('meter 12345678901234 of Jane.Doe@Example.org; again 12345678901234 jane.doe@example.org');
    expect(line).toBe(
      `meter prm:${hash('12345678901234')} of email:${hash('jane.doe@example.org')}; again prm:${hash('12345678901234')} email:${hash('jane.doe@example.org')}`,
    );
  });

  it('leaves other numbers alone: 13 or 15 digits, ids, times', () => {
    for (const text of [
      '1796228450993',
      '123456789012345',
      'a1b2c3d4-0000-4000-8000-123456789012',
      '2026-03-29T01:00:00Z',
    ]) {
      expect(redact.text(text)).toBe(text);
    }
  });

  it('hashes OAuth and link secrets in query strings, and PRMs in paths and values', () => {
    expect(redact.url('/api/oauth/callback?code=abc123&state=s%2Fx&usage_point_id=12345678901234')).toBe(
      `/api/oauth/callback?code=hash:${hash('abc123')}&state=hash:${hash('s/x')}&usage_point_id=prm:${hash('12345678901234')}`,
    );
    expect(redact.url('/api/enedis/consumption/daily/12345678901234?start=2026-01-01&end=2026-02-01')).toBe(
      `/api/enedis/consumption/daily/prm:${hash('12345678901234')}?start=2026-01-01&end=2026-02-01`,
    );
    expect(redact.url('/api/accounts/verify-email?token=T0k3n_-x')).toBe(
      `/api/accounts/verify-email?token=hash:${hash('T0k3n_-x')}`,
    );
    expect(redact.url('/api/admin/users?email=Jane%40Example.org&flag')).toBe(
      `/api/admin/users?email=email:${hash('jane@example.org')}&flag`,
    );
    expect(redact.url('/api/x/jane%40example.org')).toBe(`/api/x/email:${hash('jane@example.org')}`);
    expect(redact.url('/api/ping')).toBe('/api/ping');
  });

  it('walks plain objects and arrays, not class instances', () => {
    const request = new (class Request {
      url = '/api/pdl/12345678901234';
    })();
    expect(redact.deep({ email: 'a@b.fr', nested: { list: ['12345678901234', 3] }, request, when: null })).toEqual({
      email: `email:${hash('a@b.fr')}`,
      nested: { list: [`prm:${hash('12345678901234')}`, 3] },
      request,
      when: null,
    });
  });
});

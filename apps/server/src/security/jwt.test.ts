import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJwt } from './jwt.ts';
import { createServerKeys } from './keys.ts';

describe('access tokens', () => {
  const keys = createServerKeys('Zq8vN2xK7mLp4RtW9yBc3HdF6gJs1QaE5uVo0iXn');
  afterEach(() => {
    vi.useRealTimers();
  });

  it('signs and verifies the claims, with the configured lifetime', async () => {
    const jwt = createJwt(keys, 30);
    expect(jwt.expiresInSeconds).toBe(1800);
    const token = await jwt.sign({ userId: 'user-1', tokenVersion: 3, authTime: null });
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      exp: number;
      iat: number;
      jti: string;
    };
    expect(await jwt.verify(token)).toEqual({
      userId: 'user-1',
      tokenVersion: 3,
      tokenId: payload.jti,
      expiresAt: new Date(payload.exp * 1000),
      authTime: null,
    });
    expect(payload.exp - payload.iat).toBe(1800);
  });

  it('carries when the password was last proved (auth_time, whole seconds), absent when none was', async () => {
    const jwt = createJwt(keys, 30);
    const loggedInAt = new Date('2026-03-29T00:59:30.750Z');
    const token = await jwt.sign({ userId: 'user-1', tokenVersion: 0, authTime: loggedInAt });
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { auth_time: number };
    expect(payload.auth_time).toBe(Math.floor(loggedInAt.getTime() / 1000));
    expect((await jwt.verify(token))?.authTime).toEqual(new Date('2026-03-29T00:59:30.000Z'));
    const without = await jwt.sign({ userId: 'user-1', tokenVersion: 0, authTime: null });
    expect(
      Object.keys(JSON.parse(Buffer.from(without.split('.')[1] ?? '', 'base64url').toString()) as object),
    ).not.toContain('auth_time');
  });

  it('gives every token its own id, so one session can be revoked alone', async () => {
    const jwt = createJwt(keys, 30);
    const ids = await Promise.all(
      Array.from(
        { length: 5 },
        async () => (await jwt.verify(await jwt.sign({ userId: 'user-1', tokenVersion: 0, authTime: null })))?.tokenId,
      ),
    );
    expect(ids.every((id) => typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(5);
  });

  it('refuses an expired token', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-01T12:00:00Z') });
    const jwt = createJwt(keys, 5);
    const token = await jwt.sign({ userId: 'user-1', tokenVersion: 0, authTime: null });
    vi.setSystemTime(Date.parse('2026-03-01T12:04:50Z'));
    expect(await jwt.verify(token)).not.toBeNull();
    vi.setSystemTime(Date.parse('2026-03-01T12:05:01Z'));
    expect(await jwt.verify(token)).toBeNull();
  });

  it('refuses tokens signed with another key, altered, or not JWTs at all', async () => {
    const jwt = createJwt(keys, 60);
    const foreign = await createJwt(createServerKeys('another-secret-key-another-secret-key'), 60).sign({
      userId: 'user-1',
      tokenVersion: 0,
      authTime: null,
    });
    expect(await jwt.verify(foreign)).toBeNull();
    const token = await jwt.sign({ userId: 'user-1', tokenVersion: 0, authTime: null });
    const [header, , signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'admin', tv: 0, exp: 4_000_000_000 })).toString(
      'base64url',
    );
    expect(await jwt.verify(`${header}.${forgedPayload}.${signature}`)).toBeNull();
    for (const garbage of ['', 'a.b.c', 'not-a-token', `${token}x`]) {
      expect(await jwt.verify(garbage)).toBeNull();
    }
  });

  it('refuses tokens of ours without the expected claims', async () => {
    const jwt = createJwt(keys, 60);
    const withoutVersion = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-1')
      .setExpirationTime('5m')
      .sign(keys.derive('jwt'));
    expect(await jwt.verify(withoutVersion)).toBeNull();
    const withoutSubject = await new SignJWT({ tv: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(keys.derive('jwt'));
    expect(await jwt.verify(withoutSubject)).toBeNull();
    // Without an id a token could not be revoked on logout.
    const withoutId = await new SignJWT({ tv: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-1')
      .setExpirationTime('5m')
      .sign(keys.derive('jwt'));
    expect(await jwt.verify(withoutId)).toBeNull();
    // Another purpose's key is another key.
    const wrongPurpose = await new SignJWT({ tv: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-1')
      .setExpirationTime('5m')
      .sign(keys.derive('cache-keys'));
    expect(await jwt.verify(wrongPurpose)).toBeNull();
  });
});

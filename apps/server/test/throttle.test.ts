import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryCache } from '../src/cache/memory-cache.ts';
import { AppError } from '../src/http/app-error.ts';
import { createThrottle } from '../src/http/throttle.ts';
import { createServerKeys } from '../src/security/keys.ts';

const WINDOW_SECONDS = 900;

/** A throttle on a memory cache whose clock the test moves. */
function throttleWithClock() {
  const clock = { now: Date.parse('2026-03-01T10:00:00Z') };
  const cache = new MemoryCache(() => clock.now);
  const throttle = createThrottle(cache, WINDOW_SECONDS, createServerKeys(randomBytes(32).toString('base64url')));
  return { clock, throttle };
}

async function retryAfterOf(attempt: Promise<void>): Promise<number> {
  const error = await attempt.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) {
    throw new Error(`expected a 429, got ${String(error)}`);
  }
  expect(error.status).toBe(429);
  expect(error.code).toBe('TOO_MANY_ATTEMPTS');
  return Number(error.headers['retry-after']);
}

describe('throttle', () => {
  it('hit: Retry-After is the time left in the window', async () => {
    const { clock, throttle } = throttleWithClock();
    await throttle.hit('signup:ip:192.0.2.1', 2);
    clock.now += 100_000;
    await throttle.hit('signup:ip:192.0.2.1', 2);
    clock.now += 200_000;
    expect(await retryAfterOf(throttle.hit('signup:ip:192.0.2.1', 2))).toBe(600);
    clock.now += 600_000;
    await expect(throttle.hit('signup:ip:192.0.2.1', 2)).resolves.toBeUndefined();
  });

  it('check: Retry-After is the time left in the window, and the block still ends with it', async () => {
    const { clock, throttle } = throttleWithClock();
    const name = 'login:email:someone@example.org';
    await throttle.check(name, 2);
    await throttle.hit(name, 3);
    clock.now += 240_000;
    await throttle.hit(name, 3);
    await expect(throttle.check('login:email:other@example.org', 2)).resolves.toBeUndefined();
    clock.now += 60_000;
    expect(await retryAfterOf(throttle.check(name, 2))).toBe(600);
    clock.now += 599_500;
    // Blocked checks do not push the end of the window back.
    expect(await retryAfterOf(throttle.check(name, 2))).toBe(1);
    clock.now += 500;
    await expect(throttle.check(name, 2)).resolves.toBeUndefined();
  });

  it('reset clears the counter', async () => {
    const { throttle } = throttleWithClock();
    await throttle.hit('login:email:reset@example.org', 5);
    await throttle.hit('login:email:reset@example.org', 5);
    await expect(throttle.check('login:email:reset@example.org', 2)).rejects.toBeInstanceOf(AppError);
    await throttle.reset('login:email:reset@example.org');
    await expect(throttle.check('login:email:reset@example.org', 2)).resolves.toBeUndefined();
  });
});

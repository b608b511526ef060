import { randomBytes } from 'node:crypto';
import { addDays, parisToday } from '@med/core';
import { startEmulator } from '@med/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRONG_PASSWORD } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import { startLoadBalancer, type LoadBalancer } from './support/load-balancer.ts';
import { scrape, total } from './support/metrics-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const shared = backends.find((backend) => backend.databaseUrl && backend.redisUrl);
const PRM = '22516914714270'; // sandbox client 0: consumption with load curve
const NO_CACHE_LIMIT = 6;
// 10 weekly load-curve calls per batch read: two of them at once need 4 s at Enedis's 5 calls/s.
const BATCH_DAYS = 70;
const today = parisToday(new Date());

/**
 * Two instances over one PostgreSQL schema and one Valkey prefix, behind a round-robin load balancer on
 * loopback, and one Enedis emulator over real HTTP enforcing Enedis's 5 calls/s: a whole journey with
 * requests alternating between the instances behaves as on one instance.
 */
describe.skipIf(!shared)(
  'scale-out: two instances behind a load balancer (needs TEST_DATABASE_URL and TEST_REDIS_URL)',
  () => {
    let emulator: Awaited<ReturnType<typeof startEmulator>>;
    let instances: TestServer[];
    let balancer: LoadBalancer;
    let cookie = '';
    let jwt = '';
    const enedis = () => emulator.app.enedisEmulator;

    /** A request through the load balancer with the session cookie, if any. */
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${balancer.url}${path}`, {
        redirect: 'manual',
        ...init,
        headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string> | undefined) },
      });
    const json = (body: unknown): RequestInit => ({
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    const reading = (path: string) =>
      `/api/enedis/consumption/${path}/${PRM}?start=${addDays(today, path === 'daily' ? -30 : -BATCH_DAYS)}&end=${today}&use_cache=false`;

    beforeAll(async () => {
      if (!shared) {
        return;
      }
      emulator = await startEmulator({});
      // One SECRET_KEY for both: a session opened on one instance is valid on the other, as in production.
      const env = {
        SECRET_KEY: randomBytes(32).toString('base64url'),
        ENEDIS_BASE_URL: emulator.url,
        USER_DAILY_LIMIT_NO_CACHE: String(NO_CACHE_LIMIT),
        USER_DAILY_LIMIT_WITH_CACHE: '1000',
      };
      const first = await startTestServer(shared, env);
      instances = [first, await startTestServer(shared, env, { joinWith: first.storage })];
      const urls: string[] = [];
      for (const instance of instances) {
        await instance.app.listen({ host: '127.0.0.1', port: 0 });
        const address = instance.app.server.address();
        urls.push(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
      }
      balancer = await startLoadBalancer(urls);
    });
    afterAll(async () => {
      await balancer?.close();
      // The second instance first: the first one drops the shared schema and key prefix.
      for (const instance of [...(instances ?? [])].reverse()) {
        await instance.close();
      }
      await emulator?.close();
    });

    it('signs up on one instance and logs in on the other', async () => {
      const email = `scale-${Date.now()}@example.org`;
      const signup = await call('/api/accounts/signup', json({ email, password: STRONG_PASSWORD }));
      expect(signup.status, await signup.clone().text()).toBe(201);
      const login = await call('/api/accounts/login', json({ email, password: STRONG_PASSWORD }));
      expect(login.status).toBe(200);
      expect(balancer.served.at(-1)?.target).not.toBe(balancer.served.at(-2)?.target);
      cookie =
        (login.headers.getSetCookie().find((entry) => entry.startsWith('access_token=')) ?? '').split(';')[0] ?? '';
      jwt = ((await login.json()) as { data: { access_token: string } }).data.access_token;
      expect(cookie).toMatch(/^access_token=./);
      // The session works on both instances.
      for (let request = 0; request < 2; request += 1) {
        expect((await call('/api/accounts/me')).status).toBe(200);
      }
      expect(new Set(balancer.served.slice(-2).map((entry) => entry.target)).size).toBe(2);
    });

    it('gives consent with the callback landing on the other instance', async () => {
      const authorize = await call('/api/oauth/authorize');
      expect(authorize.status).toBe(200);
      const consentUrl = new URL(((await authorize.json()) as { data: { authorize_url: string } }).data.authorize_url);
      consentUrl.searchParams.set('auto_select', PRM);
      const atEnedis = await fetch(consentUrl, { redirect: 'manual' });
      expect(atEnedis.status).toBe(302);
      const back = new URL(atEnedis.headers.get('location') ?? '');
      const callback = await call(`${back.pathname}${back.search}`);
      expect(callback.status, await callback.clone().text()).toBe(302);
      expect(balancer.lastTargetOf('/api/oauth/callback')).not.toBe(balancer.lastTargetOf('/api/oauth/authorize'));
      expect(new URL(callback.headers.get('location') ?? '').searchParams.get('error')).toBeNull();
      // The meter is listed whichever instance answers.
      for (let request = 0; request < 2; request += 1) {
        const meters = await call('/api/pdl');
        expect(await meters.text()).toContain(PRM);
      }
    });

    it('shares the Enedis rate: two batch reads at once, one per instance, never exceed 5 calls/s', async () => {
      enedis().resetStats();
      const [one, two] = await Promise.all([call(reading('detail/batch')), call(reading('detail/batch'))]);
      expect([one.status, two.status]).toEqual([200, 200]);
      expect(new Set(balancer.served.slice(-2).map((entry) => entry.target)).size).toBe(2);
      const calls = enedis().stats.calls.filter((entry) => entry.route?.startsWith('/metering_data_'));
      expect(calls.length).toBeGreaterThanOrEqual(2 * Math.floor(BATCH_DAYS / 7));
      // Each instance pacing alone would send 10 calls/s: the emulator would answer 429.
      expect(enedis().stats.byStatus['429']).toBeUndefined();
      // The emulator stamps a call when it answers, so answer times jitter around the 200 ms slots: any
      // 2 s window holds at most 10 calls and one of margin (20 with a pacing per instance), and the
      // average rate over the whole run stays within 5 calls/s.
      const times = calls.map((entry) => Date.parse(entry.at)).sort((a, b) => a - b);
      const busiest = Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + 2000).length));
      expect(busiest).toBeLessThanOrEqual(11);
      const span = (times.at(-1)! - times[0]!) / 1000;
      expect((times.length - 1) / span).toBeLessThanOrEqual(5.2);
    });

    it('counts the daily quota once across both instances and refuses past it on either', async () => {
      const usage = await call('/api/accounts/usage-stats');
      const used = ((await usage.json()) as { data: { no_cache_requests: number } }).data.no_cache_requests;
      const left = NO_CACHE_LIMIT - used;
      expect(left).toBeGreaterThan(0);
      const statuses: { status: number; target: number }[] = [];
      for (let request = 0; request < left + 2; request += 1) {
        const response = await call(reading('daily'));
        statuses.push({ status: response.status, target: balancer.served.at(-1)?.target ?? -1 });
      }
      expect(statuses.slice(0, left).every((entry) => entry.status === 200)).toBe(true);
      const refused = statuses.slice(left);
      expect(refused.map((entry) => entry.status)).toEqual([429, 429]);
      expect(new Set(refused.map((entry) => entry.target)).size).toBe(2);
    });

    it('runs a scheduled slot once across both instances', async () => {
      const at = new Date();
      const outcomes = await Promise.all(
        instances.map((instance) => instance.deps.scheduler.trigger('housekeeping', { at })),
      );
      expect(outcomes.filter((outcome) => outcome === 'success')).toHaveLength(1);
      expect(
        outcomes
          .filter((outcome) => outcome !== 'success')
          .every((outcome) => outcome === 'busy' || outcome === 'done'),
      ).toBe(true);
      const runs = await instances[0]!.deps.db
        .selectFrom('job_runs')
        .select(['slot', 'outcome'])
        .where('job', '=', 'housekeeping')
        .execute();
      expect(runs).toEqual([expect.objectContaining({ outcome: 'success' })]);
      const counted = await Promise.all(
        instances.map(async (instance) => total(await scrape(instance), 'med_job_runs_total', { job: 'housekeeping' })),
      );
      expect(counted.reduce((sum, count) => sum + count, 0)).toBe(1);
    });

    it('logs out on one instance and the session and token are refused on both', async () => {
      expect((await call('/api/accounts/logout', { method: 'POST' })).status).toBeLessThan(300);
      const old = cookie;
      cookie = '';
      for (let request = 0; request < 2; request += 1) {
        expect((await call('/api/accounts/me', { headers: { cookie: old } })).status).toBe(401);
      }
      expect(new Set(balancer.served.slice(-2).map((entry) => entry.target)).size).toBe(2);
      for (let request = 0; request < 2; request += 1) {
        expect((await call('/api/accounts/me', { headers: { authorization: `Bearer ${jwt}` } })).status).toBe(401);
      }
    });
  },
);

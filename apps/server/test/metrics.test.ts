import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import { giveConsent } from './support/consent-helpers.ts';
import { enedisEmulator } from './support/metering-helpers.ts';
import { scrape, total, type Sample } from './support/metrics-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const PRM = '32320647321714';
const NO_CACHE_LIMIT = 4;

/**
 * What `/metrics` exposes beyond HTTP: Enedis calls, 429 answers and retries, metering calls served from
 * the cache or from Enedis, quota refusals and job runs, each read back from the scrape after the action.
 */
describe.each(backends)('Prometheus metrics on $name', (backend) => {
  let server: TestServer;
  let user: TestUser;
  const end = addDays(parisToday(new Date()), -40);
  const url = (cache: boolean) =>
    `/api/enedis/consumption/daily/${PRM}?start=${addDays(end, -7)}&end=${end}&use_cache=${String(cache)}`;
  const get = (cache: boolean) =>
    server.app.inject({ method: 'GET', url: url(cache), headers: { cookie: user.cookie } });

  beforeAll(async () => {
    server = await startTestServer(backend, {
      USER_DAILY_LIMIT_NO_CACHE: String(NO_CACHE_LIMIT),
      USER_DAILY_LIMIT_WITH_CACHE: '1000',
      ENEDIS_MAX_ATTEMPTS: '2',
    });
    user = await createUser(server, 'metrics');
    await giveConsent(server, user, [PRM]);
  });
  afterAll(() => server.close());

  const delta = (before: Sample[], after: Sample[], name: string, labels: Record<string, string> = {}) =>
    total(after, name, labels) - total(before, name, labels);

  it('counts metering calls by source and the Enedis calls behind them', async () => {
    const before = await scrape(server);
    expect((await get(false)).statusCode).toBe(200);
    expect((await get(true)).statusCode).toBe(200);
    expect((await get(true)).statusCode).toBe(200);
    const after = await scrape(server);
    expect(delta(before, after, 'med_metering_calls_total', { source: 'enedis' })).toBe(1);
    expect(delta(before, after, 'med_metering_calls_total', { source: 'cache' })).toBe(2);
    // The uncached read asked Enedis at least once; the cached ones not at all.
    expect(delta(before, after, 'med_enedis_events_total', { event: 'call' })).toBeGreaterThanOrEqual(1);
    expect(delta(before, after, 'med_enedis_events_total', { event: 'throttled' })).toBe(0);
  });

  it('counts Enedis 429 answers and retries', async () => {
    const before = await scrape(server);
    enedisEmulator(server).setFaults({ error429Rate: 1, targets: ['metering'] });
    try {
      expect((await get(false)).statusCode).toBe(503);
    } finally {
      enedisEmulator(server).setFaults({ error429Rate: 0 });
    }
    const after = await scrape(server);
    const throttled = delta(before, after, 'med_enedis_events_total', { event: 'throttled' });
    expect(throttled).toBeGreaterThanOrEqual(1);
    expect(delta(before, after, 'med_enedis_events_total', { event: 'call' })).toBe(throttled);
    expect(delta(before, after, 'med_enedis_events_total', { event: 'retry' })).toBeGreaterThanOrEqual(1);
  });

  it('counts quota refusals once each, by quota', async () => {
    const before = await scrape(server);
    const statuses: number[] = [];
    for (let call = 0; call < NO_CACHE_LIMIT + 2; call += 1) {
      statuses.push((await get(false)).statusCode);
    }
    const refused = statuses.filter((status) => status === 429).length;
    expect(refused).toBeGreaterThanOrEqual(2);
    const after = await scrape(server);
    expect(delta(before, after, 'med_quota_refusals_total', { quota: 'no_cache' })).toBe(refused);
    expect(delta(before, after, 'med_quota_refusals_total', { quota: 'cached' })).toBe(0);
    expect(delta(before, after, 'http_requests_total', { status: '429' })).toBe(refused);
  });

  it('counts job runs by job and outcome, with their duration', async () => {
    const before = await scrape(server);
    expect(await server.deps.scheduler.trigger('housekeeping')).toBe('success');
    // The same slot again is already done: not a run.
    expect(await server.deps.scheduler.trigger('housekeeping')).toBe('done');
    const after = await scrape(server);
    expect(delta(before, after, 'med_job_runs_total', { job: 'housekeeping', status: 'success' })).toBe(1);
    expect(delta(before, after, 'med_job_runs_total', { job: 'housekeeping', status: 'failure' })).toBe(0);
    expect(delta(before, after, 'med_job_duration_seconds_count', { job: 'housekeeping' })).toBe(1);
  });
});

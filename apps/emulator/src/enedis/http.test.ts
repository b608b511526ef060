/** The emulator over real loopback HTTP, as the server adapter uses it. */
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../app.ts';
import { NOW, PATHS, PRMS } from './test-support.ts';

let running: Awaited<ReturnType<typeof startEmulator>> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function token(url: string): Promise<string> {
  const response = await fetch(`${url}/oauth2/v3/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('med-emulator-client:med-emulator-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('over HTTP', () => {
  it('runs consent → token → data like the server will', async () => {
    running = await startEmulator({ now: () => NOW });
    const { url } = running;
    const consent = await fetch(`${url}/dataconnect/v1/oauth2/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['client_id', 'med-emulator-client'],
        ['response_type', 'code'],
        ['duration', 'P36M'],
        ['state', 'http-1'],
        ['redirect_uri', 'http://127.0.0.1:1/cb'],
        ['usage_point_id', PRMS.demoMain],
        ['usage_point_id', PRMS.demoSecondary],
      ]),
    });
    expect(consent.status).toBe(302);
    const redirect = new URL(consent.headers.get('location') ?? '');
    const prms = redirect.searchParams.get('usage_point_id')?.split(';') ?? [];
    expect(prms).toEqual([PRMS.demoMain, PRMS.demoSecondary]);

    const bearer = await token(url);
    const query = new URLSearchParams({ usage_point_id: prms[0] ?? '', start: '2025-10-27', end: '2025-11-03' });
    const curve = await fetch(`${url}${PATHS.consumptionLoadCurve}?${query.toString()}`, {
      headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
    });
    expect(curve.status).toBe(200);
    const body = (await curve.json()) as { meter_reading: { interval_reading: unknown[] } };
    expect(body.meter_reading.interval_reading).toHaveLength(7 * 48);
  });

  it('lets a client give up on a held request and still closes promptly', async () => {
    running = await startEmulator({ now: () => NOW, enedis: { faults: { timeoutRate: 1, timeoutMs: 60_000 } } });
    const { url } = running;
    const bearer = await token(url);
    const query = new URLSearchParams({ usage_point_id: PRMS.complete, start: '2025-11-01', end: '2025-11-02' });
    await expect(
      fetch(`${url}${PATHS.dailyConsumption}?${query.toString()}`, {
        headers: { authorization: `Bearer ${bearer}` },
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    const started = performance.now();
    await running.close();
    running = undefined;
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

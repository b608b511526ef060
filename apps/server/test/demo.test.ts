import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { sessionCookie } from './support/accounts-helpers.ts';
import type { MeterReadingBody } from './support/consent-helpers.ts';
import { enedisEmulator } from './support/metering-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

describe.each(backends)('demo account on $name', (backend) => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer(backend, { DEMO_ENABLED: 'true' });
    cookie = sessionCookie(await server.app.inject({ method: 'POST', url: '/api/accounts/demo' }));
  });
  afterAll(async () => server.close());

  it('shows three emulator meters: consumption, solar production and a secondary home', async () => {
    const list = await server.app.inject({ method: 'GET', url: '/api/pdl', headers: { cookie } });
    const pdls = list.json<{
      data: { usage_point_id: string; name: string; has_production: boolean; subscribed_power: number }[];
    }>().data;
    expect(pdls.map((pdl) => pdl.usage_point_id)).toEqual(['04004253849200', '04004253849201', '04004253849202']);
    expect(pdls.find((pdl) => pdl.usage_point_id === '04004253849201')?.has_production).toBe(true);
    expect(pdls.map((pdl) => pdl.subscribed_power)).toEqual([6, 9, 3]);
    const me = await server.app.inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ data: { is_demo: true } });
  });

  it('reads data but refuses every write', async () => {
    const today = parisToday(new Date());
    const daily = await server.app.inject({
      method: 'GET',
      url: `/api/enedis/consumption/daily/04004253849200?start=${addDays(today, -30)}&end=${today}&use_cache=true`,
      headers: { cookie },
    });
    expect(daily.json<MeterReadingBody>().data?.meter_reading.interval_reading).toHaveLength(30);
    const writes = [
      { method: 'POST' as const, url: '/api/pdl', payload: { usage_point_id: '11111111111111' } },
      { method: 'DELETE' as const, url: '/api/accounts/me', payload: {} },
      // Without a body either: the demo session is fresh, but a demo login proves no password.
      { method: 'DELETE' as const, url: '/api/accounts/me' },
      { method: 'POST' as const, url: '/api/accounts/regenerate-secret' },
      { method: 'GET' as const, url: '/api/oauth/authorize' },
      // Emptying the cache is a write too: the demo meters' cache is shared by every visitor.
      { method: 'DELETE' as const, url: '/api/enedis/cache/04004253849200' },
    ];
    for (const write of writes) {
      const response = await server.app.inject({ ...write, headers: { cookie } });
      expect(response.statusCode, write.url).toBe(403);
      expect(response.json(), write.url).toMatchObject({ error: { code: 'DEMO_READ_ONLY' } });
    }
    // Its cache is intact: the same read again makes no Enedis call.
    const callsBefore = enedisEmulator(server).stats.total;
    const again = await server.app.inject({
      method: 'GET',
      url: `/api/enedis/consumption/daily/04004253849200?start=${addDays(today, -30)}&end=${today}&use_cache=true`,
      headers: { cookie },
    });
    expect(again.json<MeterReadingBody>().data?.meter_reading.interval_reading).toHaveLength(30);
    expect(enedisEmulator(server).stats.total).toBe(callsBefore);
  });

  it('does not exist unless enabled', async () => {
    const [first] = backends;
    if (!first) {
      throw new Error('no backend');
    }
    const plain = await startTestServer(first);
    try {
      expect((await plain.app.inject({ method: 'POST', url: '/api/accounts/demo' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

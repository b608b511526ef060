import { randomUUID } from 'node:crypto';
import type { CostsResponse, EnergyOffer, EnergyProvider, Pdl, SimulatorResponse } from '@med/contracts';
import { addDays, parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProviderFile } from '../src/features/offers/catalogue-import.ts';
import { createUser, type TestUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import { baseRecord, providerFile } from './support/catalogue-helpers.ts';
import {
  gatewayPort,
  listenGateway,
  startClientTestServer,
  startRelay,
  type ClientTestServer,
} from './support/client-server.ts';
import { giveConsent } from './support/consent-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

// Sandbox client 3: a consumption PRM with a load curve.
const PRM = '12345678901234';

interface SyncStatus {
  last_sync_at: string | null;
  record_count: number;
  last_error: string | null;
}

/**
 * The offers catalogue in client mode, on both backends, against a real gateway: `/api/sync/offers` mirrors
 * the gateway's providers and offers (with their ids and price history) into the local catalogue, which
 * then answers `/api/energy/*` like the gateway; a price change lands as a new record with the old one
 * closed; a second sync changes nothing; with the gateway down the sync reports the error and the local
 * catalogue stays. A meter's offer is chosen locally and the costs are priced from the local store with
 * the same figures as the gateway's.
 */
describe.each(backends)('client mode: offers catalogue and costs on $name', (backend) => {
  let gateway: TestServer;
  let user: TestUser;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let client: ClientTestServer;
  const slug = `t-${randomUUID().slice(0, 8)}`;
  const today = parisToday(new Date());

  /** The answer's data without the instants each store sets for itself. */
  const data = <T>(payload: string) =>
    (
      JSON.parse(payload, (key, value: unknown) =>
        key === 'price_updated_at' || key === 'created_at' || key === 'timestamp' ? undefined : value,
      ) as { data: T }
    ).data;
  const fromClient = (url: string) => client.app.inject({ method: 'GET', url });
  const fromGateway = (url: string) => gateway.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });
  const syncNow = () => client.app.inject({ method: 'POST', url: '/api/sync/offers/now' });
  const status = async () => (await fromClient('/api/sync/offers/status')).json<{ data: SyncStatus }>().data;
  /** Every local catalogue row, as stored (timestamps included: a no-op sync must not touch them). */
  const localRows = () => client.deps.db.selectFrom('energy_offers').selectAll().orderBy('id').execute();
  const importOnGateway = (records: Parameters<typeof providerFile>[1]) =>
    gateway.deps.db
      .transaction()
      .execute((trx) =>
        importProviderFile(trx, providerFile(slug, records), { dryRun: false, now: new Date().toISOString() }),
      );

  beforeAll(async () => {
    gateway = await startTestServer(backend, { USER_DAILY_LIMIT_NO_CACHE: '1000' });
    await listenGateway(gateway);
    relay = await startRelay(gatewayPort(gateway));
    user = await createUser(gateway, 'offers');
    await giveConsent(gateway, user, [PRM]);
    await importOnGateway([baseRecord(slug, '2025-01-01')]);
    client = await startClientTestServer(backend, {
      MED_API_URL: relay.apiUrl,
      MED_CLIENT_ID: user.clientId,
      MED_CLIENT_SECRET: user.clientSecret,
    });
  }, 120_000);
  afterAll(async () => {
    await client.close();
    await relay.close();
    await gateway.close();
  });

  it('has no catalogue before its first sync, then serves the gateway’s providers and offers with their ids', async () => {
    expect(data<EnergyOffer[]>((await fromClient('/api/energy/offers')).body)).toEqual([]);
    const run = await syncNow();
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json<{ data: { outcome: string; detail: string } }>().data).toMatchObject({ outcome: 'success' });
    expect(await status()).toMatchObject({ last_sync_at: expect.any(String) as string, last_error: null });

    for (const url of ['/api/energy/providers', '/api/energy/offers', '/api/energy/offers?include_history=true']) {
      const local = await fromClient(url);
      const remote = await fromGateway(url);
      expect(local.statusCode, url).toBe(200);
      expect(data<unknown[]>(local.body).length, url).toBeGreaterThan(url.includes('providers') ? 5 : 100);
      expect(data<unknown>(local.body), url).toEqual(data<unknown>(remote.body));
    }
    const providers = data<EnergyProvider[]>((await fromClient('/api/energy/providers')).body);
    expect(providers.map((provider) => provider.slug)).toContain(slug);
  });

  it('takes a price change as a new record and closes the old one; a second sync changes nothing', async () => {
    await importOnGateway([
      baseRecord(slug, '2025-01-01'),
      baseRecord(slug, '2026-08-01', { prices: { base: 0.25 }, subscription_eur_per_month: 13 }),
    ]);
    const first = await syncNow();
    expect(first.json<{ data: { detail: string } }>().data.detail).toMatch(/1 created, 0 updated, 1 closed/);

    const history = data<EnergyOffer[]>((await fromClient('/api/energy/offers?include_history=true')).body).filter(
      (offer) => offer.record_id.startsWith(`${slug}:`),
    );
    expect(history.map((offer) => [offer.record_id, offer.valid_to, offer.prices])).toEqual([
      [`${slug}:simple:BASE:6:2026-08-01`, null, { base: 0.25 }],
      [`${slug}:simple:BASE:6:2025-01-01`, '2026-07-31', { base: 0.2 }],
    ]);
    const remote = data<EnergyOffer[]>((await fromGateway('/api/energy/offers?include_history=true')).body);
    expect(history.map((offer) => offer.id)).toEqual(
      remote.filter((offer) => offer.record_id.startsWith(`${slug}:`)).map((offer) => offer.id),
    );

    const before = await localRows();
    const second = await syncNow();
    expect(second.json<{ data: { detail: string } }>().data.detail).toMatch(/0 created, 0 updated, 0 closed/);
    expect(await localRows()).toEqual(before);
  });

  it('reports the error with the gateway down and keeps the local catalogue, then recovers', async () => {
    const before = await localRows();
    const offers = data<EnergyOffer[]>((await fromClient('/api/energy/offers?include_history=true')).body);
    await relay.down();
    try {
      const failed = await syncNow();
      expect(failed.statusCode).toBeGreaterThanOrEqual(500);
      const down = await status();
      expect(down.last_error).toEqual(expect.any(String));
      expect(down.record_count).toBe(before.length);
      expect(await localRows()).toEqual(before);
      expect(data<EnergyOffer[]>((await fromClient('/api/energy/offers?include_history=true')).body)).toEqual(offers);
    } finally {
      await relay.up();
    }
    expect((await syncNow()).statusCode).toBe(200);
    expect((await status()).last_error).toBeNull();
  });

  it('chooses a meter’s offer locally and prices the local readings like the gateway', async () => {
    await client.sync.syncMeters();
    const [meter] = (await fromClient('/api/pdl')).json<{ data: Pdl[] }>().data;
    expect(meter?.usage_point_id).toBe(PRM);
    const power = meter?.subscribed_power ?? 6;
    const offers = data<EnergyOffer[]>((await fromClient('/api/energy/offers')).body);
    const chosen = offers.find((offer) => offer.power_kva === power && offer.offer_type === 'HC_HP');
    const otherPower = offers.find((offer) => offer.power_kva !== power);
    expect(chosen).toBeDefined();

    const patch = (id: string, selected: string | null) =>
      client.app.inject({
        method: 'PATCH',
        url: `/api/pdl/${id}/selected-offer`,
        payload: { selected_offer_id: selected },
      });
    // Bad choices are refused with the gateway's codes, and nothing is recorded.
    expect((await patch('99999999999999', chosen?.id ?? '')).json()).toMatchObject({
      error: { code: 'PDL_NOT_FOUND' },
    });
    expect((await patch(PRM, randomUUID())).json()).toMatchObject({ error: { code: 'OFFER_NOT_FOUND' } });
    if (meter?.subscribed_power !== null && otherPower) {
      expect((await patch(PRM, otherPower.id)).json()).toMatchObject({ error: { code: 'OFFER_POWER_MISMATCH' } });
    }
    const costsUrl = `/api/costs/${PRM}?start=${addDays(today, -20)}&end=${addDays(today, -1)}`;
    expect((await fromClient(costsUrl)).json()).toMatchObject({ error: { code: 'OFFER_NOT_SELECTED' } });

    const chose = await patch(meter?.id ?? '', chosen?.id ?? '');
    expect(chose.statusCode, chose.body).toBe(200);
    expect(chose.json<{ data: Pdl }>().data.selected_offer_id).toBe(chosen?.id);
    // The choice outlives the next meter list from the gateway (which has none).
    await client.sync.syncMeters();
    const [kept] = (await fromClient('/api/pdl')).json<{ data: Pdl[] }>().data;
    expect(kept?.selected_offer_id).toBe(chosen?.id);

    const local = await fromClient(costsUrl);
    expect(local.statusCode, local.body).toBe(200);
    const remote = await fromGateway(`${costsUrl}&offer_id=${chosen?.id ?? ''}`);
    expect(remote.statusCode, remote.body).toBe(200);
    const costs = local.json<{ data: CostsResponse }>().data;
    expect(costs.total_eur).toBeGreaterThan(0);
    expect(costs).toEqual(remote.json<{ data: CostsResponse }>().data);

    const simulated = await client.app.inject({
      method: 'POST',
      url: '/api/simulator',
      payload: { usage_point_id: PRM, start: addDays(today, -20), end: addDays(today, -1) },
    });
    const remoteSimulated = await gateway.app.inject({
      method: 'POST',
      url: '/api/simulator',
      headers: { cookie: user.cookie },
      payload: { usage_point_id: PRM, start: addDays(today, -20), end: addDays(today, -1) },
    });
    expect(simulated.statusCode, simulated.body).toBe(200);
    // Same ranking and figures; only the local meter has a selected offer. Unpriceable offers tie: any order.
    const byKey = (list: SimulatorResponse['unavailable']) =>
      [...list].sort((a, b) => a.offer.key.localeCompare(b.offer.key));
    const localRun = data<SimulatorResponse>(simulated.body);
    const remoteRun = data<SimulatorResponse>(remoteSimulated.body);
    expect(localRun.offers.length).toBeGreaterThan(5);
    // difference_eur is against the selected offer, which only the local meter has.
    const ranked = (run: SimulatorResponse) => run.offers.map((offer) => ({ ...offer, difference_eur: null }));
    expect(ranked(localRun)).toEqual(ranked(remoteRun));
    expect(localRun.offers.find((offer) => offer.offer.key === costs.offer.key)?.difference_eur).toBe(0);
    expect(byKey(localRun.unavailable)).toEqual(byKey(remoteRun.unavailable));
    expect(localRun.selected_offer_key).toBe(costs.offer.key);
    expect(localRun.selected_total_eur).toBe(costs.total_eur);

    const cleared = await patch(PRM, null);
    expect(cleared.json<{ data: Pdl }>().data.selected_offer_id).toBeNull();
  });
});

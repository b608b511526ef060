import type { EnergyOffer, EnergyProvider, OfferTypeInfo, Pdl } from '@med/contracts';
import { parisToday } from '@med/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShippedDataSet, seedCatalogue } from '../src/features/offers/catalogue-seed.ts';
import { createUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import { createPdl, expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const dataSet = readShippedDataSet();
const RECORDS = dataSet.files.reduce((sum, file) => sum + file.offers.length, 0);

describe.each(backends)('offers catalogue on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => server.close());

  const get = async <T>(url: string, headers: Record<string, string> = {}) => {
    const response = await server.app.inject({ method: 'GET', url, headers });
    expect(response.statusCode, response.body).toBe(200);
    return { data: response.json<{ data: T }>().data, etag: response.headers.etag as string };
  };
  const count = async (table: 'energy_offers' | 'energy_providers') =>
    Number(
      (
        await server.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('loads the shipped data set at start: 11 providers, one row per record', async () => {
    expect(RECORDS).toBe(889);
    expect(await count('energy_providers')).toBe(11);
    expect(await count('energy_offers')).toBe(RECORDS);
    const { data: providers } = await get<EnergyProvider[]>('/api/energy/providers');
    expect(providers.map((provider) => provider.slug).sort()).toEqual(
      dataSet.files.map((file) => file.provider.slug).sort(),
    );
    expect(providers.find((provider) => provider.slug === 'edf')).toMatchObject({
      name: 'EDF',
      website: 'https://particulier.edf.fr',
      scraper_urls: [],
      is_active: true,
    });
  });

  it('applies a shipped version once: again, or from a second instance, changes nothing', async () => {
    expect(await seedCatalogue(server.deps.db, dataSet)).toEqual({ applied: false, created: 0, updated: 0, closed: 0 });
    const second = await startTestServer(backend, {}, { joinWith: server.storage });
    try {
      expect(await count('energy_offers')).toBe(RECORDS);
    } finally {
      await second.shutdown();
    }
  });

  it('serves every period with include_history, the reference price columns and the record id', async () => {
    const { data: all } = await get<EnergyOffer[]>('/api/energy/offers?include_history=true');
    expect(all).toHaveLength(RECORDS);
    const base6 = all.find((offer) => offer.record_id === 'edf:tarif-bleu:BASE:6:2025-08-01');
    expect(base6).toMatchObject({
      series_key: 'edf:tarif-bleu:BASE:6',
      provider_name: 'EDF',
      name: 'Tarif Bleu',
      offer_type: 'BASE',
      power_kva: 6,
      subscription_price: 15.47,
      base_price: 0.1952,
      hc_price: null,
      prices: { base: 0.1952 },
      hc_schedules: null,
      valid_from: '2025-08-01',
      valid_to: '2026-01-31',
      confidence: 'high',
      offer_url: 'https://particulier.edf.fr/content/dam/2-Actifs/Documents/Offres/Grille_prix_Tarif_Bleu.pdf',
      is_active: true,
    });
    const zenFlex = all.find((offer) => offer.offer_type === 'ZEN_FLEX');
    expect(zenFlex?.hc_price_winter).toBe(zenFlex?.prices.zen_flex_eco_hc);
    expect(zenFlex?.hp_price_summer).toBe(zenFlex?.prices.zen_flex_sobriety_hp);
    // Newest period first, as the reference.
    const starts = all.map((offer) => offer.valid_from);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it('by default lists only the records in force today', async () => {
    const today = parisToday(new Date());
    const { data: all } = await get<EnergyOffer[]>('/api/energy/offers?include_history=true');
    const { data: current } = await get<EnergyOffer[]>('/api/energy/offers');
    expect(current.length).toBeGreaterThan(0);
    expect(current.map((offer) => offer.id).sort()).toEqual(
      all
        .filter((offer) => offer.valid_to === null || offer.valid_to >= today)
        .map((offer) => offer.id)
        .sort(),
    );
  });

  it('filters by provider; an unknown provider is a 404', async () => {
    const { data: providers } = await get<EnergyProvider[]>('/api/energy/providers');
    const mint = providers.find((provider) => provider.slug === 'mint');
    const { data: offers } = await get<EnergyOffer[]>(
      `/api/energy/offers?provider_id=${mint?.id ?? ''}&include_history=1`,
    );
    expect(offers).toHaveLength(51);
    expect(new Set(offers.map((offer) => offer.provider_id))).toEqual(new Set([mint?.id]));
    expectError(
      await server.app.inject({ method: 'GET', url: '/api/energy/offers?provider_id=nope' }),
      404,
      'PROVIDER_NOT_FOUND',
    );
    expectError(
      await server.app.inject({ method: 'GET', url: '/api/energy/offers?include_history=maybe' }),
      422,
      'VALIDATION_ERROR',
      'include_history',
    );
  });

  it('describes every offer option of the data set (and keeps the reference alias)', async () => {
    const { data: types } = await get<OfferTypeInfo[]>('/api/energy/offer-types');
    expect(types.map((type) => type.code)).toEqual([
      'BASE',
      'HC_HP',
      'TEMPO',
      'EJP',
      'BASE_WEEKEND',
      'HC_WEEKEND',
      'HC_NUIT_WEEKEND',
      'SEASONAL',
      'ZEN_FLEX',
    ]);
    expect(types.find((type) => type.code === 'HC_HP')).toMatchObject({
      required_price_fields: ['subscription_price', 'hp_price', 'hc_price'],
      price_keys: ['hp', 'hc'],
    });
    const { data: alias } = await get<OfferTypeInfo[]>('/api/energy/pricing-types');
    expect(alias).toEqual(types);
  });

  it('answers 304 to a client whose copy is current (ETag of the data, not of the envelope)', async () => {
    for (const url of ['/api/energy/offers', '/api/energy/providers', '/api/energy/offer-types']) {
      const first = await server.app.inject({ method: 'GET', url });
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await server.app.inject({ method: 'GET', url });
      expect(again.headers.etag).toBe(etag);
      const cached = await server.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(cached.statusCode).toBe(304);
      expect(cached.body).toBe('');
      const stale = await server.app.inject({ method: 'GET', url, headers: { 'if-none-match': '"other"' } });
      expect(stale.statusCode).toBe(200);
    }
    const current = await server.app.inject({ method: 'GET', url: '/api/energy/offers' });
    const history = await server.app.inject({ method: 'GET', url: '/api/energy/offers?include_history=true' });
    expect(history.headers.etag).not.toBe(current.headers.etag);
  });

  describe('PATCH /api/pdl/{id}/selected-offer', () => {
    let owner: { cookie: string };
    let pdl: Pdl;
    let offers: EnergyOffer[];
    const select = (pdlId: string, selected: unknown, headers: Record<string, string> = owner) =>
      server.app.inject({
        method: 'PATCH',
        url: `/api/pdl/${pdlId}/selected-offer`,
        headers,
        payload: { selected_offer_id: selected },
      });
    const offer = (recordId: string): EnergyOffer => {
      const found = offers.find((candidate) => candidate.record_id === recordId);
      if (!found) {
        throw new Error(`no ${recordId}`);
      }
      return found;
    };
    beforeAll(async () => {
      owner = { cookie: (await createUser(server, 'offer-owner')).cookie };
      pdl = await createPdl(server, owner);
      offers = (await get<EnergyOffer[]>('/api/energy/offers?include_history=true')).data;
    });

    it('sets and clears the offer of my meter, leaving its contract option alone', async () => {
      const chosen = offer('edf:tarif-bleu:TEMPO:9:2026-02-01');
      const response = await select(pdl.id, chosen.id);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<{ data: Pdl }>().data).toMatchObject({
        id: pdl.id,
        selected_offer_id: chosen.id,
        pricing_option: null,
      });
      const read = await get<Pdl>(`/api/pdl/${pdl.id}`, owner);
      expect(read.data.selected_offer_id).toBe(chosen.id);
      const cleared = await select(pdl.id, null);
      expect(cleared.json<{ data: Pdl }>().data.selected_offer_id).toBeNull();
    });

    it('refuses an offer for another power than the meter’s', async () => {
      const contract = await server.app.inject({
        method: 'PATCH',
        url: `/api/pdl/${pdl.id}/contract`,
        headers: owner,
        payload: { subscribed_power: 6 },
      });
      expect(contract.statusCode, contract.body).toBe(200);
      expectError(
        await select(pdl.id, offer('edf:tarif-bleu:BASE:9:2025-08-01').id),
        422,
        'OFFER_POWER_MISMATCH',
        'selected_offer_id',
      );
      expect((await select(pdl.id, offer('edf:tarif-bleu:BASE:6:2025-08-01').id)).statusCode).toBe(200);
    });

    it('refuses an unknown offer and a bad body', async () => {
      expectError(await select(pdl.id, 'no-such-offer'), 404, 'OFFER_NOT_FOUND');
      expectError(await select(pdl.id, 42), 422, 'VALIDATION_ERROR', 'selected_offer_id');
    });

    it('as an attacker: another account’s meter is not found, no or forged token is 401', async () => {
      const attacker = { cookie: (await createUser(server, 'offer-attacker')).cookie };
      const chosen = offer('edf:tarif-bleu:BASE:6:2025-08-01').id;
      expect((await select(pdl.id, chosen)).statusCode).toBe(200);
      expectError(await select(pdl.id, null, attacker), 404, 'PDL_NOT_FOUND');
      expectError(await select(pdl.id, null, {}), 401, 'UNAUTHORIZED');
      expectError(await select(pdl.id, null, { authorization: 'Bearer a.b.c' }), 401, 'UNAUTHORIZED');
      const row = await server.deps.db
        .selectFrom('pdls')
        .select('selected_offer_id')
        .where('id', '=', pdl.id)
        .executeTakeFirstOrThrow();
      expect(row.selected_offer_id).toBe(chosen);
    });
  });

  it('a new version of the shipped data set adds its records and closes the periods they supersede', async () => {
    const next = structuredClone(dataSet);
    const edf = next.files.find((file) => file.provider.slug === 'edf');
    const open = edf?.offers.find((record) => record.id === 'edf:tarif-bleu:BASE:6:2026-02-01');
    if (!edf || !open) {
      throw new Error('EDF BASE 6 kVA 2026-02-01 missing from the data set');
    }
    expect(open.valid_to).toBeNull();
    edf.offers.push({
      ...open,
      id: 'edf:tarif-bleu:BASE:6:2026-08-01',
      valid_from: '2026-08-01',
      prices: { base: 0.2 },
    });
    expect(await seedCatalogue(server.deps.db, { ...next, sha256: 'next-version' })).toEqual({
      applied: true,
      created: 1,
      updated: 0,
      closed: 1,
    });
    const series = await server.deps.db
      .selectFrom('energy_offers')
      .select(['record_id', 'valid_from', 'valid_to', 'prices'])
      .where('series_key', '=', 'edf:tarif-bleu:BASE:6')
      .where('valid_from', '>=', '2026-02-01')
      .orderBy('valid_from')
      .execute();
    expect(series).toEqual([
      { record_id: open.id, valid_from: '2026-02-01', valid_to: '2026-07-31', prices: JSON.stringify(open.prices) },
      {
        record_id: 'edf:tarif-bleu:BASE:6:2026-08-01',
        valid_from: '2026-08-01',
        valid_to: null,
        prices: '{"base":0.2}',
      },
    ]);
  });
});

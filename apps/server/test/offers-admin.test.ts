import type { CatalogueImportResult, EnergyOffer, EnergyProvider } from '@med/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from './support/accounts-helpers.ts';
import { createAdmin } from './support/admin-helpers.ts';
import { backends } from './support/backends.ts';
import { baseRecord, freshCatalogueEntry, providerFile } from './support/catalogue-helpers.ts';
import { createPdl, expectError } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const ADMIN = 'catalogue-admin@example.org';

describe.each(backends)('admin catalogue on $name', (backend) => {
  let server: TestServer;
  let admin: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer(backend, { ADMIN_EMAILS: ADMIN });
    admin = { cookie: await createAdmin(server, ADMIN) };
  });
  afterAll(async () => server.close());

  const send = (method: 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, payload?: unknown, headers = admin) =>
    server.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const listed = async (query = 'include_history=true') =>
    (await server.app.inject({ method: 'GET', url: `/api/energy/offers?${query}` })).json<{ data: EnergyOffer[] }>()
      .data;
  const importFile = async (file: unknown, dryRun: boolean) => {
    const response = await send('POST', '/api/energy/catalogue/import', { dry_run: dryRun, file });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ data: CatalogueImportResult }>().data;
  };

  it('adds, renames and withdraws a provider; names and slugs stay unique', async () => {
    const created = await send('POST', '/api/energy/providers', {
      name: 'Énergie Écho',
      website: 'https://echo.example',
      scraper_urls: ['https://echo.example/grille.pdf'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const provider = created.json<{ data: EnergyProvider }>().data;
    expect(provider).toMatchObject({ slug: 'energie-echo', name: 'Énergie Écho', is_active: true });
    expectError(await send('POST', '/api/energy/providers', { name: 'Énergie Écho' }), 409, 'CONFLICT', 'name');
    expectError(
      await send('POST', '/api/energy/providers', { name: 'Autre', slug: 'energie-echo' }),
      409,
      'CONFLICT',
      'slug',
    );
    expectError(
      await send('POST', '/api/energy/providers', { name: 'X', website: 'javascript:alert(1)' }),
      422,
      'VALIDATION_ERROR',
      'website',
    );
    const renamed = await send('PUT', `/api/energy/providers/${provider.id}`, { name: 'Écho Énergie', logo_url: null });
    expect(renamed.json<{ data: EnergyProvider }>().data).toMatchObject({ name: 'Écho Énergie', slug: 'energie-echo' });
    expectError(await send('PUT', `/api/energy/providers/${provider.id}`, { slug: 'other' }), 422, 'VALIDATION_ERROR');

    expect((await send('DELETE', `/api/energy/providers/${provider.id}`)).statusCode).toBe(200);
    const providers = (await server.app.inject({ method: 'GET', url: '/api/energy/providers' })).json<{
      data: EnergyProvider[];
    }>().data;
    expect(providers.map((entry) => entry.id)).not.toContain(provider.id);
    expectError(await send('DELETE', `/api/energy/providers/${provider.id}`), 404, 'PROVIDER_NOT_FOUND');
    expectError(await send('PUT', '/api/energy/providers/nope', { name: 'Y' }), 404, 'PROVIDER_NOT_FOUND');
  });

  it('withdrawing a provider withdraws its offers, which can no longer be chosen', async () => {
    const { providerId, offerId } = await freshCatalogueEntry(server);
    expect((await listed()).map((offer) => offer.id)).toContain(offerId);
    expect((await send('DELETE', `/api/energy/providers/${providerId}`)).statusCode).toBe(200);
    expect((await listed()).map((offer) => offer.id)).not.toContain(offerId);
    const user = { cookie: (await createUser(server, 'withdrawn')).cookie };
    const pdl = await createPdl(server, user);
    expectError(
      await send('PATCH', `/api/pdl/${pdl.id}/selected-offer`, { selected_offer_id: offerId }, user),
      404,
      'OFFER_NOT_FOUND',
    );
  });

  it('corrects a record through the reference columns or the data-set keys, and refuses foreign keys', async () => {
    const { offerId } = await freshCatalogueEntry(server);
    const byColumn = await send('PUT', `/api/energy/offers/${offerId}`, { base_price: 0.2016, subscription_price: 13 });
    expect(byColumn.statusCode, byColumn.body).toBe(200);
    expect(byColumn.json<{ data: EnergyOffer }>().data).toMatchObject({
      base_price: 0.2016,
      prices: { base: 0.2016 },
      subscription_price: 13,
    });
    const byKey = await send('PUT', `/api/energy/offers/${offerId}`, {
      prices: { base: 0.1952 },
      description: 'Grille',
    });
    expect(byKey.json<{ data: EnergyOffer }>().data).toMatchObject({ base_price: 0.1952, description: 'Grille' });
    expectError(
      await send('PUT', `/api/energy/offers/${offerId}`, { prices: { hp: 0.2 } }),
      422,
      'VALIDATION_ERROR',
      'prices',
    );
    expectError(
      await send('PUT', `/api/energy/offers/${offerId}`, { valid_to: '2024-12-31' }),
      422,
      'VALIDATION_ERROR',
      'valid_to',
    );
    expectError(await send('PUT', '/api/energy/offers/nope', { name: 'x' }), 404, 'OFFER_NOT_FOUND');
  });

  it('withdraws one record: gone from listings, still in the table', async () => {
    const { offerId } = await freshCatalogueEntry(server);
    expect((await send('DELETE', `/api/energy/offers/${offerId}`)).statusCode).toBe(200);
    expect((await listed()).map((offer) => offer.id)).not.toContain(offerId);
    const row = await server.deps.db
      .selectFrom('energy_offers')
      .select('is_active')
      .where('id', '=', offerId)
      .executeTakeFirstOrThrow();
    expect(Boolean(row.is_active)).toBe(false);
    expectError(await send('DELETE', `/api/energy/offers/${offerId}`), 404, 'OFFER_NOT_FOUND');
  });

  it('imports a provider file: dry run changes nothing, apply creates and closes, history kept', async () => {
    const first = providerFile('imp', [
      baseRecord('imp', '2025-01-01'),
      baseRecord('imp', '2025-01-01', { power_kva: 9 }),
    ]);
    const dry = await importFile(first, true);
    expect(dry).toMatchObject({ dry_run: true, provider: { slug: 'imp', action: 'create' }, unchanged: 0 });
    expect(dry.create).toHaveLength(2);
    expect((await listed()).filter((offer) => offer.record_id.startsWith('imp:'))).toEqual([]);

    expect((await importFile(first, false)).create).toHaveLength(2);
    expect(await importFile(first, true)).toMatchObject({ create: [], update: [], close: [], unchanged: 2 });

    const next = providerFile('imp', [
      baseRecord('imp', '2025-08-01', { prices: { base: 0.19 } }),
      baseRecord('imp', '2025-01-01', { power_kva: 9, notes: 'corrigé' }),
    ]);
    const plan = await importFile(next, true);
    expect(plan).toMatchObject({
      provider: { action: 'unchanged' },
      create: [{ record_id: 'imp:simple:BASE:6:2025-08-01', valid_from: '2025-08-01', valid_to: null }],
      update: [{ record_id: 'imp:simple:BASE:9:2025-01-01', fields: ['notes'] }],
      close: [{ record_id: 'imp:simple:BASE:6:2025-01-01', valid_to: '2025-07-31' }],
    });
    expect(await importFile(next, false)).toEqual({ ...plan, dry_run: false });
    const series = (await listed())
      .filter((offer) => offer.series_key === 'imp:simple:BASE:6')
      .map((offer) => [offer.valid_from, offer.valid_to, offer.base_price]);
    expect(series).toEqual([
      ['2025-08-01', null, 0.19],
      ['2025-01-01', '2025-07-31', 0.2],
    ]);
    const closed = (await listed()).find((offer) => offer.record_id === 'imp:simple:BASE:6:2025-01-01');
    expectError(
      await send('PUT', `/api/energy/offers/${closed?.id ?? ''}`, { valid_to: null }),
      422,
      'CATALOGUE_CONFLICT',
      'valid_to',
    );
    const log = await server.deps.db
      .selectFrom('catalogue_imports')
      .select(['origin', 'user_id', 'summary'])
      .where('origin', '=', 'upload')
      .orderBy('created_at')
      .execute();
    expect(log.map((entry) => JSON.parse(entry.summary) as unknown)).toEqual([
      { create: 2, update: 0, close: 0 },
      { create: 1, update: 1, close: 1 },
    ]);
    expect(log.every((entry) => entry.user_id !== null)).toBe(true);
  });

  it('refuses a file that would overlap periods or breaks the schema, and writes nothing', async () => {
    const overlapping = providerFile('ovl', [
      baseRecord('ovl', '2025-01-01', { valid_to: '2025-12-31' }),
      baseRecord('ovl', '2025-06-01'),
    ]);
    expectError(
      await send('POST', '/api/energy/catalogue/import', { dry_run: false, file: overlapping }),
      422,
      'CATALOGUE_CONFLICT',
      'file',
    );
    const broken = providerFile('bad', [{ ...baseRecord('bad', '2025-01-01'), prices: { hp: 0.2 } }]);
    expectError(
      await send('POST', '/api/energy/catalogue/import', { dry_run: false, file: broken }),
      422,
      'VALIDATION_ERROR',
    );
    const stored = await server.deps.db
      .selectFrom('energy_providers')
      .select('slug')
      .where('slug', 'in', ['ovl', 'bad'])
      .execute();
    expect(stored).toEqual([]);
  });

  it('as an attacker: a visitor cannot write the catalogue (each role: the permission table)', async () => {
    const visitor = { cookie: (await createUser(server, 'cat-visitor')).cookie };
    const { providerId, offerId } = await freshCatalogueEntry(server);
    expectError(await send('PUT', `/api/energy/offers/${offerId}`, { base_price: 0 }, visitor), 403, 'FORBIDDEN');
    expectError(await send('DELETE', `/api/energy/providers/${providerId}`, undefined, visitor), 403, 'FORBIDDEN');
    expectError(
      await send('POST', '/api/energy/catalogue/import', { dry_run: false, file: providerFile('evil', []) }, visitor),
      403,
      'FORBIDDEN',
    );
    expectError(await send('PUT', `/api/energy/offers/${offerId}`, { base_price: 0 }, {}), 401, 'UNAUTHORIZED');
    const offer = (await listed()).find((entry) => entry.id === offerId);
    expect(offer?.base_price).toBe(0.2);
  });
});

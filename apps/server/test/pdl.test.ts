import type { Pdl } from '@med/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { createUser } from './support/accounts-helpers.ts';
import { countRows, createPdl, expectError, nextPrm, pdlRow } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const PDL_MESSAGE = 'Le numéro de PDL doit comporter exactement 14 chiffres.';

describe.each(backends)('pdl routes on $name', (backend) => {
  let server: TestServer;
  let headers: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer(backend);
    headers = { cookie: (await createUser(server, 'pdl')).cookie };
  });
  afterAll(async () => server.close());

  const patch = (id: string, route: string, payload: unknown, as = headers) =>
    server.app.inject({
      method: 'PATCH',
      url: `/api/pdl/${id}/${route}`,
      headers: as,
      payload: payload as Record<string, unknown>,
    });
  const list = async (as = headers) =>
    (await server.app.inject({ method: 'GET', url: '/api/pdl', headers: as })).json<{ data: Pdl[] }>().data;

  it('creates, lists, reads and deletes a meter', async () => {
    const own = { cookie: (await createUser(server)).cookie };
    expect(await list(own)).toEqual([]);
    const usagePointId = nextPrm();
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/pdl',
      headers: own,
      payload: { usage_point_id: ` ${usagePointId} `, name: '  Maison  ' },
    });
    expect(created.statusCode).toBe(201);
    const pdl = created.json<{ success: boolean; data: Pdl }>().data;
    expect(pdl).toMatchObject({
      usage_point_id: usagePointId,
      name: 'Maison',
      display_order: null,
      subscribed_power: null,
      offpeak_hours: null,
      pricing_option: null,
      has_consumption: true,
      has_production: false,
      is_active: true,
      linked_production_pdl_id: null,
    });
    expect(await list(own)).toEqual([pdl]);
    const one = await server.app.inject({ method: 'GET', url: `/api/pdl/${pdl.id}`, headers: own });
    expect(one.json<{ data: Pdl }>().data).toEqual(pdl);

    const removed = await server.app.inject({ method: 'DELETE', url: `/api/pdl/${pdl.id}`, headers: own });
    expect(removed.statusCode).toBe(200);
    expect(await pdlRow(server, pdl.id)).toBeUndefined();
    expectError(
      await server.app.inject({ method: 'GET', url: `/api/pdl/${pdl.id}`, headers: own }),
      404,
      'PDL_NOT_FOUND',
    );
    expectError(
      await server.app.inject({ method: 'DELETE', url: `/api/pdl/${pdl.id}`, headers: own }),
      404,
      'PDL_NOT_FOUND',
    );
    expect(await list(own)).toEqual([]);
  });

  it.each([
    ['13 digits', '1234567890123'],
    ['15 digits', '123456789012345'],
    ['a letter', '1234567890123A'],
    ['an inner space', '1234567 890123'],
    ['empty', ''],
    ['full-width digits', '１２３４５６７８９０１２３４'],
  ])('refuses a PDL with %s (422, French message) and inserts nothing', async (_label, usagePointId) => {
    const before = await countRows(server, 'pdls');
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/pdl',
      headers,
      payload: { usage_point_id: usagePointId },
    });
    expectError(response, 422, 'VALIDATION_ERROR', 'usage_point_id');
    expect(response.json<{ error: { message: string } }>().error.message).toBe(PDL_MESSAGE);
    expect(await countRows(server, 'pdls')).toBe(before);
  });

  it('adds a meter by hand as a private placeholder awaiting consent: 409 only for the same account', async () => {
    const pdl = await createPdl(server, headers);
    expect(pdl.consent_status).toBe('pending');
    expect(pdl.consent_granted_at).toBeNull();
    const other = { cookie: (await createUser(server)).cookie };
    // Another account listing the same number learns nothing about the first one (no 409).
    const theirs = await server.app.inject({
      method: 'POST',
      url: '/api/pdl',
      headers: other,
      payload: { usage_point_id: pdl.usage_point_id },
    });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json<{ data: Pdl }>().data.consent_status).toBe('pending');
    expectError(
      await server.app.inject({
        method: 'POST',
        url: '/api/pdl',
        headers,
        payload: { usage_point_id: pdl.usage_point_id },
      }),
      409,
      'PDL_ALREADY_EXISTS',
      'usage_point_id',
    );
    expect(await list(other)).toHaveLength(1);
    const rows = await server.deps.db
      .selectFrom('pdls')
      .select('user_id')
      .where('usage_point_id', '=', pdl.usage_point_id)
      .execute();
    expect(rows).toHaveLength(2);
  });

  it('lets exactly one of several concurrent additions of one PRM by one account through', async () => {
    const usagePointId = nextPrm();
    const responses = await Promise.all(
      [1, 2, 3, 4].map(() =>
        server.app.inject({ method: 'POST', url: '/api/pdl', headers, payload: { usage_point_id: usagePointId } }),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409, 409, 409]);
    for (const response of responses.filter((entry) => entry.statusCode === 409)) {
      expectError(response, 409, 'PDL_ALREADY_EXISTS');
    }
    expect(
      await server.deps.db.selectFrom('pdls').select('id').where('usage_point_id', '=', usagePointId).execute(),
    ).toHaveLength(1);
  });

  it('renames, trims, clears the name, and refuses empty or too long names', async () => {
    const pdl = await createPdl(server, headers, { name: 'Avant' });
    const renamed = await patch(pdl.id, 'name', { name: '  Garage  ' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<{ data: Pdl }>().data.name).toBe('Garage');
    expectError(await patch(pdl.id, 'name', { name: '   ' }), 422, 'VALIDATION_ERROR', 'name');
    expectError(await patch(pdl.id, 'name', { name: 'x'.repeat(101) }), 422, 'VALIDATION_ERROR', 'name');
    expect((await pdlRow(server, pdl.id))?.name).toBe('Garage');
    const cleared = await patch(pdl.id, 'name', { name: null });
    expect(cleared.json<{ data: Pdl }>().data.name).toBeNull();
    expect((await pdlRow(server, pdl.id))?.name).toBeNull();
  });

  it('sets the consumption/production flags and refuses both false', async () => {
    const pdl = await createPdl(server, headers);
    const both = await patch(pdl.id, 'type', { has_consumption: true, has_production: true });
    expect(both.json<{ data: Pdl }>().data).toMatchObject({ has_consumption: true, has_production: true });
    const production = await patch(pdl.id, 'type', { has_consumption: false, has_production: true });
    expect(production.json<{ data: Pdl }>().data).toMatchObject({ has_consumption: false, has_production: true });
    const before = await pdlRow(server, pdl.id);
    expectError(
      await patch(pdl.id, 'type', { has_consumption: false, has_production: false }),
      422,
      'VALIDATION_ERROR',
      'has_consumption',
    );
    expect(await pdlRow(server, pdl.id)).toEqual(before);
    expectError(await patch(pdl.id, 'type', { has_consumption: true }), 422, 'VALIDATION_ERROR', 'has_production');
  });

  it('deactivates and reactivates a meter', async () => {
    const pdl = await createPdl(server, headers);
    expect((await patch(pdl.id, 'active', { is_active: false })).json<{ data: Pdl }>().data.is_active).toBe(false);
    expect(
      (await server.app.inject({ method: 'GET', url: `/api/pdl/${pdl.id}`, headers })).json<{ data: Pdl }>().data
        .is_active,
    ).toBe(false);
    expect((await patch(pdl.id, 'active', { is_active: true })).json<{ data: Pdl }>().data.is_active).toBe(true);
    expectError(await patch(pdl.id, 'active', { is_active: 'yes' }), 422, 'VALIDATION_ERROR', 'is_active');
  });

  it('accepts every pricing option and null, and refuses anything else', async () => {
    const pdl = await createPdl(server, headers);
    for (const option of ['BASE', 'HC_HP', 'TEMPO', 'EJP', 'HC_WEEKEND']) {
      const response = await patch(pdl.id, 'pricing-option', { pricing_option: option });
      expect(response.json<{ data: Pdl }>().data.pricing_option, option).toBe(option);
    }
    for (const invalid of ['base', 'HPHC', '', 3]) {
      expectError(
        await patch(pdl.id, 'pricing-option', { pricing_option: invalid }),
        422,
        'VALIDATION_ERROR',
        'pricing_option',
      );
    }
    expect((await pdlRow(server, pdl.id))?.pricing_option).toBe('HC_WEEKEND');
    expect(
      (await patch(pdl.id, 'pricing-option', { pricing_option: null })).json<{ data: Pdl }>().data.pricing_option,
    ).toBeNull();
  });

  it('stores the contract from the list and {ranges} forms, field by field', async () => {
    const pdl = await createPdl(server, headers);
    const listForm = await patch(pdl.id, 'contract', {
      subscribed_power: 9,
      offpeak_hours: ['22:00-06:00', '12:00-14:00'],
    });
    expect(listForm.statusCode).toBe(200);
    expect(listForm.json<{ data: Pdl }>().data).toMatchObject({
      subscribed_power: 9,
      offpeak_hours: { ranges: ['22:00-06:00', '12:00-14:00'] },
    });
    expect(JSON.parse((await pdlRow(server, pdl.id))?.offpeak_hours ?? 'null')).toEqual({
      ranges: ['22:00-06:00', '12:00-14:00'],
    });

    const objectForm = await patch(pdl.id, 'contract', { offpeak_hours: { ranges: ['01:30-07:30'] } });
    // Only the fields sent change.
    expect(objectForm.json<{ data: Pdl }>().data).toMatchObject({
      subscribed_power: 9,
      offpeak_hours: { ranges: ['01:30-07:30'] },
    });
    const powerOnly = await patch(pdl.id, 'contract', { subscribed_power: 12 });
    expect(powerOnly.json<{ data: Pdl }>().data).toMatchObject({
      subscribed_power: 12,
      offpeak_hours: { ranges: ['01:30-07:30'] },
    });
    const cleared = await patch(pdl.id, 'contract', { subscribed_power: null, offpeak_hours: null });
    expect(cleared.json<{ data: Pdl }>().data).toMatchObject({ subscribed_power: null, offpeak_hours: null });
  });

  it('refuses malformed contracts and changes nothing', async () => {
    const pdl = await createPdl(server, headers);
    await patch(pdl.id, 'contract', { subscribed_power: 6, offpeak_hours: ['22:00-06:00'] });
    const before = await pdlRow(server, pdl.id);
    expectError(
      await patch(pdl.id, 'contract', { offpeak_hours: ['22h00-06h00'] }),
      422,
      'VALIDATION_ERROR',
      'offpeak_hours.0',
    );
    expectError(
      await patch(pdl.id, 'contract', { offpeak_hours: { ranges: ['22:00-24:00'] } }),
      422,
      'VALIDATION_ERROR',
      'offpeak_hours.ranges.0',
    );
    expectError(
      await patch(pdl.id, 'contract', { offpeak_hours: Array.from({ length: 9 }, () => '01:00-02:00') }),
      422,
      'VALIDATION_ERROR',
      'offpeak_hours',
    );
    expectError(
      await patch(pdl.id, 'contract', { offpeak_hours: { default: 'HC (22H00-6H00)' } }),
      422,
      'VALIDATION_ERROR',
    );
    for (const power of [0, 37, 6.5, '6']) {
      expectError(
        await patch(pdl.id, 'contract', { subscribed_power: power }),
        422,
        'VALIDATION_ERROR',
        'subscribed_power',
      );
    }
    expect(await pdlRow(server, pdl.id)).toEqual(before);
  });

  it('reorders meters: the order is kept by GET, and an unknown id changes nothing', async () => {
    const own = { cookie: (await createUser(server)).cookie };
    const [a, b, c] = [await createPdl(server, own), await createPdl(server, own), await createPdl(server, own)];
    if (!a || !b || !c) {
      throw new Error('setup');
    }
    const reordered = await server.app.inject({
      method: 'PATCH',
      url: '/api/pdl/reorder',
      headers: own,
      payload: {
        pdl_orders: [
          { id: c.id, order: 0 },
          { id: a.id, order: 1 },
          { id: b.id, order: 2 },
        ],
      },
    });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json<{ data: Pdl[] }>().data.map((pdl) => pdl.id)).toEqual([c.id, a.id, b.id]);
    expect((await list(own)).map((pdl) => [pdl.id, pdl.display_order])).toEqual([
      [c.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);

    // The unknown id comes last: a non-atomic implementation would already have moved a and b.
    const rejected = await server.app.inject({
      method: 'PATCH',
      url: '/api/pdl/reorder',
      headers: own,
      payload: {
        pdl_orders: [
          { id: a.id, order: 5 },
          { id: b.id, order: 4 },
          { id: '00000000-0000-4000-8000-000000000000', order: 3 },
        ],
      },
    });
    expectError(rejected, 404, 'PDL_NOT_FOUND');
    expect((await list(own)).map((pdl) => [pdl.id, pdl.display_order])).toEqual([
      [c.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);
    expectError(
      await server.app.inject({
        method: 'PATCH',
        url: '/api/pdl/reorder',
        headers: own,
        payload: { pdl_orders: [{ id: a.id, order: -1 }] },
      }),
      422,
      'VALIDATION_ERROR',
      'pdl_orders.0.order',
    );
  });

  it('links a production meter, refuses itself and non-production targets, and unlinks with null', async () => {
    const consumption = await createPdl(server, headers);
    const production = await createPdl(server, headers);
    const plain = await createPdl(server, headers);
    await patch(production.id, 'type', { has_consumption: false, has_production: true });

    const linked = await patch(consumption.id, 'link-production', { linked_production_pdl_id: production.id });
    expect(linked.statusCode).toBe(200);
    expect(linked.json<{ data: Pdl }>().data.linked_production_pdl_id).toBe(production.id);

    expectError(
      await patch(consumption.id, 'link-production', { linked_production_pdl_id: consumption.id }),
      422,
      'PDL_LINK_INVALID',
      'linked_production_pdl_id',
    );
    expectError(
      await patch(consumption.id, 'link-production', { linked_production_pdl_id: plain.id }),
      422,
      'PDL_LINK_INVALID',
      'linked_production_pdl_id',
    );
    // A production-only source cannot carry a production link.
    expectError(
      await patch(production.id, 'link-production', { linked_production_pdl_id: production.id }),
      422,
      'PDL_LINK_INVALID',
    );
    expectError(
      await patch(consumption.id, 'link-production', {
        linked_production_pdl_id: '00000000-0000-4000-8000-000000000000',
      }),
      404,
      'PDL_NOT_FOUND',
    );
    expect((await pdlRow(server, consumption.id))?.linked_production_pdl_id).toBe(production.id);

    const unlinked = await patch(consumption.id, 'link-production', { linked_production_pdl_id: null });
    expect(unlinked.json<{ data: Pdl }>().data.linked_production_pdl_id).toBeNull();
    expect((await pdlRow(server, consumption.id))?.linked_production_pdl_id).toBeNull();
  });

  it('drops the link when the production meter is deleted', async () => {
    const consumption = await createPdl(server, headers);
    const production = await createPdl(server, headers);
    await patch(production.id, 'type', { has_consumption: false, has_production: true });
    await patch(consumption.id, 'link-production', { linked_production_pdl_id: production.id });
    expect((await server.app.inject({ method: 'DELETE', url: `/api/pdl/${production.id}`, headers })).statusCode).toBe(
      200,
    );
    const after = await server.app.inject({ method: 'GET', url: `/api/pdl/${consumption.id}`, headers });
    expect(after.json<{ data: Pdl }>().data.linked_production_pdl_id).toBeNull();
  });

  it('lists explicit display_order first (nulls last), then newest first', async () => {
    const own = { cookie: (await createUser(server)).cookie };
    const pdls: Pdl[] = [];
    for (let index = 0; index < 5; index += 1) {
      pdls.push(await createPdl(server, own));
    }
    const [p0, p1, p2, p3, p4] = pdls as [Pdl, Pdl, Pdl, Pdl, Pdl];
    // Creation instants fixed explicitly so the order never depends on timing.
    const createdAt = [
      '2024-01-01T00:00:00.000Z',
      '2024-03-01T00:00:00.000Z',
      '2024-02-01T00:00:00.000Z',
      '2024-05-01T00:00:00.000Z',
      '2024-04-01T00:00:00.000Z',
    ];
    for (const [index, pdl] of pdls.entries()) {
      await server.deps.db
        .updateTable('pdls')
        .set({ created_at: createdAt[index] ?? '' })
        .where('id', '=', pdl.id)
        .execute();
    }
    await server.app.inject({
      method: 'PATCH',
      url: '/api/pdl/reorder',
      headers: own,
      payload: {
        pdl_orders: [
          { id: p0.id, order: 7 },
          { id: p4.id, order: 3 },
        ],
      },
    });
    // Ordered: p4 (3), p0 (7); then unordered newest first: p3 (May), p1 (March), p2 (February).
    expect((await list(own)).map((pdl) => pdl.id)).toEqual([p4.id, p0.id, p3.id, p1.id, p2.id]);
  });
});

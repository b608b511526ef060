import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { getWithToken, PATHS, PRMS, testEmulator } from '../test-support.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testEmulator({
    meters: [
      {
        prm: '30000000000099',
        subscribedKva: 9,
        offpeakHours: ['23:00-07:30'],
        activationDate: '2020-01-15',
        preConsented: true,
        customer: { email: null },
      },
    ],
  });
});
afterAll(() => app.close());

async function get(path: string, usagePointId: string) {
  const response = await getWithToken(app, path, { usage_point_id: usagePointId });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

describe('customer endpoints (reference §A6)', () => {
  it('contract', async () => {
    const { status, body } = await get(PATHS.contracts, PRMS.activated20190827);
    expect(status).toBe(200);
    expect(body).toEqual({
      customer: {
        customer_id: expect.stringMatching(/^\d{10}$/) as unknown,
        usage_points: [
          {
            usage_point: { usage_point_id: PRMS.activated20190827, usage_point_status: 'com', meter_type: 'AMM' },
            contracts: {
              segment: 'C5',
              subscribed_power: '6 kVA',
              last_activation_date: '2019-08-27+02:00',
              distribution_tariff: 'BTINFCUDT',
              offpeak_hours: 'HC (23H00-7H00)',
              contract_type: 'Contrat GRD-F',
              contract_status: 'SERVC',
              last_distribution_tariff_change_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}\+0[12]:00$/) as unknown,
            },
          },
        ],
      },
    });
  });

  it('writes winter activation dates with +01:00, two off-peak ranges and base contracts', async () => {
    const configured = await get(PATHS.contracts, '30000000000099');
    expect(configured.body).toMatchObject({
      customer: {
        usage_points: [
          {
            contracts: {
              last_activation_date: '2020-01-15+01:00',
              subscribed_power: '9 kVA',
              offpeak_hours: 'HC (23H00-7H30)',
            },
          },
        ],
      },
    });
    const twoRanges = await get(PATHS.contracts, PRMS.client3Consumption);
    expect(twoRanges.body).toMatchObject({
      customer: { usage_points: [{ contracts: { offpeak_hours: 'HC (1H30-7H30;12H30-14H30)' } }] },
    });
    const base = await get(PATHS.contracts, PRMS.noLoadCurve);
    expect(base.body).toMatchObject({
      customer: { usage_points: [{ contracts: { offpeak_hours: null, distribution_tariff: 'BTINFCUST' } }] },
    });
  });

  it('address', async () => {
    const { status, body } = await get(PATHS.addresses, PRMS.complete);
    expect(status).toBe(200);
    expect(body).toEqual({
      customer: {
        customer_id: expect.any(String) as unknown,
        usage_points: [
          {
            usage_point: {
              usage_point_id: PRMS.complete,
              usage_point_status: 'com',
              meter_type: 'AMM',
              usage_point_addresses: {
                street: "1 rue de l'homologation",
                locality: null,
                postal_code: '60000',
                insee_code: '60057',
                city: 'BEAUVAIS',
                country: 'France',
                geo_points: { latitude: '49.429500', longitude: '2.080700', altitude: '67' },
              },
            },
          },
        ],
      },
    });
  });

  it('identity and contact share the customer id of the contract', async () => {
    const contract = await get(PATHS.contracts, PRMS.complete);
    const identity = await get(PATHS.identity, PRMS.complete);
    const contact = await get(PATHS.contact, PRMS.complete);
    const customerId = (contract.body.customer as { customer_id: string }).customer_id;
    expect(identity.body).toEqual({
      customer_id: customerId,
      identity: {
        natural_person: {
          title: expect.stringMatching(/^(M|Mme)$/) as unknown,
          firstname: expect.any(String) as unknown,
          lastname: expect.any(String) as unknown,
        },
      },
    });
    expect(contact.body).toEqual({
      customer_id: customerId,
      contact_data: {
        phone: expect.stringMatching(/^0\d{9}$/) as unknown,
        email: expect.stringContaining('@') as unknown,
      },
    });
  });

  it('gives the three PRMs of sandbox client 7 one customer, and omits contact fields left empty', async () => {
    const ids = await Promise.all(
      ['64975835695673', '63695879465986', '22315546958763'].map(
        async (prm) => (await get(PATHS.identity, prm)).body.customer_id,
      ),
    );
    expect(new Set(ids).size).toBe(1);
    expect((await get(PATHS.contact, '30000000000099')).body.contact_data).toEqual({
      phone: expect.any(String) as unknown,
    });
  });

  it('exists only for consumption PRMs, with consent', async () => {
    for (const path of [PATHS.contracts, PATHS.addresses, PATHS.identity, PATHS.contact]) {
      expect(await get(path, PRMS.productionOnly)).toMatchObject({ status: 400, body: { error: 'ADAM-ERR0069' } });
      expect(await get(path, PRMS.demoMain)).toMatchObject({ status: 403, body: { error: 'ADAM-DC-0008' } });
      expect(await get(path, '123')).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    }
  });
});

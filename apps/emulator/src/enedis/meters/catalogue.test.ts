import { describe, expect, it } from 'vitest';
import { buildCatalogue, defineMeter } from './catalogue.ts';

describe('defineMeter', () => {
  it('derives stable defaults from the PRM alone', () => {
    const meter = defineMeter({ prm: '30000000000001' });
    expect(meter).toMatchObject({
      directions: ['consumption'],
      subscribedKva: 6,
      offpeakHours: ['22:00-06:00'],
      loadCurve: true,
      stepMinutes: 30,
      preConsented: false,
      revoked: false,
    });
    expect(meter.activationDate).toMatch(/^2018-0\d-1\d$/);
    expect(meter.customer.customerId).toMatch(/^\d{10}$/);
    expect(defineMeter({ prm: '30000000000001' })).toEqual(meter);
    expect(defineMeter({ prm: '30000000000002' }).customer).not.toEqual(meter.customer);
  });

  it('rejects bad input with the field name', () => {
    expect(() => defineMeter({ prm: '123' })).toThrow(/14 digits/);
    expect(() => defineMeter({ prm: '30000000000001', activationDate: '2020-02-30' })).toThrow(/activationDate/);
    expect(() => defineMeter({ prm: '30000000000001', stepMinutes: 7 })).toThrow(/stepMinutes/);
    expect(() => defineMeter({ prm: '30000000000001', offpeakHours: ['22h-6h'] })).toThrow(/off-peak/);
    expect(() => defineMeter({ prm: '30000000000001', subscribedKva: 0 })).toThrow(/subscribedKva/);
    expect(() => defineMeter({ prm: '30000000000001', directions: [] })).toThrow(/directions/);
  });
});

describe('buildCatalogue', () => {
  it('holds the sandbox clients, the demo meters and configured meters, a configured PRM winning', () => {
    const catalogue = buildCatalogue({
      includeSandboxMeters: true,
      sandboxPreConsented: true,
      includeDemoMeters: true,
      meters: [{ prm: '22516914714270', subscribedKva: 12 }],
    });
    expect(catalogue.all()).toHaveLength(12 + 3);
    expect(catalogue.get('22516914714270')?.subscribedKva).toBe(12);
    expect(catalogue.sandboxClientPrms(7)).toEqual(['64975835695673', '63695879465986', '22315546958763']);
    expect(catalogue.sandboxClientPrms(0)).toEqual([]);
    expect(catalogue.groups().map((g) => g.title)).toContain('Compteurs configurés');
    expect(catalogue.get('26584978546985')?.revoked).toBe(true);
    expect(catalogue.get('04004253849200')?.preConsented).toBe(false);
  });

  it('can leave out the built-in meters', () => {
    const catalogue = buildCatalogue({
      includeSandboxMeters: false,
      sandboxPreConsented: true,
      includeDemoMeters: false,
      meters: [],
    });
    expect(catalogue.all()).toEqual([]);
  });
});

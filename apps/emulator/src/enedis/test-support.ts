/**
 * Helpers shared by the Enedis emulator tests: an emulator with a pinned clock and no quotas, a bearer
 * header, and typed GETs. Not imported by production code.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildEmulator } from '../app.ts';
import type { EnedisEmulatorOptions } from './plugin.ts';

/** Wednesday 5 November 2025, 11:00 in Paris: today = 2025-11-05, D-1 = 2025-11-04. */
export const NOW = new Date('2025-11-05T10:00:00Z');

/** Builds an emulator at `now` with quotas off unless the test turns them on. */
export async function testEmulator(enedis: EnedisEmulatorOptions = {}, now: Date | (() => Date) = NOW) {
  const clock = typeof now === 'function' ? now : () => now;
  return buildEmulator({ now: clock, enedis: { ...enedis, rateLimit: { enabled: false, ...enedis.rateLimit } } });
}

/** `Authorization` header with a fresh token of the default client. */
export function bearer(app: FastifyInstance): { authorization: string } {
  return { authorization: `Bearer ${app.enedisEmulator.issueToken()}` };
}

/** GET `path?query` with a valid token. */
export function getWithToken(
  app: FastifyInstance,
  path: string,
  query: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: path, query, headers: bearer(app) });
}

export interface Reading {
  value: string;
  date: string;
  interval_length?: string;
  measure_type?: string;
}

export interface MeterReadingBody {
  meter_reading: {
    usage_point_id: string;
    start: string;
    end: string;
    quality: string;
    reading_type: Record<string, string>;
    interval_reading: Reading[];
  };
}

/** The `interval_reading` of a successful metering call (fails the test otherwise). */
export async function readings(
  app: FastifyInstance,
  path: string,
  usagePointId: string,
  start: string,
  end: string,
): Promise<Reading[]> {
  const response = await getWithToken(app, path, { usage_point_id: usagePointId, start, end });
  if (response.statusCode !== 200) {
    throw new Error(`${path} ${start}→${end}: ${response.statusCode} ${response.body}`);
  }
  return response.json<MeterReadingBody>().meter_reading.interval_reading;
}

export const PATHS = {
  dailyConsumption: '/metering_data_dc/v5/daily_consumption',
  consumptionLoadCurve: '/metering_data_clc/v5/consumption_load_curve',
  maxPower: '/metering_data_dcmp/v5/daily_consumption_max_power',
  dailyProduction: '/metering_data_dp/v5/daily_production',
  productionLoadCurve: '/metering_data_plc/v5/production_load_curve',
  contracts: '/customers_upc/v5/usage_points/contracts',
  addresses: '/customers_upa/v5/usage_points/addresses',
  identity: '/customers_i/v5/identity',
  contact: '/customers_cd/v5/contact_data',
} as const;

/** Sandbox and demo PRMs used across the tests. */
export const PRMS = {
  complete: '22516914714270',
  activated20190827: '11453290002823',
  noLoadCurve: '32320647321714',
  client3Consumption: '12345678901234',
  client3Production: '10284856584123',
  holes: '42900589957123',
  productionOnly: '24880057139941',
  selfConsumption: '12655648759651',
  revoked: '26584978546985',
  demoMain: '04004253849200',
  demoSolar: '04004253849201',
  demoSecondary: '04004253849202',
} as const;

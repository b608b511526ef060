import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/**
 * The reference gateway's field names and units where its own web app and clients read them
 * (upstream-reference §1.1, §1.4): one test per route, asserting the names, not our extras.
 */
describe.each(backends)('reference contract on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => server.close());

  const get = async (url: string) => {
    const response = await server.app.inject({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json<Record<string, unknown>>();
  };

  it('GET /api/ping: raw {status, version, timestamp}', async () => {
    const body = await get('/api/ping');
    expect(Object.keys(body).sort()).toEqual(['status', 'timestamp', 'version']);
    expect(body.status).toBe('ok');
    expect(body.version).toBe(server.config.version);
    expect(Number.isNaN(Date.parse(String(body.timestamp)))).toBe(false);
  });

  it('GET /api/: raw {name, version, description, documentation}', async () => {
    for (const url of ['/api/', '/api']) {
      const body = await get(url);
      expect(Object.keys(body).sort()).toEqual(['description', 'documentation', 'name', 'version']);
      expect(typeof body.name).toBe('string');
      expect(typeof body.description).toBe('string');
      expect(body.version).toBe(server.config.version);
      expect(body.documentation).toBe('/api/docs');
    }
  });

  it('GET /api/tempo/forecast: probability_* in percent, confidence high|medium|low', async () => {
    const body = await get('/api/tempo/forecast?days=3');
    const forecasts = (body.data as { forecasts: Record<string, unknown>[] }).forecasts;
    expect(forecasts.length).toBe(3);
    for (const day of forecasts) {
      expect(Object.keys(day)).toEqual(
        expect.arrayContaining([
          'date',
          'day_in_season',
          'probability_blue',
          'probability_white',
          'probability_red',
          'most_likely',
          'confidence',
          'threshold_white_red',
          'threshold_red',
          'normalized_consumption',
          'forecast_type',
          'factors',
        ]),
      );
      const percents = [day.probability_blue, day.probability_white, day.probability_red] as number[];
      for (const value of percents) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
      }
      expect(percents.reduce((sum, value) => sum + value, 0)).toBeCloseTo(100, 6);
      expect(['high', 'medium', 'low']).toContain(day.confidence);
    }
  });

  it('GET /api/ecowatt/statistics: percentage_green|orange|red', async () => {
    const body = await get(`/api/ecowatt/statistics?year=${new Date().getUTCFullYear()}`);
    const stats = body.data as Record<string, number>;
    expect(Object.keys(stats)).toEqual(
      expect.arrayContaining([
        'year',
        'total_days',
        'green_days',
        'orange_days',
        'red_days',
        'percentage_green',
        'percentage_orange',
        'percentage_red',
      ]),
    );
    if (stats.total_days && stats.total_days > 0) {
      expect((stats.percentage_green ?? 0) + (stats.percentage_orange ?? 0) + (stats.percentage_red ?? 0)).toBeCloseTo(
        100,
        0,
      );
    }
  });
});

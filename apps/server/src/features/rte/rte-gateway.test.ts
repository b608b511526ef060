import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { MemoryCache } from '../../cache/memory-cache.ts';
import { ConfigError, loadConfig } from '../../config/config.ts';
import { createServerKeys } from '../../security/keys.ts';
import { createEnedisGateway } from '../enedis/enedis-gateway.ts';
import { createRteGateway, RTE_PRODUCTION_URL } from './rte-gateway.ts';

const base = {
  NODE_ENV: 'test',
  SECRET_KEY: 'k'.repeat(40),
  DATA_DIR: '/tmp/med-rte-gateway-test',
  LOG_LEVEL: 'silent',
};
const log = pino({ level: 'silent' });

async function gateways(env: Record<string, string>) {
  const config = loadConfig({ ...base, ...env });
  const enedis = await createEnedisGateway({
    config,
    cache: new MemoryCache(),
    keys: createServerKeys(config.secretKey),
    log,
  });
  return { config, enedis, rte: createRteGateway({ config, enedis, log }) };
}

describe('RTE connection choice', () => {
  it('without credentials: the emulator embedded in this process, with its call counters', async () => {
    const { enedis, rte } = await gateways({});
    try {
      expect(rte).toMatchObject({ mode: 'emulator', configured: false, baseUrl: enedis.embeddedEmulatorUrl });
      expect(rte.emulator).toBe(enedis.rteEmulator);
      await rte.api.tempo('2026-01-05', '2026-01-06');
      expect(rte.emulator?.stats.total).toBe(2); // token + one calendar call
    } finally {
      await enedis.close();
    }
  });

  it('without credentials but with RTE_BASE_URL: that emulator, and none started for RTE', async () => {
    const { enedis, rte } = await gateways({
      RTE_BASE_URL: 'http://127.0.0.1:9/',
      ENEDIS_ENVIRONMENT: 'emulator',
      ENEDIS_BASE_URL: 'http://127.0.0.1:9',
    });
    try {
      expect(enedis.embeddedEmulatorUrl).toBeUndefined();
      expect(rte).toMatchObject({ mode: 'emulator', baseUrl: 'http://127.0.0.1:9', emulator: undefined });
    } finally {
      await enedis.close();
    }
  });

  it('with credentials: RTE’s host by default', async () => {
    const { enedis, rte } = await gateways({
      RTE_CLIENT_ID: 'app',
      RTE_CLIENT_SECRET: 'secret',
      ENEDIS_ENVIRONMENT: 'emulator',
      ENEDIS_BASE_URL: 'http://127.0.0.1:9',
    });
    try {
      expect(rte).toMatchObject({ mode: 'rte', configured: true, baseUrl: RTE_PRODUCTION_URL, emulator: undefined });
    } finally {
      await enedis.close();
    }
  });

  it('refuses an id without a secret, and inverted retry bounds', () => {
    expect(() => loadConfig({ ...base, RTE_CLIENT_ID: 'app' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, JOBS_RETRY_MIN_SECONDS: '60', JOBS_RETRY_MAX_SECONDS: '30' })).toThrow(
      /JOBS_RETRY_MAX_SECONDS/,
    );
    expect(loadConfig({ ...base, JOBS_ENABLED: 'false' }).jobs).toEqual({
      enabled: false,
      retryMinMs: 30_000,
      retryMaxMs: 1_800_000,
    });
  });
});

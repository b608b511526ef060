import { describe, expect, it } from 'vitest';
import { enedisOptionsFromEnv } from './env.ts';

describe('enedisOptionsFromEnv', () => {
  it('keeps the defaults when nothing is set', () => {
    expect(enedisOptionsFromEnv({})).toEqual({
      clients: [
        {
          clientId: 'med-emulator-client',
          clientSecret: 'med-emulator-secret',
          redirectUri: 'http://localhost:8000/api/oauth/callback',
        },
      ],
      latency: {},
      faults: {},
      rateLimit: {},
    });
  });

  it('reads every documented variable', () => {
    const options = enedisOptionsFromEnv({
      EMULATOR_CLIENT_ID: 'id',
      EMULATOR_CLIENT_SECRET: 'secret',
      EMULATOR_REDIRECT_URI: 'http://127.0.0.1:3000/cb',
      EMULATOR_LATENCY_MS: '120',
      EMULATOR_LATENCY_JITTER_MS: '30',
      EMULATOR_FAULT_RATE: '0.1',
      EMULATOR_FAULT_503_RATE: '0.05',
      EMULATOR_FAULT_429_RATE: '0.02',
      EMULATOR_FAULT_TIMEOUT_RATE: '0.01',
      EMULATOR_FAULT_TRUNCATE_RATE: '0.01',
      EMULATOR_FAULT_TIMEOUT_MS: '5000',
      EMULATOR_FAULT_SEED: '7',
      EMULATOR_FAULT_TARGETS: 'token, metering',
      EMULATOR_RATE_LIMIT: 'off',
      EMULATOR_RATE_PER_SECOND: '10',
      EMULATOR_RATE_PER_HOUR: '20000',
      EMULATOR_REQUIRE_CONSENT: 'false',
      EMULATOR_AUTO_SELECT: '04004253849200;04004253849201',
      EMULATOR_PUBLICATION_HOUR: '8',
      EMULATOR_DST_STAMPING: 'end-instant',
    });
    expect(options).toEqual({
      clients: [{ clientId: 'id', clientSecret: 'secret', redirectUri: 'http://127.0.0.1:3000/cb' }],
      latency: { fixedMs: 120, jitterMs: 30 },
      faults: {
        error500Rate: 0.1,
        error503Rate: 0.05,
        error429Rate: 0.02,
        timeoutRate: 0.01,
        truncatedRate: 0.01,
        timeoutMs: 5000,
        seed: 7,
        targets: ['token', 'metering'],
      },
      rateLimit: { enabled: false, perSecond: 10, perHour: 20000 },
      requireConsent: false,
      autoSelect: ['04004253849200', '04004253849201'],
      publicationHour: 8,
      dstStamping: 'end-instant',
    });
    expect(enedisOptionsFromEnv({ EMULATOR_AUTO_SELECT: 'state' }).autoSelect).toBe('state');
  });

  it('names the variable of a malformed value', () => {
    expect(() => enedisOptionsFromEnv({ EMULATOR_FAULT_RATE: '2' })).toThrow(/EMULATOR_FAULT_RATE/);
    expect(() => enedisOptionsFromEnv({ EMULATOR_LATENCY_MS: 'fast' })).toThrow(/EMULATOR_LATENCY_MS/);
    expect(() => enedisOptionsFromEnv({ EMULATOR_RATE_LIMIT: 'maybe' })).toThrow(/EMULATOR_RATE_LIMIT/);
    expect(() => enedisOptionsFromEnv({ EMULATOR_FAULT_TARGETS: 'all' })).toThrow(/EMULATOR_FAULT_TARGETS/);
    expect(() => enedisOptionsFromEnv({ EMULATOR_DST_STAMPING: 'local' })).toThrow(/EMULATOR_DST_STAMPING/);
  });
});

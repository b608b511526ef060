import type { EnedisGateway } from '../features/enedis/enedis-gateway.ts';
import type { JobDefinition } from './scheduler.ts';

/**
 * Renews the gateway's Enedis token ahead of expiry (every 10 minutes; the provider only calls Enedis
 * when its token is within 5 minutes of expiring), so user requests never wait for the token call.
 */
export function enedisTokenJob(gateway: EnedisGateway): JobDefinition {
  return {
    name: 'enedis-token',
    schedule: ['*/10 * * * *'],
    jitterMs: 30_000,
    timeoutMs: 60_000,
    run: async () => {
      await gateway.main.tokens.refreshIfNeeded();
      return 'Enedis token fresh';
    },
  };
}

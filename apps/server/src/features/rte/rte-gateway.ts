import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config/config.ts';
import type { EnedisGateway } from '../enedis/enedis-gateway.ts';
import { createRteApi, type RteApi } from './rte-api.ts';
import { createRteClient, type RteClient } from './rte.client.ts';

export const RTE_PRODUCTION_URL = 'https://digital.iservices.rte-france.com';

/** The emulator's default RTE application (apps/emulator/src/rte/options.ts; a test keeps them in step). */
export const RTE_EMULATOR_CLIENT = {
  clientId: 'med-rte-emulator-client',
  clientSecret: 'med-rte-emulator-secret',
} as const;

export interface RteGateway {
  api: RteApi;
  /** Same API with one attempt per call and its own token: the admin connection test wants RTE's raw answer. */
  probe: RteApi;
  client: RteClient;
  /** `rte` with credentials; `emulator` otherwise (embedded, or the one at RTE_BASE_URL). */
  mode: 'rte' | 'emulator';
  /** RTE credentials are configured. */
  configured: boolean;
  /** Which of RTE_CLIENT_ID / RTE_CLIENT_SECRET are set (the reference reports each). */
  credentials: { clientId: boolean; clientSecret: boolean };
  baseUrl: string;
  /** Control of the embedded emulator when that is what answers (tests count calls and inject faults). */
  emulator: EnedisGateway['rteEmulator'];
}

/**
 * Connects to RTE. Same switch as Enedis: without `RTE_CLIENT_ID` the emulator answers with its own
 * application credentials, by default the one the Enedis gateway started in this process.
 */
export function createRteGateway(options: {
  config: Config;
  enedis: EnedisGateway;
  log: FastifyBaseLogger;
}): RteGateway {
  const { rte } = options.config;
  const embedded = options.enedis.embeddedEmulatorUrl;
  const baseUrl = rte.baseUrl ?? (rte.useEmulator ? embedded : RTE_PRODUCTION_URL);
  if (!baseUrl) {
    throw new Error('RTE emulator expected but none was started (no RTE_CLIENT_ID and no RTE_BASE_URL)');
  }
  const credentials = rte.useEmulator
    ? RTE_EMULATOR_CLIENT
    : { clientId: rte.clientId ?? '', clientSecret: rte.clientSecret ?? '' };
  const client = createRteClient({
    baseUrl,
    ...credentials,
    timeoutMs: rte.timeoutMs,
    maxAttempts: rte.maxAttempts,
    log: options.log,
  });
  const probe = createRteClient({
    baseUrl,
    ...credentials,
    timeoutMs: Math.min(rte.timeoutMs, 15_000),
    maxAttempts: 1,
    log: options.log,
  });
  return {
    api: createRteApi(client),
    probe: createRteApi(probe),
    client,
    mode: rte.useEmulator ? 'emulator' : 'rte',
    configured: !rte.useEmulator,
    credentials: { clientId: Boolean(rte.clientId), clientSecret: Boolean(rte.clientSecret) },
    baseUrl,
    emulator: baseUrl === embedded ? options.enedis.rteEmulator : undefined,
  };
}

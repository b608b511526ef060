import { toBool } from '../../db/database.ts';
import { startEmulator, type EnedisEmulatorControl } from '@med/emulator';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { CachePort } from '../../cache/cache.port.ts';
import type { Config } from '../../config/config.ts';
import type { AuthUser } from '../../http/auth.ts';
import type { ServerKeys } from '../../security/keys.ts';
import { createEnedisApi, type EnedisApi } from './enedis-api.ts';
import { createEnedisHttp, type EnedisHttp, type EnedisHttpOptions } from './enedis-http.ts';
import { createEnedisPacer, TOKEN_LANE } from './enedis-pacer.ts';
import { createTokenProvider, type TokenProvider } from './enedis-token.ts';

const HOSTS = {
  production: {
    api: 'https://gw.ext.prod.api.enedis.fr',
    authorize: 'https://mon-compte-particulier.enedis.fr/dataconnect/v1/oauth2/authorize',
  },
  sandbox: {
    api: 'https://gw.ext.prod-sandbox.api.enedis.fr',
    authorize: 'https://gw.ext.prod-sandbox.api.enedis.fr/dataconnect/v1/oauth2/authorize',
  },
} as const;

/** The embedded emulator's registered application (see apps/emulator). */
export const EMULATOR_CLIENT = { clientId: 'med-emulator-client', clientSecret: 'med-emulator-secret' } as const;

interface Connection {
  /** Calls made on nobody's behalf (the system lane). */
  api: EnedisApi;
  /** Calls made for one user: paced on that user's lane, so users share the rate fairly. */
  apiForLane(lane: string, debug?: boolean): EnedisApi;
  http: EnedisHttp;
  tokens: TokenProvider;
  baseUrl: string;
  authorizeUrl: string;
  clientId: string;
}

export interface EnedisGateway {
  /** The connection every real user goes through. */
  main: Connection;
  /** The API a given user reads through: the demo account always reads emulator meters. */
  apiFor(user: AuthUser): EnedisApi;
  /** The connection of the demo account's meters (always the embedded emulator). */
  demoApi: EnedisApi;
  /** Base URL of the embedded emulator when one runs (emulator environment or demo). */
  emulatorUrl: string | undefined;
  /** Control of the embedded emulator (tests and benchmarks steer faults and read call counts). */
  emulator: EnedisEmulatorControl | undefined;
  /** Base URL of the emulator started in this process, if any (the RTE adapter reuses it without RTE credentials). */
  embeddedEmulatorUrl: string | undefined;
  /** RTE side of that embedded emulator (call counters, faults). */
  rteEmulator: FastifyInstance['rteEmulator'] | undefined;
  close(): Promise<void>;
}

/**
 * Connects to Enedis Data Connect. In the `emulator` environment (the default without credentials)
 * the emulator starts on loopback and is reached over real HTTP by exactly the production adapter.
 */
export async function createEnedisGateway(options: {
  config: Config;
  cache: CachePort;
  keys: ServerKeys;
  log: FastifyBaseLogger;
  /** Told of every Enedis HTTP attempt, 429, 5xx answer and retry (usage counters). */
  onEvent?: EnedisHttpOptions['onEvent'];
}): Promise<EnedisGateway> {
  const { config } = options;
  const needsEmulator = config.enedis.environment === 'emulator' || config.demoEnabled;
  // RTE without credentials and without RTE_BASE_URL is served by the same embedded emulator process.
  const rteNeedsEmulator = config.rte.useEmulator && !config.rte.baseUrl;
  const emulator =
    (needsEmulator && !(config.enedis.environment === 'emulator' && config.enedis.baseUrl)) || rteNeedsEmulator
      ? await startEmulator({
          enedis: {
            clients: [{ ...EMULATOR_CLIENT, redirectUri: config.enedis.redirectUri }],
            latency: { fixedMs: config.enedis.emulatorLatencyMs },
          },
        })
      : undefined;

  const connect = (
    baseUrl: string,
    authorizeUrl: string,
    clientId: string,
    clientSecret: string,
    cacheScope: string,
  ): Connection => {
    // The one rate limiter of this upstream, shared by data and token calls of every instance.
    const pacer = createEnedisPacer({
      cache: options.cache,
      scope: cacheScope,
      ratePerSecond: config.enedis.ratePerSecond,
    });
    const tokens = createTokenProvider({
      tokenUrl: `${baseUrl}/oauth2/v3/token`,
      clientId,
      clientSecret,
      timeoutMs: config.enedis.timeoutMs,
      cache: options.cache,
      keys: options.keys,
      scope: cacheScope,
      pace: () => pacer.turn(TOKEN_LANE),
    });
    const http = createEnedisHttp({
      baseUrl,
      tokens,
      pacer,
      timeoutMs: config.enedis.timeoutMs,
      maxAttempts: config.enedis.maxAttempts,
      log: options.log,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    return {
      api: createEnedisApi(http),
      apiForLane: (lane, debug) => createEnedisApi(http, lane, debug),
      http,
      tokens,
      baseUrl,
      authorizeUrl,
      clientId,
    };
  };

  const emulatorConnection = (baseUrl: string) =>
    connect(
      baseUrl,
      config.enedis.authorizeUrl ?? `${baseUrl}/dataconnect/v1/oauth2/authorize`,
      config.enedis.clientId ?? EMULATOR_CLIENT.clientId,
      config.enedis.clientSecret ?? EMULATOR_CLIENT.clientSecret,
      'emulator',
    );

  let main: Connection;
  if (config.enedis.environment === 'emulator') {
    main = emulatorConnection(config.enedis.baseUrl ?? emulator?.url ?? '');
  } else {
    const hosts = HOSTS[config.enedis.environment];
    main = connect(
      config.enedis.baseUrl ?? hosts.api,
      config.enedis.authorizeUrl ?? hosts.authorize,
      config.enedis.clientId ?? '',
      config.enedis.clientSecret ?? '',
      config.enedis.environment,
    );
  }
  const demo = config.enedis.environment === 'emulator' ? main : emulator ? emulatorConnection(emulator.url) : main;
  // A lane per user, named by a keyed hash so no account id shows in the shared cache's key names.
  const laneOf = (user: AuthUser) => options.keys.hmac('cache-keys', `enedis-lane:${user.id}`).slice(0, 22);

  return {
    main,
    apiFor: (user) => (user.isDemo ? demo : main).apiForLane(laneOf(user), toBool(user.row.debug_mode)),
    demoApi: demo.api,
    emulatorUrl: emulator?.url ?? (config.enedis.environment === 'emulator' ? config.enedis.baseUrl : undefined),
    emulator: emulator?.app.enedisEmulator,
    embeddedEmulatorUrl: emulator?.url,
    rteEmulator: emulator?.app.rteEmulator,
    async close() {
      await emulator?.close();
    },
  };
}

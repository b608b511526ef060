/**
 * Standalone emulator (`npm run emulator`): Enedis Data Connect v5 and RTE on one loopback port.
 *
 * Environment: `PORT` (8090), `HOST` (127.0.0.1), `EMULATOR_NOW` (ISO instant: pin the clock, e.g. for
 * a demo on a DST day), `EMULATOR_LOG` (`true`: request logs), the Enedis variables listed in
 * `enedis/env.ts` (`EMULATOR_LATENCY_MS` and `EMULATOR_FAULT_RATE` also apply to RTE) and the RTE ones in
 * `rte/env.ts` (`EMULATOR_TEMPO_PUBLICATION_TIME`, `HH:MM` Paris: when tomorrow's Tempo colour appears).
 */
import { startEmulator } from './app.ts';
import { enedisOptionsFromEnv } from './enedis/env.ts';
import { AUTHORIZE_PATH } from './enedis/consent/authorize-routes.ts';
import { rteOptionsFromEnv } from './rte/env.ts';
import { DEFAULT_RTE_OPTIONS } from './rte/options.ts';

function fail(message: string): never {
  process.stderr.write(`emulator: ${message}\n`);
  process.exit(1);
}

function readPort(raw: string | undefined): number {
  const port = Number(raw ?? 8090);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    fail(`PORT must be an integer 0–65535, got "${raw}"`);
  }
  return port;
}

function readNow(raw: string | undefined): (() => Date) | undefined {
  if (raw === undefined || raw === '') {
    return undefined;
  }
  const pinned = new Date(raw);
  if (Number.isNaN(pinned.getTime())) {
    fail(`EMULATOR_NOW must be an ISO instant, got "${raw}"`);
  }
  return () => pinned;
}

async function main(): Promise<void> {
  const env = process.env;
  let enedis;
  let rte;
  try {
    enedis = enedisOptionsFromEnv(env);
    rte = rteOptionsFromEnv(env);
  } catch (error) {
    fail((error as Error).message);
  }
  const now = readNow(env.EMULATOR_NOW);
  const rteFaults = {
    ...(enedis.latency?.fixedMs === undefined ? {} : { latencyMs: enedis.latency.fixedMs }),
    ...(enedis.faults?.error500Rate === undefined ? {} : { rate500: enedis.faults.error500Rate }),
  };

  const { app, url, close } = await startEmulator({
    port: readPort(env.PORT),
    host: env.HOST ?? '127.0.0.1',
    logger: env.EMULATOR_LOG === 'true',
    ...(now ? { now } : {}),
    enedis,
    rte: { ...rte, faults: rteFaults },
  });

  const client = app.enedisEmulator.client;
  process.stdout.write(
    [
      `MyElectricalData emulator listening on ${url}`,
      '',
      'Enedis Data Connect v5',
      `  token:        POST ${url}/oauth2/v3/token`,
      `  consent page: ${url}${AUTHORIZE_PATH}?client_id=${client.clientId}&response_type=code&duration=P36M&state=demo`,
      `  client_id:     ${client.clientId}`,
      `  client_secret: ${client.clientSecret}`,
      `  redirect_uri:  ${client.redirectUri}`,
      '',
      'RTE',
      `  token:        POST ${url}/token/oauth/`,
      `  client_id:     ${DEFAULT_RTE_OPTIONS.clientId}`,
      `  client_secret: ${DEFAULT_RTE_OPTIONS.clientSecret}`,
      `  Tempo D+1 published at ${rte.tempoPublicationTime ?? DEFAULT_RTE_OPTIONS.tempoPublicationTime} (Paris)`,
      now ? `\nClock pinned at ${now().toISOString()}` : '',
      '',
    ].join('\n'),
  );

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) {
      return;
    }
    closing = true;
    process.stdout.write(`\n${signal} received, closing the emulator…\n`);
    close().then(
      () => process.exit(0),
      (error: unknown) => fail(`error while closing: ${String(error)}`),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));

import { ConfigError, loadConfig } from './config/config.ts';
import { startServices } from './bootstrap.ts';
import { startClientServices } from './client-bootstrap.ts';

/** Time left after the drain timeout for the jobs, the cache and the database to close. */
const CLOSE_MARGIN_MS = 10_000;

/** Process entry point: start everything, listen, and shut down cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // The gateway (multi-user, Enedis) or the local client (one household, synced from a gateway).
  const services = config.serverMode ? await startServices(config) : await startClientServices(config);
  const { app } = services;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      // A second Ctrl-C means "now".
      app.log.warn({ signal }, 'second signal while shutting down; exiting at once');
      process.exit(1);
    }
    stopping = true;
    app.log.info(
      {
        signal,
        inFlight: services.deps.drain.inFlight,
        delayMs: config.http.shutdownDelayMs,
        timeoutMs: config.http.shutdownTimeoutMs,
      },
      'shutting down: /ready answers 503, then in-flight requests are drained',
    );
    // The drain is bounded; this is the backstop should anything after it hang (a stuck pool, say).
    setTimeout(
      () => {
        app.log.error('shutdown did not finish in time; exiting');
        process.exit(1);
      },
      config.http.shutdownDelayMs + config.http.shutdownTimeoutMs + CLOSE_MARGIN_MS,
    ).unref();
    try {
      await services.close();
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ host: config.http.host, port: config.http.port });
  const port = app.server.address();
  const shownPort = typeof port === 'object' && port ? port.port : config.http.port;
  app.log.info(
    `MyElectricalData ${config.version} (${config.serverMode ? 'gateway' : `local client of ${config.client.apiUrl}`}) ready on http://${config.http.host}:${shownPort} (database: ${services.deps.database.dialect}, cache: ${services.deps.cache.kind})`,
  );
}

await main();

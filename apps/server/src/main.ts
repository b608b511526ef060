import { ConfigError, loadConfig } from './config/config.ts';
import { startServices } from './bootstrap.ts';

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
  const services = await startServices(config);
  const { app } = services;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ host: config.http.host, port: config.http.port });
  const port = app.server.address();
  const shownPort = typeof port === 'object' && port ? port.port : config.http.port;
  app.log.info(
    `MyElectricalData ${config.version} ready on http://localhost:${shownPort} (database: ${services.deps.database.dialect}, cache: ${services.deps.cache.kind})`,
  );
}

await main();

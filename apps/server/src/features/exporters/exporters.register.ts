import type { FastifyInstance } from 'fastify';
import type { ClientDeps } from '../../deps.ts';
import type { ExporterPlugins } from './exporter.ts';
import { exportersJob } from './exporters.jobs.ts';
import { exportersRoutes } from './exporters.routes.ts';
import { createExportersService, type ExportersService } from './exporters.service.ts';
import { createHaBirthWatcher, type HaBirthWatcher } from './home-assistant/ha-birth-watcher.ts';
import { createHaDiscoveryExporter } from './home-assistant/ha-discovery.exporter.ts';
import { createMqttExporter } from './mqtt/mqtt.exporter.ts';
import { createInfluxDbExporter } from './tsdb/influxdb.exporter.ts';
import { createVictoriaMetricsExporter } from './tsdb/victoriametrics.exporter.ts';

/** The plug-in of each implemented type; a type without one cannot be configured (decision 0015). */
export function exporterPlugins(deps: Pick<ClientDeps, 'db'>): ExporterPlugins {
  return {
    mqtt: createMqttExporter({ db: deps.db }),
    victoriametrics: createVictoriaMetricsExporter({ db: deps.db }),
    influxdb: createInfluxDbExporter({ db: deps.db }),
    home_assistant: createHaDiscoveryExporter({ db: deps.db }),
  };
}

/**
 * Client mode's exporters: the service, its every-minute job, the `/api/export/*` routes, and the watcher
 * of Home Assistant's birth message (bootstrap starts it with the jobs).
 */
export async function registerExportersFeature(
  app: FastifyInstance,
  deps: Pick<ClientDeps, 'db' | 'keys' | 'scheduler' | 'log' | 'config'>,
): Promise<{ exporters: ExportersService; haWatcher: HaBirthWatcher }> {
  const exporters = createExportersService({
    db: deps.db,
    keys: deps.keys,
    plugins: exporterPlugins(deps),
    log: deps.log,
    retryMinMs: deps.config.jobs.retryMinMs,
    retryMaxMs: deps.config.jobs.retryMaxMs,
  });
  deps.scheduler.register(exportersJob(exporters));
  await app.register(exportersRoutes(exporters), { prefix: '/api/export' });
  const haWatcher = createHaBirthWatcher({
    targets: () => exporters.enabledTargets('home_assistant'),
    republish: (id) => exporters.run(id),
    log: deps.log,
  });
  return { exporters, haWatcher };
}

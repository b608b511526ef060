import type { FastifyBaseLogger } from 'fastify';
import type { MqttClient } from 'mqtt';
import type { ExportTarget } from '../exporter.ts';
import { closeBroker, openBroker } from '../mqtt/mqtt-connection.ts';
import { availabilityTopic } from './discovery.ts';
import { haBroker } from './ha-discovery.exporter.ts';

/** Connections are checked (opened for new exporters, dropped for removed ones) this often. */
const RECONCILE_MS = 60_000;
/** Home Assistant's docs ask for a small random delay before re-publishing after its birth message. */
const REPUBLISH_JITTER_MS = 2_000;

export interface HaBirthWatcherDeps {
  /** Enabled Home Assistant exporters, secrets opened. */
  targets(): Promise<ExportTarget<'home_assistant'>[]>;
  /** Runs the exporter now (configs, states, availability). */
  republish(exporterId: string): Promise<unknown>;
  log: FastifyBaseLogger;
}

/**
 * Keeps one MQTT connection per enabled Home Assistant exporter, subscribed to `{discovery_prefix}/status`:
 * when Home Assistant (re)starts it publishes `online` there, and every discovery config and state is
 * published again (integrations-reference §3.5), so entities never stay unavailable after an HA restart.
 * The connection's will sets our availability topic to `offline` if this process dies.
 */
export function createHaBirthWatcher(deps: HaBirthWatcherDeps) {
  const watched = new Map<string, { key: string; client: MqttClient; availability: string }>();
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;

  async function watch(target: ExportTarget<'home_assistant'>, key: string): Promise<void> {
    const client = await openBroker(haBroker(target, true), stopping.signal);
    const statusTopic = `${target.settings.discovery_prefix}/status`;
    client.on('message', (topic, payload) => {
      if (topic === statusTopic && payload.toString() === 'online') {
        const delay = Math.floor(Math.random() * REPUBLISH_JITTER_MS);
        setTimeout(() => {
          void deps
            .republish(target.id)
            .catch((error: unknown) =>
              deps.log.warn({ err: error, exporter: target.id }, 'discovery re-publish failed'),
            );
        }, delay).unref();
      }
    });
    client.once('close', () => {
      if (watched.get(target.id)?.client === client) {
        watched.delete(target.id);
      }
    });
    await client.subscribeAsync(statusTopic, { qos: 1 });
    await client.publishAsync(availabilityTopic(target), 'online', { qos: 1, retain: true });
    watched.set(target.id, { key, client, availability: availabilityTopic(target) });
  }

  async function reconcile(): Promise<void> {
    if (stopping.signal.aborted) {
      return;
    }
    const targets = await deps.targets();
    const wanted = new Map(targets.map((target) => [target.id, target]));
    for (const [id, entry] of watched) {
      const target = wanted.get(id);
      if (!target || JSON.stringify(target.settings) !== entry.key) {
        watched.delete(id);
        await closeBroker(entry.client).catch(() => undefined);
      }
    }
    await Promise.all(
      targets
        .filter((target) => !watched.has(target.id))
        .map((target) =>
          watch(target, JSON.stringify(target.settings)).catch((error: unknown) =>
            deps.log.warn(
              { err: error, exporter: target.id },
              'Home Assistant status not watched; retried in a minute',
            ),
          ),
        ),
    );
  }

  return {
    reconcile,
    start(): void {
      void reconcile().catch((error: unknown) => deps.log.error({ err: error }, 'discovery watcher failed'));
      timer = setInterval(() => {
        void reconcile().catch((error: unknown) => deps.log.error({ err: error }, 'discovery watcher failed'));
      }, RECONCILE_MS);
      timer.unref();
    },
    async stop(): Promise<void> {
      stopping.abort(new Error('shutting down'));
      clearInterval(timer);
      // A clean stop sends no will: say `offline` ourselves, the entities show unavailable until we are back.
      await Promise.all(
        [...watched.values()].map(async (entry) => {
          await entry.client
            .publishAsync(entry.availability, 'offline', { qos: 1, retain: true })
            .catch(() => undefined);
          await closeBroker(entry.client).catch(() => undefined);
        }),
      );
      watched.clear();
    },
    get watching(): number {
      return watched.size;
    },
  };
}
export type HaBirthWatcher = ReturnType<typeof createHaBirthWatcher>;

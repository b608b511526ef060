import type { ExporterReadBack } from '@med/contracts';
import type { Db } from '../../../db/database.ts';
import type { ExportContext, ExporterPlugin, ExportTarget } from '../exporter.ts';
import { closeBroker, openBroker, parsePayload, readRetained, type BrokerSettings } from '../mqtt/mqtt-connection.ts';
import { availabilityTopic, discoveryConfigs, discoveryDevices } from './discovery.ts';

type HaTarget = ExportTarget<'home_assistant'>;

/** What a run published, so the next run (or the deletion) can clear what is no longer there. */
interface DiscoveryMemo {
  topics: string[];
}

function memoTopics(memo: unknown): string[] {
  const topics = (memo as Partial<DiscoveryMemo> | null)?.topics;
  return Array.isArray(topics) ? topics.filter((topic): topic is string => typeof topic === 'string') : [];
}

export function haBroker(target: HaTarget, withWill: boolean): BrokerSettings {
  const settings = target.settings;
  return {
    host: settings.mqtt_broker,
    port: settings.mqtt_port,
    username: settings.mqtt_username,
    password: settings.mqtt_password,
    tls: settings.mqtt_use_tls,
    tlsInsecure: settings.mqtt_tls_insecure,
    ...(withWill ? { will: { topic: availabilityTopic(target), payload: 'offline', retain: true, qos: 1 } } : {}),
  };
}

/**
 * Home Assistant through MQTT discovery: retained device-based configs (or per-sensor ones for Domoticz),
 * retained JSON states, `online` on the availability topic. A device of the previous run that is gone
 * (meter removed, offer unselected) gets an empty retained config, which removes it from Home Assistant.
 */
export function createHaDiscoveryExporter(deps: { db: Db }): ExporterPlugin<'home_assistant'> {
  async function withBroker<T>(
    target: HaTarget,
    context: ExportContext,
    action: (client: Awaited<ReturnType<typeof openBroker>>) => Promise<T>,
  ) {
    const client = await openBroker(haBroker(target, false), context.signal);
    try {
      return await action(client);
    } finally {
      await closeBroker(client).catch(() => undefined);
    }
  }

  return {
    type: 'home_assistant',

    test: (target, context) =>
      withBroker(target, context, async () => ({
        message: `Connecté au broker ${target.settings.mqtt_broker}:${target.settings.mqtt_port} ; découverte sur « ${target.settings.discovery_prefix}/ ».`,
      })),

    async run(target, context, progress) {
      const { devices } = await discoveryDevices(deps.db, target, context.now);
      const configs = new Map<string, Record<string, unknown>>();
      for (const device of devices) {
        for (const [topic, payload] of discoveryConfigs(target, device)) {
          configs.set(topic, payload);
        }
      }
      const removed = memoTopics(target.memo).filter((topic) => !configs.has(topic));
      const counts = { configs: 0, states: 0, removed: 0 };
      await withBroker(target, context, async (client) => {
        const publish = (topic: string, payload: string) =>
          client.publishAsync(topic, payload, { qos: 1, retain: true });
        // Configs first, then states, then availability: HA subscribes to a state topic when its config arrives.
        await Promise.all(removed.map(async (topic) => publish(topic, '').then(() => (counts.removed += 1))));
        await Promise.all(
          [...configs].map(async ([topic, payload]) => {
            await publish(topic, JSON.stringify(payload));
            counts.configs += 1;
            progress({ step: topic, counts });
          }),
        );
        await Promise.all(
          devices.map(async (device) => {
            await publish(device.stateTopic, JSON.stringify(device.state));
            counts.states += 1;
          }),
        );
        await publish(availabilityTopic(target), 'online');
      });
      return {
        summary: `${devices.length} appareil(s), ${counts.configs} configuration(s) de découverte, ${counts.removed} retirée(s)`,
        counts: { devices: devices.length, ...counts },
        memo: { topics: [...configs.keys()].sort() } satisfies DiscoveryMemo,
      };
    },

    async readBack(target, context): Promise<ExporterReadBack> {
      const { notes } = await discoveryDevices(deps.db, target, context.now);
      const { discovery_prefix: discovery, entity_prefix: entities } = target.settings;
      const retained = await withBroker(target, context, (client) =>
        readRetained(client, [`${discovery}/#`, `${entities}/#`], context.signal),
      );
      // Only ours under the discovery prefix (Home Assistant's other integrations publish there too).
      const ours = retained.filter(
        (message) => !message.topic.startsWith(`${discovery}/`) || /\/med_[A-Za-z0-9_-]+\//.test(message.topic),
      );
      return {
        items: ours.map((message) => ({
          key: message.topic,
          value: parsePayload(message.payload),
          group: message.topic.startsWith(`${discovery}/`) ? 'discovery' : 'state',
        })),
        notes,
      };
    },

    async forget(target, context) {
      const { devices } = await discoveryDevices(deps.db, target, context.now);
      const topics = new Set([
        ...memoTopics(target.memo),
        ...devices.map((device) => device.stateTopic),
        availabilityTopic(target),
      ]);
      await withBroker(target, context, (client) =>
        Promise.all([...topics].map((topic) => client.publishAsync(topic, '', { qos: 1, retain: true }))),
      );
    },
  };
}

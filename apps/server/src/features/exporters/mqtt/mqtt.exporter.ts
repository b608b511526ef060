import type { ExporterReadBack } from '@med/contracts';
import type { Db } from '../../../db/database.ts';
import type { Direction } from '../../sync/client-data.repository.ts';
import { dailyPayload, detailedPayload, ecowattFigures, energyStats, tempoFigures } from '../export-data.ts';
import type { ExportContext, ExporterPlugin, ExportTarget } from '../exporter.ts';
import { closeBroker, openBroker, parsePayload, readRetained, type BrokerSettings } from './mqtt-connection.ts';

type MqttTarget = ExportTarget<'mqtt'>;

function brokerOf(target: MqttTarget): BrokerSettings {
  const settings = target.settings;
  return {
    host: settings.broker,
    port: settings.port,
    username: settings.username,
    password: settings.password,
    tls: settings.use_tls,
    tlsInsecure: settings.tls_insecure,
  };
}

/** The directions of a meter this target exports. */
export function directionsOf(target: ExportTarget, meter: ExportTarget['meters'][number]): Direction[] {
  const directions: Direction[] = [];
  if (target.scope.consumption && meter.pdl.has_consumption) {
    directions.push('consumption');
  }
  if (target.scope.production && meter.pdl.has_production) {
    directions.push('production');
  }
  return directions;
}

/**
 * Every message of one run, topic → JSON payload (the reference's layout):
 * `{prefix}/{pdl}/{consumption|production}/{daily|detailed|stats}`, `{prefix}/tempo/{today|tomorrow|remaining}`,
 * `{prefix}/ecowatt/today`, `{prefix}/status`.
 */
export async function mqttMessages(db: Db, target: MqttTarget, now: Date): Promise<Map<string, unknown>> {
  const prefix = target.settings.topic_prefix;
  const messages = new Map<string, unknown>();
  for (const meter of target.meters) {
    for (const direction of directionsOf(target, meter)) {
      const base = `${prefix}/${meter.usagePointId}/${direction}`;
      if (target.scope.daily) {
        messages.set(`${base}/daily`, await dailyPayload(db, meter.usagePointId, direction, now));
        const stats = await energyStats(db, meter.usagePointId, direction, now);
        messages.set(`${base}/stats`, {
          usage_point_id: meter.usagePointId,
          direction,
          date: stats.yesterday,
          yesterday_kwh: stats.yesterday_kwh,
          this_week_kwh: stats.this_week_kwh,
          this_month_kwh: stats.this_month_kwh,
          this_year_kwh: stats.this_year_kwh,
          last_7_days_kwh: stats.last_7_days_kwh,
          last_30_days_kwh: stats.last_30_days_kwh,
          last_day: stats.last_day,
        });
      }
      if (target.scope.detailed) {
        messages.set(`${base}/detailed`, await detailedPayload(db, meter.usagePointId, direction, now));
      }
    }
  }
  const tempo = await tempoFigures(db, now);
  messages.set(`${prefix}/tempo/today`, { ...tempo.today, current: tempo.current });
  messages.set(`${prefix}/tempo/tomorrow`, tempo.tomorrow);
  messages.set(`${prefix}/tempo/remaining`, tempo.remaining);
  const [ecowattToday] = await ecowattFigures(db, now);
  messages.set(`${prefix}/ecowatt/today`, ecowattToday);
  messages.set(`${prefix}/status`, {
    status: 'online',
    last_export_at: now.toISOString(),
    meters: target.meters.map((meter) => meter.usagePointId),
  });
  return messages;
}

/** The generic MQTT exporter (reference topics and JSON payloads), QoS, retain, TLS, credentials. */
export function createMqttExporter(deps: { db: Db }): ExporterPlugin<'mqtt'> {
  async function withBroker<T>(
    target: MqttTarget,
    context: ExportContext,
    action: (client: Awaited<ReturnType<typeof openBroker>>) => Promise<T>,
  ) {
    const client = await openBroker(brokerOf(target), context.signal);
    try {
      return await action(client);
    } finally {
      await closeBroker(client).catch(() => undefined);
    }
  }

  return {
    type: 'mqtt',

    test: (target, context) =>
      withBroker(target, context, async () => ({
        message: `Connecté au broker ${target.settings.broker}:${target.settings.port}${target.settings.use_tls ? ' (TLS)' : ''}.`,
      })),

    async run(target, context, progress) {
      const messages = await mqttMessages(deps.db, target, context.now);
      const { qos, retain } = target.settings;
      let published = 0;
      await withBroker(target, context, async (client) => {
        await Promise.all(
          [...messages].map(async ([topic, payload]) => {
            await client.publishAsync(topic, JSON.stringify(payload), { qos, retain });
            published += 1;
            progress({ step: topic, counts: { messages: published } });
          }),
        );
      });
      return {
        summary: `${published} message(s) publiés sur ${target.meters.length} compteur(s)`,
        counts: { messages: published, meters: target.meters.length },
      };
    },

    async readBack(target, context): Promise<ExporterReadBack> {
      const prefix = target.settings.topic_prefix;
      const retained = await withBroker(target, context, (client) =>
        readRetained(client, [`${prefix}/#`], context.signal),
      );
      const notes = target.settings.retain
        ? []
        : ['retain est désactivé : seuls les messages retenus par un export précédent sont relus.'];
      return {
        items: retained.map((message) => ({
          key: message.topic,
          value: parsePayload(message.payload),
          group: message.topic.slice(prefix.length + 1).split('/')[0] ?? '',
        })),
        notes,
      };
    },
  };
}

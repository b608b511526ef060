import type { ExporterReadBack } from '@med/contracts';
import type { Db } from '../../../db/database.ts';
import type { ExporterPlugin, ExportTarget } from '../exporter.ts';
import { influxQl, probe, TsdbError, type TsdbDestination } from './tsdb-http.ts';
import { exportToTsdb } from './tsdb-export.ts';

type InfluxDestination = Extract<TsdbDestination, { kind: 'influxdb1' | 'influxdb2' }>;

function destinationOf(target: ExportTarget<'influxdb'>): InfluxDestination {
  const settings = target.settings;
  if (settings.version === '2') {
    if (!settings.org || !settings.bucket || !settings.token) {
      throw new TsdbError('InfluxDB 2.x/3.x : organisation, bucket et jeton sont requis.');
    }
    return { kind: 'influxdb2', url: settings.url, org: settings.org, bucket: settings.bucket, token: settings.token };
  }
  if (!settings.database) {
    throw new TsdbError('InfluxDB 1.x : la base de données est requise.');
  }
  return {
    kind: 'influxdb1',
    url: settings.url,
    database: settings.database,
    username: settings.username ?? null,
    password: settings.password ?? null,
  };
}

const quoted = (name: string) => `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * 1.x: writing to a database that does not exist answers 404, so the export creates it first when the
 * user may (an admin account); otherwise it says which database to create.
 */
async function ensureDatabase(destination: Extract<InfluxDestination, { kind: 'influxdb1' }>, signal: AbortSignal) {
  const answer = await influxQl(destination, 'SHOW DATABASES', signal);
  const names = answer.results?.[0]?.series?.[0]?.values?.map((row) => String(row[0])) ?? [];
  if (names.includes(destination.database)) {
    return;
  }
  try {
    await influxQl(destination, `CREATE DATABASE ${quoted(destination.database)}`, signal, 'POST');
  } catch (error) {
    throw new TsdbError(
      `La base « ${destination.database} » n’existe pas et ce compte ne peut pas la créer : ${(error as Error).message}`,
    );
  }
}

async function checkBucket(destination: Extract<InfluxDestination, { kind: 'influxdb2' }>, signal: AbortSignal) {
  const query = new URLSearchParams({ org: destination.org, name: destination.bucket });
  const response = await probe(
    `${destination.url}/api/v2/buckets?${query.toString()}`,
    { authorization: `Token ${destination.token}` },
    signal,
    'InfluxDB /api/v2/buckets',
  );
  const answer = (await response.json()) as { buckets?: { name: string }[] };
  if (!answer.buckets?.some((bucket) => bucket.name === destination.bucket)) {
    throw new TsdbError(`Bucket « ${destination.bucket} » introuvable dans l’organisation « ${destination.org} ».`);
  }
}

/** InfluxDB 1.x (`/write?db=`, user/password) and 2.x/3.x (`/api/v2/write`, org, bucket, token). */
export function createInfluxDbExporter(deps: { db: Db }): ExporterPlugin<'influxdb'> {
  return {
    type: 'influxdb',

    async test(target, context) {
      const destination = destinationOf(target);
      if (destination.kind === 'influxdb1') {
        await probe(`${destination.url}/ping`, {}, context.signal, 'InfluxDB /ping');
        await influxQl(destination, 'SHOW MEASUREMENTS', context.signal).catch(async (error: unknown) => {
          // A missing database is fine at this stage: the first run creates it when the account may.
          if (!(error instanceof TsdbError) || !/database not found/.test(error.message)) {
            throw error;
          }
          await influxQl(destination, 'SHOW DATABASES', context.signal);
        });
        return { message: `InfluxDB 1.x répond sur ${destination.url} ; identifiants acceptés.` };
      }
      await checkBucket(destination, context.signal);
      return {
        message: `InfluxDB répond sur ${destination.url} ; jeton accepté pour le bucket ${destination.bucket}.`,
      };
    },

    async run(target, context, progress) {
      const destination = destinationOf(target);
      if (destination.kind === 'influxdb1') {
        await ensureDatabase(destination, context.signal);
      }
      const { counts, notes } = await exportToTsdb({
        db: deps.db,
        target,
        destination,
        includeRte: true,
        now: context.now,
        signal: context.signal,
        progress,
      });
      const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
      return { summary: [`${total} points écrits dans InfluxDB`, ...notes].join(' ; '), counts };
    },

    async readBack(target, context): Promise<ExporterReadBack> {
      const destination = destinationOf(target);
      const measurements = await influxQl(destination, 'SHOW MEASUREMENTS', context.signal);
      const names = measurements.results?.[0]?.series?.[0]?.values?.map((row) => String(row[0])) ?? [];
      const items: ExporterReadBack['items'] = [];
      for (const name of names) {
        const answer = await influxQl(destination, `SELECT COUNT(*) FROM ${quoted(name)} GROUP BY *`, context.signal);
        for (const series of answer.results?.[0]?.series ?? []) {
          const tags = Object.entries(series.tags ?? {})
            .filter(([, value]) => value !== '')
            .map(([tag, value]) => `${tag}=${value}`)
            .join(',');
          // COUNT(*) gives one count per field; a point has every field of its kind, so the largest is the points.
          const points = Math.max(0, ...(series.values[0] ?? []).slice(1).map(Number));
          items.push({ key: tags ? `${name},${tags}` : name, value: points, group: name });
        }
      }
      return { items, notes: names.length === 0 ? ['Aucune mesure dans cette base.'] : [] };
    },
  };
}

import type { ExporterReadBack } from '@med/contracts';
import type { Db } from '../../../db/database.ts';
import type { ExporterPlugin, ExportTarget } from '../exporter.ts';
import { authHeaders, probe, promQl, writeLines, type TsdbDestination } from './tsdb-http.ts';
import { exportToTsdb } from './tsdb-export.ts';

type VictoriaMetricsDestination = Extract<TsdbDestination, { kind: 'victoriametrics' }>;

function destinationOf(target: ExportTarget<'victoriametrics'>): VictoriaMetricsDestination {
  const { url, database, username, password } = target.settings;
  return { kind: 'victoriametrics', url, database, username: username ?? null, password: password ?? null };
}

/** Metric names the PromQL read-back lists at most (one per measurement field, a few per meter). */
const READ_BACK_LIMIT = 200;

/**
 * VictoriaMetrics through its InfluxDB line-protocol endpoint (`/write?db=`: measurement and field become
 * `{measurement}_{field}`, the `db` a label), read back with PromQL (`/api/v1/query`).
 */
export function createVictoriaMetricsExporter(deps: { db: Db }): ExporterPlugin<'victoriametrics'> {
  return {
    type: 'victoriametrics',

    async test(target, context) {
      const destination = destinationOf(target);
      await probe(`${destination.url}/health`, authHeaders(destination), context.signal, 'VictoriaMetrics /health');
      // An empty write goes through the same authentication as a real one (vmauth, a reverse proxy…).
      await writeLines(destination, [''], context.signal);
      return { message: `VictoriaMetrics répond sur ${destination.url} et accepte les écritures.` };
    },

    async run(target, context, progress) {
      const { counts, notes } = await exportToTsdb({
        db: deps.db,
        target,
        destination: destinationOf(target),
        includeRte: true,
        now: context.now,
        signal: context.signal,
        progress,
      });
      const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
      return { summary: [`${total} points écrits dans VictoriaMetrics`, ...notes].join(' ; '), counts };
    },

    async readBack(target, context): Promise<ExporterReadBack> {
      const destination = destinationOf(target);
      // Samples per series over the whole history (50 years: VictoriaMetrics answers nothing for a window
      // reaching before 1970); `keep_metric_names` because PromQL functions drop the name otherwise.
      const selector = `{db=${JSON.stringify(destination.database)}}`;
      const samples = await promQl(destination, `count_over_time(${selector}[50y]) keep_metric_names`, context.signal);
      const series = samples
        .map((sample) => {
          const { __name__: name = '', ...labels } = sample.metric;
          const tags = Object.entries(labels)
            .filter(([label]) => label !== 'db')
            .map(([label, value]) => `${label}="${value}"`)
            .join(',');
          return {
            key: tags ? `${name}{${tags}}` : name,
            value: Number(sample.value[1]),
            group: name.split('_value')[0],
          };
        })
        .sort((a, b) => a.key.localeCompare(b.key));
      return {
        items: series.slice(0, READ_BACK_LIMIT),
        notes: [
          ...(series.length === 0 ? [`Aucune série avec le label db="${destination.database}".`] : []),
          ...(series.length > READ_BACK_LIMIT
            ? [`${series.length} séries ; les ${READ_BACK_LIMIT} premières sont listées.`]
            : []),
        ],
      };
    },
  };
}

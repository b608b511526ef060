/**
 * A Home Assistant WebSocket API emulator for tests and benchmarks: the protocol and the recorder
 * statistics commands as `shared/docs/integrations-reference.md` §1–2 describe them (HA core
 * `websocket_api/*`, `recorder/websocket_api.py`, `recorder/statistics.py`), statistics kept in memory.
 *
 * Enforced: the auth phase (`auth_required` → `auth` → `auth_ok` | `auth_invalid` and close), strictly
 * increasing command ids per connection (`id_reuse`), schema errors (`invalid_format`, extra keys refused),
 * admin-only commands (`unauthorized`), and `recorder/import_statistics`'s checks (statistic id format,
 * source, unit class and unit, timestamps with an offset and on the hour), upserting rows by hour.
 * Only `period: "hour"` is served by `statistics_during_period` (the exporter reads nothing else).
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { frameText } from '../../src/features/ha-statistics/ha-websocket.ts';
import { z } from 'zod';

export interface HaStatisticRow {
  /** UTC ms of the hour. */
  start: number;
  state?: number | undefined;
  sum?: number | undefined;
  mean?: number | undefined;
  min?: number | undefined;
  max?: number | undefined;
  last_reset?: number | null | undefined;
}

export interface HaStatisticMetadata {
  statistic_id: string;
  source: string;
  name: string | null;
  unit_of_measurement: string | null;
  has_sum: boolean;
  mean_type: number;
  unit_class: string | null;
}

export interface HaEmulatorOptions {
  /** Tokens of admin users. */
  adminTokens?: readonly string[];
  /** Tokens of users without admin rights (reads work, imports are `unauthorized`). */
  userTokens?: readonly string[];
  /** Sent in `auth_required`; from 2026.11 `mean_type` and `unit_class` are required. */
  haVersion?: string;
}

/** `recorder/statistics.py` `VALID_STATISTIC_ID` (external ids) and `valid_entity_id` (internal ones). */
const EXTERNAL_ID = /^(?!.+__)(?!_)[\da-z_]+(?<!_):(?!_)[\da-z_]+(?<!_)$/;
const ENTITY_ID = /^(?!.+__)(?!_)[\da-z_]+(?<!_)\.(?!_)[\da-z_]+(?<!_)$/;
/** Units each class accepts (`homeassistant/util/unit_conversion.py`), for the classes an exporter may send. */
const UNIT_CLASSES: Record<string, readonly string[]> = {
  energy: ['J', 'kJ', 'MJ', 'GJ', 'mWh', 'Wh', 'kWh', 'MWh', 'GWh', 'TWh', 'cal', 'kcal', 'Mcal', 'Gcal'],
  power: ['mW', 'W', 'kW', 'MW', 'GW', 'TW', 'BTU/h'],
  apparent_power: ['mVA', 'VA', 'kVA'],
};
const ISO_WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?/;
const DEFAULT_VERSION = '2026.11.1';

const finite = z.number().finite();
const statRow = z.strictObject({
  start: z.string(),
  state: finite.optional(),
  sum: finite.optional(),
  mean: finite.optional(),
  min: finite.optional(),
  max: finite.optional(),
  last_reset: z.string().nullable().optional(),
});
const metadataBase = {
  statistic_id: z.string(),
  source: z.string(),
  name: z.string().nullable(),
  unit_of_measurement: z.string().nullable(),
  has_sum: z.boolean(),
  has_mean: z.boolean().optional(),
};
const importSchema = (strict2026: boolean) =>
  z.strictObject({
    id: z.number(),
    type: z.literal('recorder/import_statistics'),
    metadata: z.strictObject({
      ...metadataBase,
      mean_type: strict2026
        ? z.union([z.literal(0), z.literal(1), z.literal(2)])
        : z.number().int().min(0).max(2).optional(),
      unit_class: strict2026 ? z.string().nullable() : z.string().nullable().optional(),
    }),
    stats: z.array(statRow),
  });
const duringPeriodSchema = z.strictObject({
  id: z.number(),
  type: z.literal('recorder/statistics_during_period'),
  start_time: z.string(),
  end_time: z.string().optional(),
  statistic_ids: z.array(z.string()).min(1),
  period: z.enum(['5minute', 'hour', 'day', 'week', 'month']),
  units: z.record(z.string(), z.string()).optional(),
  types: z.array(z.enum(['change', 'last_reset', 'max', 'mean', 'min', 'state', 'sum'])).optional(),
});
const listSchema = z.strictObject({
  id: z.number(),
  type: z.literal('recorder/list_statistic_ids'),
  statistic_type: z.enum(['sum', 'mean']).optional(),
});
const clearSchema = z.strictObject({
  id: z.number(),
  type: z.literal('recorder/clear_statistics'),
  statistic_ids: z.array(z.string()),
});
const authSchema = z.strictObject({ type: z.literal('auth'), access_token: z.string() });

/** An error the handler raises: `unknown_error` with the exception text, as `connection.py` reports it. */
class CommandError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

function humanise(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `extra keys not allowed @ data['${issue.keys.join("', '")}']`
        : `${issue.message} for dictionary value @ data['${issue.path.join("']['")}']`,
    )
    .join('; ');
}

/** A timestamp as HA's import checks it: tz-aware, on the top of the hour. */
function parseHour(text: string): number {
  if (!ISO_DATE_TIME.test(text) || !ISO_WITH_OFFSET.test(text) || Number.isNaN(Date.parse(text))) {
    throw new CommandError('unknown_error', 'Naive timestamp: no or invalid timezone info provided');
  }
  const ms = Date.parse(text);
  // Offsets of whole quarter hours exist; the minutes checked are the local ones, as HA's datetime has them.
  const local = /T\d{2}:(\d{2})(?::(\d{2})(?:\.(\d+))?)?/.exec(text);
  if (!local || Number(local[1]) !== 0 || Number(local[2] ?? 0) !== 0 || Number(local[3] ?? 0) !== 0) {
    throw new CommandError(
      'unknown_error',
      'Invalid timestamp: timestamps must be from the top of the hour (minutes and seconds = 0)',
    );
  }
  return ms;
}

function versionAtLeast(version: string, year: number, month: number): boolean {
  const [y, m] = version.split('.').map(Number);
  return (y ?? 0) > year || ((y ?? 0) === year && (m ?? 0) >= month);
}

export async function startHaEmulator(options: HaEmulatorOptions = {}) {
  const admins = new Set(options.adminTokens ?? ['admin-token']);
  const users = new Set(options.userTokens ?? []);
  const version = options.haVersion ?? DEFAULT_VERSION;
  const strict2026 = versionAtLeast(version, 2026, 11);
  const statistics = new Map<string, { metadata: HaStatisticMetadata; rows: Map<number, HaStatisticRow> }>();
  /** What the emulator received, for assertions: commands by type, refused auths, rows imported. */
  const counters = { commands: new Map<string, number>(), authFailures: 0, importedRows: 0, connections: 0 };

  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/api/websocket' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;

  function importStatistics(message: unknown): null {
    const parsed = importSchema(strict2026).safeParse(message);
    if (!parsed.success) {
      throw new CommandError('invalid_format', humanise(parsed.error));
    }
    const { metadata, stats } = parsed.data;
    const id = metadata.statistic_id;
    if (ENTITY_ID.test(id)) {
      if (metadata.source !== 'recorder') {
        throw new CommandError('unknown_error', 'Invalid source');
      }
    } else if (!EXTERNAL_ID.test(id)) {
      throw new CommandError('unknown_error', 'Invalid statistic_id');
    } else if (metadata.source === '' || metadata.source !== id.slice(0, id.indexOf(':'))) {
      throw new CommandError('unknown_error', 'Invalid source');
    }
    const unitClass = metadata.unit_class ?? null;
    if (unitClass !== null) {
      const units = UNIT_CLASSES[unitClass];
      if (!units) {
        throw new CommandError('unknown_error', `Unsupported unit_class: '${unitClass}'`);
      }
      if (!units.includes(metadata.unit_of_measurement ?? '')) {
        throw new CommandError(
          'unknown_error',
          `Unsupported unit_of_measurement '${String(metadata.unit_of_measurement)}' for unit_class '${unitClass}'`,
        );
      }
    }
    // Every row is checked before any is written: the message is refused as a whole.
    const rows = stats.map((row): HaStatisticRow => {
      const start = parseHour(row.start);
      if (row.last_reset !== undefined && row.last_reset !== null && !ISO_WITH_OFFSET.test(row.last_reset)) {
        throw new CommandError('unknown_error', 'Naive timestamp');
      }
      return {
        start,
        state: row.state,
        sum: row.sum,
        mean: row.mean,
        min: row.min,
        max: row.max,
        last_reset:
          row.last_reset === undefined ? undefined : row.last_reset === null ? null : Date.parse(row.last_reset),
      };
    });
    const stored = statistics.get(id);
    const meta: HaStatisticMetadata = {
      statistic_id: id,
      source: metadata.source,
      name: metadata.name,
      unit_of_measurement: metadata.unit_of_measurement,
      has_sum: metadata.has_sum,
      mean_type: metadata.mean_type ?? (metadata.has_mean ? 1 : 0),
      unit_class: unitClass,
    };
    const target = stored ?? { metadata: meta, rows: new Map<number, HaStatisticRow>() };
    target.metadata = meta; // HA overwrites metadata that differs (statistics_meta.py)
    for (const row of rows) {
      target.rows.set(row.start, row);
    }
    statistics.set(id, target);
    counters.importedRows += rows.length;
    return null;
  }

  function statisticsDuringPeriod(message: unknown) {
    const parsed = duringPeriodSchema.safeParse(message);
    if (!parsed.success) {
      throw new CommandError('invalid_format', humanise(parsed.error));
    }
    const request = parsed.data;
    const start = Date.parse(request.start_time);
    if (Number.isNaN(start)) {
      throw new CommandError('invalid_start_time', 'Invalid start_time');
    }
    const end = request.end_time === undefined ? Infinity : Date.parse(request.end_time);
    if (Number.isNaN(end)) {
      throw new CommandError('invalid_end_time', 'Invalid end_time');
    }
    if (request.period !== 'hour') {
      throw new CommandError('not_supported', `the emulator serves period "hour" only, not "${request.period}"`);
    }
    const types = new Set(request.types ?? ['last_reset', 'max', 'mean', 'min', 'state', 'sum']);
    const result: Record<string, Record<string, number | null>[]> = {};
    for (const id of request.statistic_ids) {
      const stored = statistics.get(id);
      if (!stored) {
        continue;
      }
      const rows = [...stored.rows.values()]
        .filter((row) => row.start >= start && row.start < end)
        .sort((a, b) => a.start - b.start);
      if (rows.length === 0) {
        continue;
      }
      result[id] = rows.map((row) => {
        const out: Record<string, number | null> = { start: row.start, end: row.start + 3_600_000 };
        for (const type of ['state', 'sum', 'mean', 'min', 'max', 'last_reset'] as const) {
          // Columns known to be empty are left out (HA ≥ 2023.6).
          if (types.has(type) && row[type] !== undefined) {
            out[type] = row[type];
          }
        }
        return out;
      });
    }
    return result;
  }

  function listStatisticIds(message: unknown) {
    const parsed = listSchema.safeParse(message);
    if (!parsed.success) {
      throw new CommandError('invalid_format', humanise(parsed.error));
    }
    return [...statistics.values()]
      .filter(({ metadata }) =>
        parsed.data.statistic_type === 'sum'
          ? metadata.has_sum
          : parsed.data.statistic_type === 'mean'
            ? metadata.mean_type !== 0
            : true,
      )
      .map(({ metadata }) => ({
        statistic_id: metadata.statistic_id,
        display_unit_of_measurement: metadata.unit_of_measurement,
        has_mean: metadata.mean_type !== 0,
        mean_type: metadata.mean_type,
        has_sum: metadata.has_sum,
        name: metadata.name,
        source: metadata.source,
        statistics_unit_of_measurement: metadata.unit_of_measurement,
        unit_class: metadata.unit_class,
      }));
  }

  function clearStatistics(message: unknown): null {
    const parsed = clearSchema.safeParse(message);
    if (!parsed.success) {
      throw new CommandError('invalid_format', humanise(parsed.error));
    }
    for (const id of parsed.data.statistic_ids) {
      statistics.delete(id);
    }
    return null;
  }

  const ADMIN_ONLY = new Set(['recorder/import_statistics', 'recorder/clear_statistics']);
  const handlers: Record<string, (message: unknown) => unknown> = {
    'recorder/import_statistics': importStatistics,
    'recorder/statistics_during_period': statisticsDuringPeriod,
    'recorder/list_statistic_ids': listStatisticIds,
    'recorder/clear_statistics': clearStatistics,
  };

  server.on('connection', (socket: WebSocket) => {
    counters.connections += 1;
    let admin: boolean | null = null;
    let lastId = 0;
    const send = (payload: unknown) => socket.send(JSON.stringify(payload));
    send({ type: 'auth_required', ha_version: version });
    // HA drops a client that does not authenticate within 10 s (websocket_api/http.py).
    const authTimer = setTimeout(() => socket.close(), 10_000);
    socket.on('close', () => clearTimeout(authTimer));

    socket.on('message', (data) => {
      let message: unknown;
      try {
        message = JSON.parse(frameText(data));
      } catch {
        socket.close(1003);
        return;
      }
      if (admin === null) {
        clearTimeout(authTimer);
        const auth = authSchema.safeParse(message);
        if (!auth.success) {
          send({ type: 'auth_invalid', message: 'Auth message incorrectly formatted: ' + humanise(auth.error) });
          socket.close();
          return;
        }
        const token = auth.data.access_token;
        if (!admins.has(token) && !users.has(token)) {
          counters.authFailures += 1;
          send({ type: 'auth_invalid', message: 'Invalid access token or password' });
          socket.close();
          return;
        }
        admin = admins.has(token);
        send({ type: 'auth_ok', ha_version: version });
        return;
      }
      const record = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
      const id = record['id'];
      const type = record['type'];
      const fail = (code: string, text: string) =>
        send({ id, type: 'result', success: false, error: { code, message: text } });
      if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0 || typeof type !== 'string') {
        fail('invalid_format', 'Message incorrectly formatted.');
        return;
      }
      if (id <= lastId) {
        fail('id_reuse', 'Identifier values have to increase.');
        return;
      }
      lastId = id;
      counters.commands.set(type, (counters.commands.get(type) ?? 0) + 1);
      if (type === 'ping') {
        send({ id, type: 'pong' });
        return;
      }
      const handler = handlers[type];
      if (!handler) {
        fail('unknown_command', 'Unknown command.');
        return;
      }
      if (ADMIN_ONLY.has(type) && !admin) {
        fail('unauthorized', 'Unauthorized');
        return;
      }
      try {
        send({ id, type: 'result', success: true, result: handler(message) ?? null });
      } catch (error) {
        if (error instanceof CommandError) {
          fail(error.code, error.message);
        } else {
          fail('unknown_error', 'Unknown error');
        }
      }
    });
  });

  return {
    /** The HA base URL as a user types it (`http://host:port`). */
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/api/websocket`,
    port,
    counters,
    /** Stored rows of a statistic, oldest first (empty when unknown). */
    rows(statisticId: string): HaStatisticRow[] {
      return [...(statistics.get(statisticId)?.rows.values() ?? [])].sort((a, b) => a.start - b.start);
    },
    metadata(statisticId: string): HaStatisticMetadata | undefined {
      return statistics.get(statisticId)?.metadata;
    },
    statisticIds(): string[] {
      return [...statistics.keys()].sort();
    },
    /** Writes rows directly, as another importer would have (tests of continuation). */
    seed(metadata: HaStatisticMetadata, rows: readonly HaStatisticRow[]): void {
      const target = statistics.get(metadata.statistic_id) ?? { metadata, rows: new Map<number, HaStatisticRow>() };
      for (const row of rows) {
        target.rows.set(row.start, row);
      }
      statistics.set(metadata.statistic_id, target);
    },
    async close(): Promise<void> {
      for (const client of server.clients) {
        client.terminate();
      }
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

export type HaEmulator = Awaited<ReturnType<typeof startHaEmulator>>;

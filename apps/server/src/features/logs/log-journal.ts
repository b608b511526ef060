import { randomBytes } from 'node:crypto';
import type { AdminLogEntry, AdminLogsPage, AdminLogsTail, LogLevelName } from '@med/contracts';
import { formatParisIso } from '@med/core';
import type { CachePort } from '../../cache/cache.port.ts';

/** The one list every instance pushes to (Valkey) or this process keeps (memory cache). */
const JOURNAL_KEY = 'logs:journal';
/** Records kept; older ones fall off the end. About 2 MB of Valkey memory at ~400 bytes a record. */
export const LOG_JOURNAL_SIZE = 5_000;
/** Records are pushed in batches, at most this long after being logged. */
const FLUSH_DELAY_MS = 25;
/** Records read per round trip while the tail looks for its cursor. */
const TAIL_CHUNK = 200;

/** Fields of a pino line that the record shows in its own fields (or drops: the host is the instance). */
const OWN_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'module', 'err']);

function levelName(level: number): LogLevelName {
  if (level >= 60) {
    return 'critical';
  }
  if (level >= 50) {
    return 'error';
  }
  if (level >= 40) {
    return 'warning';
  }
  return level >= 30 ? 'info' : 'debug';
}

/** Paris local time with milliseconds and offset (`2026-03-29T03:00:00.123+02:00`). */
function parisTimestamp(ms: number): string {
  const iso = formatParisIso(new Date(ms));
  return `${iso.slice(0, 19)}.${String(ms % 1000).padStart(3, '0')}${iso.slice(19)}`;
}

/** Stored records start with their level, so a level is cleared by prefix without parsing JSON. */
const levelPrefix = (level: LogLevelName) => `{"level":"${level.toUpperCase()}",`;

function parse(item: string): AdminLogEntry | undefined {
  try {
    return JSON.parse(item) as AdminLogEntry;
  } catch {
    return undefined;
  }
}

export interface LogFilter {
  level?: LogLevelName | undefined;
  search?: string | undefined;
}

function matcher(filter: LogFilter): (entry: AdminLogEntry) => boolean {
  const level = filter.level?.toUpperCase();
  const search = filter.search?.toLowerCase();
  return (entry) =>
    (level === undefined || entry.level === level) &&
    (!search ||
      entry.message.toLowerCase().includes(search) ||
      entry.logger.toLowerCase().includes(search) ||
      (entry.exception?.toLowerCase().includes(search) ?? false) ||
      JSON.stringify(entry.context).toLowerCase().includes(search));
}

/**
 * The server's own log records, kept in a bounded list of the shared cache: a Valkey list that every
 * instance pushes to when REDIS_URL is set, this process's memory otherwise. It is a pino destination
 * beside stdout, so it receives each line after the logger's redaction (http/logger.ts): nothing the
 * log stream hides can appear here. Writes are batched and never block or fail logging; when the cache
 * is unreachable, records wait in a bounded buffer and the oldest are dropped first.
 */
export function createLogJournal(options: { cache: CachePort; size?: number }) {
  const { cache } = options;
  const size = options.size ?? LOG_JOURNAL_SIZE;
  const instance = randomBytes(3).toString('hex');
  let sequence = 0;
  let buffer: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let failing = false;

  function toRecord(line: string): string | undefined {
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    const time = typeof raw.time === 'number' ? raw.time : Date.now();
    const err = raw.err as { stack?: unknown } | undefined;
    const context = Object.fromEntries(Object.entries(raw).filter(([key]) => !OWN_FIELDS.has(key)));
    if (err && typeof err === 'object') {
      const { stack: _stack, ...rest } = err;
      context.err = rest;
    }
    sequence += 1;
    // Key order matters: `level` first (see levelPrefix).
    const entry: AdminLogEntry = {
      level: levelName(typeof raw.level === 'number' ? raw.level : 30).toUpperCase(),
      id: `${time.toString(36)}-${instance}-${sequence.toString(36)}`,
      timestamp: parisTimestamp(time),
      logger: typeof raw.module === 'string' ? raw.module : 'req' in raw || 'res' in raw ? 'http' : 'server',
      message: typeof raw.msg === 'string' ? raw.msg : '',
      ...(err && typeof err.stack === 'string' ? { exception: err.stack } : {}),
      instance,
      context,
    };
    return JSON.stringify(entry);
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = buffer;
    buffer = [];
    if (batch.length > 0) {
      writing = writing.then(async () => {
        try {
          await cache.pushCapped(JOURNAL_KEY, batch, size);
          failing = false;
        } catch (error) {
          // Not through the logger: its lines come back here. Said once per outage.
          if (!failing) {
            process.stderr.write(`log journal: records not stored (${String(error)})\n`);
          }
          failing = true;
          buffer = [...batch, ...buffer].slice(-size);
        }
      });
    }
    return writing;
  }

  /** Every record stored, newest first, that matches. */
  async function matching(filter: LogFilter): Promise<AdminLogEntry[]> {
    await flush();
    const accepts = matcher(filter);
    return (await cache.readList(JOURNAL_KEY))
      .map(parse)
      .filter((entry): entry is AdminLogEntry => entry !== undefined && accepts(entry));
  }

  return {
    /** A pino destination (used with pino.multistream beside stdout). */
    stream: {
      write(line: string): void {
        const record = toRecord(line);
        if (record === undefined) {
          return;
        }
        buffer.push(record);
        if (buffer.length > size) {
          buffer.splice(0, buffer.length - size);
        }
        timer ??= setTimeout(() => void flush(), FLUSH_DELAY_MS).unref();
      },
    },

    /** Stores what is buffered (reads do it first; shutdown does it last). */
    flush,

    async page(query: LogFilter & { limit: number; offset: number }): Promise<AdminLogsPage> {
      const all = await matching(query);
      const logs = all.slice(query.offset, query.offset + query.limit);
      return { logs, total: all.length, count: logs.length, offset: query.offset, limit: query.limit };
    },

    /**
     * What was stored after the record `since`, by position in the list rather than by time: instances
     * push batches whose clocks and order differ, and a record is new to the viewer when it was stored
     * after the last one it saw.
     */
    async tail(query: LogFilter & { since?: string | undefined; limit: number }): Promise<AdminLogsTail> {
      await flush();
      const accepts = matcher(query);
      const fresh: AdminLogEntry[] = [];
      let cursor: string | null = null;
      let found = false;
      for (let start = 0; start < size && !found; start += TAIL_CHUNK) {
        const chunk = await cache.readList(JOURNAL_KEY, start, start + TAIL_CHUNK - 1);
        for (const entry of chunk.map(parse)) {
          if (!entry) {
            continue;
          }
          cursor ??= entry.id;
          if (query.since !== undefined && entry.id === query.since) {
            found = true;
            break;
          }
          if (fresh.length < query.limit && accepts(entry)) {
            fresh.push(entry);
          }
        }
        if (chunk.length < TAIL_CHUNK || (query.since === undefined && fresh.length >= query.limit)) {
          break;
        }
      }
      return { logs: fresh, cursor, reset: query.since !== undefined && !found };
    },

    /** Removes the records of one level, or all of them; returns how many. */
    async clear(level?: LogLevelName): Promise<number> {
      await flush();
      return cache.removeFromList(JOURNAL_KEY, level ? levelPrefix(level) : '');
    },
  };
}
export type LogJournal = ReturnType<typeof createLogJournal>;

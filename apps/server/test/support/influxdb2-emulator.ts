import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An InfluxDB 2.x/3.x HTTP endpoint for the exporter suites (no InfluxDB 2 or 3 package installs here).
 * It enforces what the real one does on the routes the exporter uses (integrations-reference §5.1, §5.3):
 * - `POST /api/v2/write?org&bucket&precision`: `Authorization: Token` required (401), org and bucket must
 *   exist (404), precision ns|us|ms|s (400), every line must be valid line protocol — measurement, escaped
 *   tags, at least one typed field, integer timestamp — or the WHOLE batch is rejected (400, naming the
 *   first bad line), a field keeps its type forever (422 on a conflict); same series + timestamp merges
 *   fields (the new value wins);
 * - `GET /api/v2/buckets?org&name` and `GET /health`;
 * - `GET /query?db=<bucket>` (the v1-compatible API), for read-back: `SHOW MEASUREMENTS` and
 *   `SELECT COUNT(*) FROM "<m>" GROUP BY *`, in InfluxDB's JSON shape.
 */
export interface InfluxDb2Emulator {
  url: string;
  token: string;
  org: string;
  bucket: string;
  /** Stored points of the bucket: series key (measurement + sorted tags) → timestamp (ms) → fields. */
  points(): Map<string, Map<number, Record<string, number | string | boolean>>>;
  writes: number;
  stop(): Promise<void>;
}

type FieldValue = { type: 'float' | 'integer' | 'string' | 'boolean'; value: number | string | boolean };

interface ParsedLine {
  measurement: string;
  tags: [string, string][];
  fields: [string, FieldValue][];
  timestamp: bigint | null;
}

/** Splits at `separator` outside backslash escapes and double-quoted strings. */
function splitUnescaped(text: string, separator: string, quotes: boolean): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (char === '\\' && index + 1 < text.length) {
      current += char + (text[index + 1] ?? '');
      index += 1;
      continue;
    }
    if (quotes && char === '"') {
      quoted = !quoted;
    }
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  if (quoted) {
    throw new Error('unbalanced quotes');
  }
  parts.push(current);
  return parts;
}

const unescape = (text: string) => text.replace(/\\([,= \\"])/g, '$1');

function parseField(raw: string): FieldValue {
  if (raw.startsWith('"')) {
    if (!raw.endsWith('"') || raw.length < 2) {
      throw new Error(`invalid string field ${raw}`);
    }
    return { type: 'string', value: raw.slice(1, -1).replace(/\\(["\\])/g, '$1') };
  }
  if (/^-?\d+i$/.test(raw)) {
    return { type: 'integer', value: Number(raw.slice(0, -1)) };
  }
  if (/^(t|T|true|True|TRUE)$/.test(raw)) {
    return { type: 'boolean', value: true };
  }
  if (/^(f|F|false|False|FALSE)$/.test(raw)) {
    return { type: 'boolean', value: false };
  }
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) {
    return { type: 'float', value: Number(raw) };
  }
  throw new Error(`invalid field value ${raw}`);
}

export function parseLine(text: string): ParsedLine {
  const sections = splitUnescaped(text, ' ', true);
  if (sections.length < 2 || sections.length > 3) {
    throw new Error('expected "measurement[,tags] fields [timestamp]"');
  }
  const [head = '', fieldText = '', stamp] = sections;
  const [measurementRaw = '', ...tagTexts] = splitUnescaped(head, ',', false);
  if (measurementRaw === '' || measurementRaw.startsWith('"')) {
    throw new Error('missing measurement');
  }
  const tags = tagTexts.map((tag): [string, string] => {
    const pair = splitUnescaped(tag, '=', false);
    if (pair.length !== 2 || !pair[0] || !pair[1]) {
      throw new Error(`invalid tag ${tag}`);
    }
    return [unescape(pair[0]), unescape(pair[1])];
  });
  const fields = splitUnescaped(fieldText, ',', true).map((field): [string, FieldValue] => {
    const at = splitUnescaped(field, '=', true);
    if (at.length !== 2 || !at[0]) {
      throw new Error(`invalid field ${field}`);
    }
    return [unescape(at[0]), parseField(at[1] ?? '')];
  });
  if (fields.length === 0) {
    throw new Error('at least one field is required');
  }
  if (stamp !== undefined && !/^-?\d+$/.test(stamp)) {
    throw new Error(`invalid timestamp ${stamp}`);
  }
  return { measurement: unescape(measurementRaw), tags, fields, timestamp: stamp === undefined ? null : BigInt(stamp) };
}

const PRECISION_TO_MS: Record<string, (stamp: bigint) => number> = {
  ns: (stamp) => Number(stamp / 1_000_000n),
  us: (stamp) => Number(stamp / 1000n),
  ms: (stamp) => Number(stamp),
  s: (stamp) => Number(stamp * 1000n),
};

function send(response: ServerResponse, status: number, body?: unknown) {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startInfluxDb2Emulator(
  options: { token?: string; org?: string; bucket?: string } = {},
): Promise<InfluxDb2Emulator> {
  const token = options.token ?? 'emulated-influx-token';
  const org = options.org ?? 'household';
  const bucket = options.bucket ?? 'myelectricaldata';
  const series = new Map<string, Map<number, Record<string, number | string | boolean>>>();
  const fieldTypes = new Map<string, FieldValue['type']>();
  const measurementOf = new Map<string, { measurement: string; tags: Record<string, string> }>();
  const state = { writes: 0 };

  const authorised = (request: IncomingMessage) => request.headers.authorization === `Token ${token}`;

  function write(query: URLSearchParams, body: string, response: ServerResponse) {
    if (query.get('org') !== org) {
      send(response, 404, { code: 'not found', message: `organization name "${query.get('org') ?? ''}" not found` });
      return;
    }
    if (query.get('bucket') !== bucket) {
      send(response, 404, { code: 'not found', message: `bucket "${query.get('bucket') ?? ''}" not found` });
      return;
    }
    const toMs = PRECISION_TO_MS[query.get('precision') ?? 'ns'];
    if (!toMs) {
      send(response, 400, { code: 'invalid', message: `invalid precision "${query.get('precision') ?? ''}"` });
      return;
    }
    const parsed: ParsedLine[] = [];
    for (const [index, text] of body.split('\n').entries()) {
      if (text.trim() === '' || text.startsWith('#')) {
        continue;
      }
      try {
        parsed.push(parseLine(text));
      } catch (error) {
        send(response, 400, {
          code: 'invalid',
          message: `unable to parse '${text}': ${(error as Error).message} (line ${index + 1})`,
        });
        return;
      }
    }
    for (const point of parsed) {
      for (const [field, value] of point.fields) {
        const known = fieldTypes.get(`${point.measurement}\u0000${field}`);
        if (known && known !== value.type) {
          send(response, 422, {
            code: 'unprocessable entity',
            message: `failure writing points: field type conflict: input field "${field}" on measurement "${point.measurement}" is type ${value.type}, already exists as type ${known}`,
          });
          return;
        }
      }
    }
    const now = Date.now();
    for (const point of parsed) {
      const tags = [...point.tags].sort(([a], [b]) => a.localeCompare(b));
      const key = [point.measurement, ...tags.map(([name, value]) => `${name}=${value}`)].join(',');
      measurementOf.set(key, { measurement: point.measurement, tags: Object.fromEntries(tags) });
      const byTime = series.get(key) ?? new Map<number, Record<string, number | string | boolean>>();
      series.set(key, byTime);
      const at = point.timestamp === null ? now : toMs(point.timestamp);
      const fields = byTime.get(at) ?? {};
      for (const [field, value] of point.fields) {
        fieldTypes.set(`${point.measurement}\u0000${field}`, value.type);
        fields[field] = value.value;
      }
      byTime.set(at, fields);
    }
    state.writes += 1;
    send(response, 204);
  }

  function influxQl(query: URLSearchParams, response: ServerResponse) {
    if (query.get('db') !== bucket) {
      send(response, 200, { results: [{ statement_id: 0, error: `database not found: ${query.get('db') ?? ''}` }] });
      return;
    }
    const statement = (query.get('q') ?? '').trim();
    if (/^SHOW MEASUREMENTS$/i.test(statement)) {
      const names = [...new Set([...measurementOf.values()].map((entry) => entry.measurement))].sort();
      send(response, 200, {
        results: [
          {
            statement_id: 0,
            ...(names.length > 0
              ? { series: [{ name: 'measurements', columns: ['name'], values: names.map((name) => [name]) }] }
              : {}),
          },
        ],
      });
      return;
    }
    const count = /^SELECT COUNT\(\*\) FROM "([^"]+)" GROUP BY \*$/i.exec(statement);
    if (count) {
      const result = [...series.entries()]
        .filter(([key]) => measurementOf.get(key)?.measurement === count[1])
        .map(([key, byTime]) => {
          const fields = [...new Set([...byTime.values()].flatMap((values) => Object.keys(values)))].sort();
          return {
            name: count[1],
            tags: measurementOf.get(key)?.tags ?? {},
            columns: ['time', ...fields.map((field) => `count_${field}`)],
            values: [[0, ...fields.map((field) => [...byTime.values()].filter((values) => field in values).length)]],
          };
        });
      send(response, 200, { results: [{ statement_id: 0, ...(result.length > 0 ? { series: result } : {}) }] });
      return;
    }
    send(response, 400, { error: `error parsing query: statement not supported by the emulator: ${statement}` });
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    void (async () => {
      const body = await readBody(request);
      if (url.pathname === '/health' && request.method === 'GET') {
        send(response, 200, { name: 'influxdb', status: 'pass', message: 'ready for queries and writes' });
        return;
      }
      if (!authorised(request)) {
        send(response, 401, { code: 'unauthorized', message: 'unauthorized access' });
        return;
      }
      if (url.pathname === '/api/v2/write' && request.method === 'POST') {
        write(url.searchParams, body, response);
      } else if (url.pathname === '/api/v2/buckets' && request.method === 'GET') {
        const found = url.searchParams.get('org') === org && url.searchParams.get('name') === bucket;
        send(response, 200, { buckets: found ? [{ name: bucket, orgID: '0000000000000001' }] : [] });
      } else if (url.pathname === '/query' && (request.method === 'GET' || request.method === 'POST')) {
        influxQl(request.method === 'POST' ? new URLSearchParams(body) : url.searchParams, response);
      } else {
        send(response, 404, { code: 'not found', message: 'path not found' });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    org,
    bucket,
    points: () => series,
    get writes() {
      return state.writes;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

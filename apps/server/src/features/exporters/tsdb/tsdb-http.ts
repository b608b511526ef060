/**
 * HTTP to the time-series databases, in the three dialects the exporters speak
 * (integrations-reference §5.2–5.4):
 * - VictoriaMetrics: line protocol on `POST /write?db=` (the `db` becomes a label), PromQL read-back;
 * - InfluxDB 1.x: `POST /write?db=`, user and password (HTTP Basic), InfluxQL on `/query`;
 * - InfluxDB 2.x/3.x: `POST /api/v2/write?org&bucket`, `Authorization: Token`, InfluxQL read-back through
 *   the v1-compatible `/query` (2.x maps every bucket to a database; 3.x serves it natively).
 * Timestamps are always sent in milliseconds with `precision` said explicitly (a wrong one puts points in 1970).
 */
export type TsdbDestination =
  | { kind: 'victoriametrics'; url: string; database: string; username?: string | null; password?: string | null }
  | { kind: 'influxdb1'; url: string; database: string; username?: string | null; password?: string | null }
  | { kind: 'influxdb2'; url: string; org: string; bucket: string; token: string };

/** A refusal of the destination, with what the user should check. */
export class TsdbError extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'TsdbError';
    this.status = status;
  }
}

/** Lines per write request: InfluxData recommends batches of 5,000–10,000 points. */
export const WRITE_BATCH = 5000;

function basic(username: string | null | undefined, password: string | null | undefined): Record<string, string> {
  return username ? { authorization: `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}` } : {};
}

export function authHeaders(destination: TsdbDestination): Record<string, string> {
  return destination.kind === 'influxdb2'
    ? { authorization: `Token ${destination.token}` }
    : basic(destination.username, destination.password);
}

async function call(url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) {
      throw error;
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new TsdbError(`${what} : serveur injoignable (${cause?.code ?? cause?.message ?? String(error)}).`);
  }
}

async function refusal(response: Response, what: string): Promise<TsdbError> {
  const body = (await response.text()).slice(0, 500).trim();
  const reason =
    response.status === 401 || response.status === 403
      ? 'identifiants refusés'
      : response.status === 404
        ? 'base, organisation ou bucket introuvable'
        : response.status === 413
          ? 'requête trop grande'
          : `HTTP ${response.status}`;
  return new TsdbError(`${what} : ${reason}${body ? ` (${body})` : ''}.`, response.status);
}

function writeUrl(destination: TsdbDestination): string {
  if (destination.kind === 'influxdb2') {
    const query = new URLSearchParams({ org: destination.org, bucket: destination.bucket, precision: 'ms' });
    return `${destination.url}/api/v2/write?${query.toString()}`;
  }
  return `${destination.url}/write?${new URLSearchParams({ db: destination.database, precision: 'ms' }).toString()}`;
}

/** Writes lines in batches; the first refused batch stops the export with the destination's reason. */
export async function writeLines(
  destination: TsdbDestination,
  lines: readonly string[],
  signal: AbortSignal,
): Promise<void> {
  for (let start = 0; start < lines.length; start += WRITE_BATCH) {
    const body = lines.slice(start, start + WRITE_BATCH).join('\n');
    const response = await call(
      writeUrl(destination),
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8', ...authHeaders(destination) },
        body,
        signal,
      },
      'Écriture',
    );
    if (response.status !== 204 && response.status !== 200) {
      throw await refusal(response, 'Écriture refusée');
    }
    await response.body?.cancel();
  }
}

interface InfluxQlAnswer {
  results?: {
    error?: string;
    series?: { name: string; tags?: Record<string, string>; columns: string[]; values: unknown[][] }[];
  }[];
  error?: string;
}

/** One InfluxQL statement on `/query` (1.x, and the v1-compatible API of 2.x/3.x). */
export async function influxQl(
  destination: Exclude<TsdbDestination, { kind: 'victoriametrics' }>,
  statement: string,
  signal: AbortSignal,
  method: 'GET' | 'POST' = 'GET',
): Promise<InfluxQlAnswer> {
  const database = destination.kind === 'influxdb2' ? destination.bucket : destination.database;
  const params = new URLSearchParams({ q: statement, db: database, epoch: 'ms' });
  const init: RequestInit = { method, headers: authHeaders(destination), signal };
  const url = method === 'GET' ? `${destination.url}/query?${params.toString()}` : `${destination.url}/query`;
  const response = await call(url, method === 'GET' ? init : { ...init, body: params }, 'Requête');
  if (!response.ok) {
    throw await refusal(response, 'Requête refusée');
  }
  const answer = (await response.json()) as InfluxQlAnswer;
  const error = answer.error ?? answer.results?.find((result) => result.error)?.error;
  if (error) {
    throw new TsdbError(`Requête refusée : ${error}.`);
  }
  return answer;
}

export interface PromQlSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** An instant PromQL query on VictoriaMetrics. */
export async function promQl(
  destination: Extract<TsdbDestination, { kind: 'victoriametrics' }>,
  query: string,
  signal: AbortSignal,
): Promise<PromQlSample[]> {
  const response = await call(
    `${destination.url}/api/v1/query?${new URLSearchParams({ query }).toString()}`,
    { headers: authHeaders(destination), signal },
    'Requête PromQL',
  );
  if (!response.ok) {
    throw await refusal(response, 'Requête PromQL refusée');
  }
  const answer = (await response.json()) as { status: string; error?: string; data?: { result?: PromQlSample[] } };
  if (answer.status !== 'success') {
    throw new TsdbError(`Requête PromQL refusée : ${answer.error ?? answer.status}.`);
  }
  return answer.data?.result ?? [];
}

/** A bare GET that must answer 2xx (health checks). */
export async function probe(url: string, headers: Record<string, string>, signal: AbortSignal, what: string) {
  const response = await call(url, { headers, signal }, what);
  if (!response.ok) {
    throw await refusal(response, what);
  }
  return response;
}

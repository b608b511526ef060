// The floor for "a warm year of daily data on Valkey": the least work that can serve the same answer.
// Raw node:http, no framework, no auth, no database: per request one pipelined Valkey round trip (the
// month bundles and the quota counter), AES-256-GCM opening of each bundle, and the same JSON as the app.
// Run as its own process (`node bench/support/floor-server.ts`) so it does not share the load
// generator's event loop; it prints `{"port":…}` on stdout once ready.
//
// Input (env): REDIS_URL; FLOOR_DATA = JSON `{ usage_point_id, start, end, reading_type, days: [date, Wh][] }`.
// It seeds its own keys (prefix `bench-floor:<random>:`) with month bundles in the app's format
// (`[[storedAtMs, [Wh]] | null, …]` per day of month), sealed under a random key, and deletes them on SIGTERM.
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { Valkey } from 'iovalkey';

interface FloorData {
  usage_point_id: string;
  start: string;
  end: string;
  reading_type: Record<string, string>;
  days: [string, number][];
}

const data = JSON.parse(process.env.FLOOR_DATA ?? '') as FloorData;
const prefix = `bench-floor:${randomBytes(6).toString('hex')}:`;
const key = createSecretKey(randomBytes(32));
const client = new Valkey(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: prefix });

function seal(plain: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]);
}

function open(sealed: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13)).setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
}

// Seed: one bundle per calendar month of the data.
const months = [...new Set(data.days.map(([day]) => day.slice(0, 7)))].sort();
const now = Date.now();
for (const month of months) {
  const bundle: ([number, number[]] | null)[] = [];
  for (const [day, value] of data.days.filter(([d]) => d.startsWith(month))) {
    const index = Number(day.slice(8, 10)) - 1;
    while (bundle.length < index) {
      bundle.push(null);
    }
    bundle[index] = [now, [value]];
  }
  await client.set(month, seal(Buffer.from(JSON.stringify(bundle)), month));
}

const head = `{"success":true,"data":{"meter_reading":{"usage_point_id":${JSON.stringify(data.usage_point_id)},"start":${JSON.stringify(data.start)},"end":${JSON.stringify(data.end)},"quality":"BRUT","reading_type":${JSON.stringify(data.reading_type)},"interval_reading":`;

const server = createServer((_request, response) => {
  void (async () => {
    const results = await client
      .pipeline()
      .mgetBuffer(...months)
      .incr('quota')
      .exec();
    const sealed = (results?.[0]?.[1] ?? []) as (Buffer | null)[];
    const readings: { value: number; date: string }[] = [];
    sealed.forEach((entry, index) => {
      const month = months[index] ?? '';
      if (!entry) {
        return;
      }
      const bundle = JSON.parse(open(entry, month).toString()) as ([number, number[]] | null)[];
      bundle.forEach((stored, day) => {
        const date = `${month}-${String(day + 1).padStart(2, '0')}`;
        if (stored && date >= data.start && date < data.end) {
          readings.push({ value: stored[1][0] ?? 0, date });
        }
      });
    });
    const body = `${head}${JSON.stringify(readings)}},"missing_dates":[]},"error":null,"timestamp":"${new Date().toISOString()}"}`;
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
  })().catch(() => response.writeHead(500).end());
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});

process.once('SIGTERM', () => {
  server.close();
  void client
    .del(...months, 'quota')
    .finally(() => client.disconnect())
    .then(() => process.exit(0));
});

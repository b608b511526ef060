import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { frameText } from '../src/features/ha-statistics/ha-websocket.ts';
import { startHaEmulator, type HaEmulator } from './support/ha-emulator.ts';

/**
 * The Home Assistant emulator enforces the protocol the exporter is tested against: these tests prove
 * each check refuses what real HA refuses (integrations-reference §1.2–1.3, §2.2–2.4), over a raw socket.
 */
interface Answer {
  id?: number;
  type: string;
  success?: boolean;
  result?: unknown;
  error?: { code: string; message: string };
  message?: string;
  ha_version?: string;
}

/** A raw client: every frame received, in order, and a way to wait for the next one. */
async function rawClient(url: string) {
  const socket = new WebSocket(url);
  const frames: Answer[] = [];
  const waiters: ((answer: Answer) => void)[] = [];
  socket.on('message', (data) => {
    const answer = JSON.parse(frameText(data)) as Answer;
    const waiter = waiters.shift();
    if (waiter) {
      waiter(answer);
    } else {
      frames.push(answer);
    }
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const next = () =>
    new Promise<Answer>((resolve) => {
      const frame = frames.shift();
      if (frame) {
        resolve(frame);
      } else {
        waiters.push(resolve);
      }
    });
  return {
    next,
    closed,
    send: (payload: unknown) => socket.send(JSON.stringify(payload)),
    async ask(payload: Record<string, unknown>): Promise<Answer> {
      socket.send(JSON.stringify(payload));
      return next();
    },
    close: () => socket.close(),
  };
}

const metadata = {
  statistic_id: 'myelectricaldata:consumption_12345678901234_base',
  source: 'myelectricaldata',
  name: 'Linky',
  unit_of_measurement: 'Wh',
  has_sum: true,
  mean_type: 0,
  unit_class: 'energy',
};
const stats = [
  { start: '2025-01-01T00:00:00+01:00', state: 412, sum: 412 },
  { start: '2025-01-01T01:00:00+01:00', state: 380, sum: 792 },
];

describe('Home Assistant WebSocket emulator', () => {
  let ha: HaEmulator;
  beforeAll(async () => {
    ha = await startHaEmulator({ adminTokens: ['good'], userTokens: ['reader'] });
  });
  afterAll(async () => {
    await ha.close();
  });

  async function authed(token = 'good') {
    const client = await rawClient(ha.wsUrl);
    expect(await client.next()).toMatchObject({ type: 'auth_required', ha_version: '2026.11.1' });
    expect(await client.ask({ type: 'auth', access_token: token })).toMatchObject({ type: 'auth_ok' });
    return client;
  }

  it('answers auth_invalid to a wrong token, then closes the socket', async () => {
    const client = await rawClient(ha.wsUrl);
    await client.next();
    expect(await client.ask({ type: 'auth', access_token: 'wrong' })).toEqual({
      type: 'auth_invalid',
      message: 'Invalid access token or password',
    });
    await client.closed;
  });

  it('refuses a malformed auth message and a command before auth', async () => {
    const client = await rawClient(ha.wsUrl);
    await client.next();
    const answer = await client.ask({ id: 1, type: 'recorder/list_statistic_ids' });
    expect(answer.type).toBe('auth_invalid');
    expect(answer.message).toMatch(/incorrectly formatted/);
    await client.closed;
  });

  it('requires strictly increasing ids and well-formed commands', async () => {
    const client = await authed();
    expect(await client.ask({ id: 5, type: 'ping' })).toEqual({ id: 5, type: 'pong' });
    expect((await client.ask({ id: 5, type: 'ping' })).error?.code).toBe('id_reuse');
    expect((await client.ask({ id: 4, type: 'ping' })).error?.code).toBe('id_reuse');
    expect((await client.ask({ id: 0, type: 'ping' })).error?.code).toBe('invalid_format');
    expect((await client.ask({ id: 6 })).error?.code).toBe('invalid_format');
    expect((await client.ask({ id: 7, type: 'recorder/nope' })).error?.code).toBe('unknown_command');
    client.close();
  });

  it('refuses every invalid import with the error HA gives, and stores nothing of it', async () => {
    const client = await authed();
    let id = 10;
    const refuse = async (meta: Record<string, unknown>, rows: unknown[] = stats) => {
      const answer = await client.ask({ id: ++id, type: 'recorder/import_statistics', metadata: meta, stats: rows });
      expect(answer.success).toBe(false);
      return answer.error ?? { code: 'none', message: 'none' };
    };
    expect(await refuse({ ...metadata, device_class: 'energy' })).toMatchObject({
      code: 'invalid_format',
      message: expect.stringContaining('extra keys not allowed') as string,
    });
    expect((await refuse({ ...metadata, mean_type: undefined })).code).toBe('invalid_format');
    expect((await refuse({ ...metadata, has_sum: undefined })).code).toBe('invalid_format');
    expect((await refuse({ ...metadata, statistic_id: 'myelectricaldata:Consumption-1' })).message).toBe(
      'Invalid statistic_id',
    );
    expect((await refuse({ ...metadata, statistic_id: 'myelectricaldata:conso__x' })).message).toBe(
      'Invalid statistic_id',
    );
    expect((await refuse({ ...metadata, source: 'other' })).message).toBe('Invalid source');
    expect((await refuse({ ...metadata, statistic_id: 'sensor.linky', source: 'myelectricaldata' })).message).toBe(
      'Invalid source',
    );
    expect((await refuse({ ...metadata, unit_class: 'money' })).message).toBe("Unsupported unit_class: 'money'");
    expect((await refuse({ ...metadata, unit_of_measurement: 'EUR' })).message).toBe(
      "Unsupported unit_of_measurement 'EUR' for unit_class 'energy'",
    );
    expect((await refuse(metadata, [{ start: '2025-01-01T00:00:00', sum: 1 }])).message).toMatch(/^Naive timestamp/);
    expect((await refuse(metadata, [...stats, { start: '2025-01-01T02:30:00+01:00', sum: 1 }])).message).toMatch(
      /^Invalid timestamp: timestamps must be from the top of the hour/,
    );
    expect((await refuse(metadata, [{ start: '2025-01-01T02:00:00+01:00', sum: 'x' }])).code).toBe('invalid_format');
    expect(ha.rows(metadata.statistic_id)).toEqual([]);
    client.close();
  });

  it('imports, upserts by hour, lists, reads back in epoch ms and clears', async () => {
    const client = await authed();
    expect(await client.ask({ id: 1, type: 'recorder/import_statistics', metadata, stats })).toMatchObject({
      success: true,
      result: null,
    });
    const cost = {
      ...metadata,
      statistic_id: 'myelectricaldata:cost_12345678901234_base',
      unit_of_measurement: 'EUR',
      unit_class: null,
    };
    expect((await client.ask({ id: 2, type: 'recorder/import_statistics', metadata: cost, stats })).success).toBe(true);
    // Same hour again: updated, not duplicated.
    await client.ask({
      id: 3,
      type: 'recorder/import_statistics',
      metadata,
      stats: [{ start: '2024-12-31T23:00:00Z', state: 400, sum: 400 }],
    });
    const listed = await client.ask({ id: 4, type: 'recorder/list_statistic_ids', statistic_type: 'sum' });
    expect(listed.result).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ statistic_id: metadata.statistic_id, mean_type: 0, unit_class: 'energy' }),
        expect.objectContaining({ statistic_id: cost.statistic_id, unit_class: null }),
      ]),
    );
    const read = await client.ask({
      id: 5,
      type: 'recorder/statistics_during_period',
      start_time: '2024-12-31T00:00:00Z',
      statistic_ids: [metadata.statistic_id, 'myelectricaldata:unknown'],
      period: 'hour',
      types: ['sum', 'state'],
    });
    expect(read.result).toEqual({
      [metadata.statistic_id]: [
        { start: Date.parse('2024-12-31T23:00:00Z'), end: Date.parse('2025-01-01T00:00:00Z'), state: 400, sum: 400 },
        { start: Date.parse('2025-01-01T00:00:00Z'), end: Date.parse('2025-01-01T01:00:00Z'), state: 380, sum: 792 },
      ],
    });
    expect(
      (await client.ask({ id: 6, type: 'recorder/clear_statistics', statistic_ids: [metadata.statistic_id] })).success,
    ).toBe(true);
    expect(ha.statisticIds()).toEqual([cost.statistic_id]);
    client.close();
  });

  it('lets a non-admin token read but not import or clear', async () => {
    const client = await authed('reader');
    expect((await client.ask({ id: 1, type: 'recorder/list_statistic_ids' })).success).toBe(true);
    expect((await client.ask({ id: 2, type: 'recorder/import_statistics', metadata, stats })).error?.code).toBe(
      'unauthorized',
    );
    expect((await client.ask({ id: 3, type: 'recorder/clear_statistics', statistic_ids: [] })).error?.code).toBe(
      'unauthorized',
    );
    client.close();
  });

  it('accepts the pre-2026.11 shape (has_mean, no mean_type/unit_class) on an older version only', async () => {
    const old = await startHaEmulator({ adminTokens: ['good'], haVersion: '2025.12.0' });
    try {
      const client = await rawClient(old.wsUrl);
      await client.next();
      await client.ask({ type: 'auth', access_token: 'good' });
      const legacy = { ...metadata, has_mean: false, mean_type: undefined, unit_class: undefined };
      expect((await client.ask({ id: 1, type: 'recorder/import_statistics', metadata: legacy, stats })).success).toBe(
        true,
      );
      client.close();
    } finally {
      await old.close();
    }
  });
});

import type { Exporter, ExportRunReport } from '@med/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecrets } from '../src/features/exporters/exporter-secrets.ts';
import { EXPORTERS_JOB } from '../src/features/exporters/exporters.jobs.ts';
import { createUser } from './support/accounts-helpers.ts';
import { backends } from './support/backends.ts';
import { listenGateway, startClientTestServer, type ClientTestServer } from './support/client-server.ts';
import {
  MOSQUITTO,
  clearRetained,
  closedPort,
  createExporter,
  dataOf,
  errorOf,
  pdlItem,
  seedMeters,
  startBlackHole,
  uniquePrefix,
} from './support/exporter-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const METER = '12345678901234';
const PASSWORD = 'broker-Secret-7731';

function mqttExporter(name: string, config: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { name, export_type: 'mqtt', config: { broker: MOSQUITTO.host, port: MOSQUITTO.port, ...config }, ...extra };
}

async function rowCount(client: ClientTestServer): Promise<number> {
  return (await client.deps.db.selectFrom('exporter_configs').select('id').execute()).length;
}

async function exporterOf(client: ClientTestServer, id: string): Promise<Exporter> {
  return dataOf<Exporter>(await client.app.inject({ method: 'GET', url: `/api/export/configs/${id}` }));
}

/**
 * The exporter framework of client mode (`/api/export/configs`) on both backends: CRUD with write-only
 * secrets sealed in the database, bad input refused with stable codes and nothing written, scheduled runs
 * through the scheduler, failure isolation with backoff, runs after a completed sync.
 */
describe.each(backends)('exporters framework on $name', (backend) => {
  let client: ClientTestServer;
  const prefixes: string[] = [];
  const prefix = (label: string) => {
    const value = uniquePrefix(label);
    prefixes.push(value);
    return value;
  };

  beforeAll(async () => {
    client = await startClientTestServer(backend);
    await seedMeters(client.deps.db, [pdlItem(METER)]);
  });
  afterAll(async () => {
    await client.close();
    await Promise.all(prefixes.map(clearRetained));
  });

  it('creates, reads, updates and deletes an exporter; secrets are write-only and sealed in the row', async () => {
    const topicPrefix = prefix('crud');
    const created = dataOf<Exporter>(
      await createExporter(
        client,
        mqttExporter('Broker maison', { username: 'linky', password: PASSWORD, topic_prefix: topicPrefix, qos: 1 }),
      ),
      201,
    );
    expect(created).toMatchObject({
      name: 'Broker maison',
      export_type: 'mqtt',
      usage_point_ids: null,
      is_enabled: true,
      export_consumption: true,
      export_production: true,
      export_daily: true,
      export_detailed: false,
      export_interval_minutes: null,
      next_export_at: null,
      last_export_status: null,
      is_running: false,
      consecutive_failures: 0,
      export_count: 0,
    });
    expect(created.config).toEqual({
      broker: MOSQUITTO.host,
      port: MOSQUITTO.port,
      username: 'linky',
      has_password: true,
      use_tls: false,
      tls_insecure: false,
      topic_prefix: topicPrefix,
      qos: 1,
      retain: true,
    });

    // Never returned, by any read route.
    const list = await client.app.inject({ method: 'GET', url: '/api/export/configs' });
    const one = await client.app.inject({ method: 'GET', url: `/api/export/configs/${created.id}` });
    for (const response of [list, one]) {
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain(PASSWORD);
      expect(response.body).not.toMatch(/"password"/);
    }
    expect(dataOf<Exporter[]>(list).map((exporter) => exporter.id)).toContain(created.id);

    // Sealed at rest: neither the settings nor the secrets column holds it, in clear or base64.
    const row = await client.deps.db
      .selectFrom('exporter_configs')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    const rowText = JSON.stringify(row);
    expect(rowText).not.toContain(PASSWORD);
    expect(rowText).not.toContain(Buffer.from(PASSWORD).toString('base64').slice(0, 12));
    expect(row.secrets).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(openSecrets(client.deps.keys, created.id, row.secrets)).toEqual({ password: PASSWORD });
    // Bound to its row: the same envelope does not open as another exporter's.
    expect(openSecrets(client.deps.keys, '00000000-0000-4000-8000-000000000000', row.secrets)).toEqual({});

    // A partial update keeps the stored password; `null` clears it; a string replaces it.
    const qos = dataOf<Exporter>(
      await client.app.inject({
        method: 'PUT',
        url: `/api/export/configs/${created.id}`,
        payload: { config: { qos: 2 }, export_interval_minutes: 15 },
      }),
    );
    expect(qos.config).toMatchObject({ qos: 2, has_password: true, username: 'linky', topic_prefix: topicPrefix });
    expect(qos.export_interval_minutes).toBe(15);
    expect(qos.next_export_at).not.toBeNull();
    const afterQos = await client.deps.db
      .selectFrom('exporter_configs')
      .select('secrets')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(openSecrets(client.deps.keys, created.id, afterQos.secrets)).toEqual({ password: PASSWORD });

    const cleared = dataOf<Exporter>(
      await client.app.inject({
        method: 'PUT',
        url: `/api/export/configs/${created.id}`,
        payload: { config: { password: null }, name: 'Broker renommé', export_interval_minutes: null },
      }),
    );
    expect(cleared.config).toMatchObject({ has_password: false });
    expect(cleared.name).toBe('Broker renommé');
    expect(cleared.next_export_at).toBeNull();
    const afterClear = await client.deps.db
      .selectFrom('exporter_configs')
      .select('secrets')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(afterClear.secrets).toBeNull();

    const removed = dataOf<{ deleted: boolean; destination_cleared: boolean }>(
      await client.app.inject({ method: 'DELETE', url: `/api/export/configs/${created.id}` }),
    );
    expect(removed).toMatchObject({ deleted: true, destination_cleared: true });
    const gone = errorOf(await client.app.inject({ method: 'GET', url: `/api/export/configs/${created.id}` }), 404);
    expect(gone.code).toBe('EXPORTER_NOT_FOUND');
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const before = await rowCount(client);
    const valid = mqttExporter('Valide', { topic_prefix: prefix('valid') });
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...valid, export_type: 'ftp' }, 422, 'VALIDATION_ERROR'],
      [{ ...valid, config: { port: 1883 } }, 422, 'VALIDATION_ERROR'],
      [{ ...valid, config: { ...valid.config, qos: 3 } }, 422, 'VALIDATION_ERROR'],
      [{ ...valid, config: { ...valid.config, topic_prefix: 'home/#' } }, 422, 'VALIDATION_ERROR'],
      [{ ...valid, config: { ...valid.config, broker: 'mqtt://host/path' } }, 422, 'VALIDATION_ERROR'],
      [{ ...valid, config: { ...valid.config, port: 70_000 } }, 422, 'VALIDATION_ERROR'],
      [{ ...valid, config: { ...valid.config, token: 'x' } }, 422, 'VALIDATION_ERROR'],
      [{ ...valid, export_interval_minutes: 1 }, 422, 'VALIDATION_ERROR'],
      [{ ...valid, name: '' }, 422, 'VALIDATION_ERROR'],
      [{ ...valid, extra: true }, 422, 'VALIDATION_ERROR'],
      [{ ...valid, usage_point_ids: ['123'] }, 422, 'VALIDATION_ERROR'],
      [{ ...valid, usage_point_ids: ['99999999999999'] }, 422, 'PDL_NOT_FOUND'],
      [
        { name: 'VM', export_type: 'influxdb', config: { url: 'http://127.0.0.1:8086', version: '2' } },
        422,
        'VALIDATION_ERROR',
      ],
    ];
    for (const [payload, status, code] of cases) {
      const error = errorOf(await createExporter(client, payload), status);
      expect(error.code, JSON.stringify(payload)).toBe(code);
    }
    expect(await rowCount(client)).toBe(before);

    const first = dataOf<Exporter>(await createExporter(client, valid), 201);
    expect(errorOf(await createExporter(client, valid), 409)).toMatchObject({
      code: 'EXPORTER_NAME_TAKEN',
      field: 'name',
    });
    const badUpdate = errorOf(
      await client.app.inject({
        method: 'PUT',
        url: `/api/export/configs/${first.id}`,
        payload: { config: { qos: 5 } },
      }),
      422,
    );
    expect(badUpdate).toMatchObject({ code: 'VALIDATION_ERROR', field: 'config.qos' });
    expect((await exporterOf(client, first.id)).config).toMatchObject({ qos: 0 });
    const typeChange = await client.app.inject({
      method: 'PUT',
      url: `/api/export/configs/${first.id}`,
      payload: { export_type: 'influxdb' },
    });
    expect(typeChange.statusCode).toBe(422);

    for (const [method, url] of [
      ['GET', '/api/export/configs/not-a-uuid'],
      ['POST', '/api/export/configs/not-a-uuid/run'],
    ] as const) {
      expect(errorOf(await client.app.inject({ method, url }), 422).code).toBe('VALIDATION_ERROR');
    }
    const unknown = '7a1d2c9e-8f5b-4c3a-9e1d-2b3c4d5e6f70';
    for (const [method, url] of [
      ['GET', `/api/export/configs/${unknown}`],
      ['PUT', `/api/export/configs/${unknown}`],
      ['DELETE', `/api/export/configs/${unknown}`],
      ['POST', `/api/export/configs/${unknown}/test`],
      ['POST', `/api/export/configs/${unknown}/run`],
      ['GET', `/api/export/configs/${unknown}/metrics`],
    ] as const) {
      const response = await client.app.inject({ method, url, ...(method === 'PUT' ? { payload: {} } : {}) });
      expect(errorOf(response, 404).code, `${method} ${url}`).toBe('EXPORTER_NOT_FOUND');
    }
    await client.app.inject({ method: 'DELETE', url: `/api/export/configs/${first.id}` });
  });

  it('a failed connection test is a result, not an error', async () => {
    const port = await closedPort();
    const exporter = dataOf<Exporter>(
      await createExporter(client, mqttExporter('Hors ligne', { port, topic_prefix: prefix('down') })),
      201,
    );
    const result = dataOf<{ success: boolean; message: string }>(
      await client.app.inject({ method: 'POST', url: `/api/export/configs/${exporter.id}/test` }),
    );
    expect(result.success).toBe(false);
    expect(result.message).toContain(`127.0.0.1:${port}`);
    const online = dataOf<Exporter>(
      await createExporter(client, mqttExporter('En ligne', { topic_prefix: prefix('up') })),
      201,
    );
    const ok = dataOf<{ success: boolean; message: string }>(
      await client.app.inject({ method: 'POST', url: `/api/export/configs/${online.id}/test` }),
    );
    expect(ok).toMatchObject({ success: true });
    for (const id of [exporter.id, online.id]) {
      await client.app.inject({ method: 'DELETE', url: `/api/export/configs/${id}` });
    }
  });

  it('runs due exporters on schedule; a failing one backs off without touching the others', async () => {
    const port = await closedPort();
    const failing = dataOf<Exporter>(
      await createExporter(
        client,
        mqttExporter('Panne', { port, topic_prefix: prefix('fail') }, { export_interval_minutes: 30 }),
      ),
      201,
    );
    const healthy = dataOf<Exporter>(
      await createExporter(
        client,
        mqttExporter('Sain', { topic_prefix: prefix('ok') }, { export_interval_minutes: 30 }),
      ),
      201,
    );
    const manual = dataOf<Exporter>(
      await createExporter(client, mqttExporter('Manuel', { topic_prefix: prefix('manual') })),
      201,
    );
    // Through the real scheduler: one tick runs both scheduled exporters, not the manual one.
    const t0 = new Date(Date.now() + 60_000);
    expect(await client.deps.scheduler.trigger(EXPORTERS_JOB, { at: t0 })).toBe('success');
    const failed = await exporterOf(client, failing.id);
    const done = await exporterOf(client, healthy.id);
    const untouched = await exporterOf(client, manual.id);
    expect(done).toMatchObject({ last_export_status: 'success', consecutive_failures: 0, export_count: 1 });
    expect(done.last_export_summary).toMatch(/message/);
    expect(Date.parse(done.next_export_at ?? '')).toBe(t0.getTime() + 30 * 60_000);
    expect(failed).toMatchObject({ last_export_status: 'failure', consecutive_failures: 1, export_count: 1 });
    expect(failed.last_export_error).toContain(`127.0.0.1:${port}`);
    // Backoff: JOBS_RETRY_MIN_SECONDS=1 → 1 to 1.2 s after the tick (+20 % jitter at most).
    const firstWait = Date.parse(failed.next_export_at ?? '') - t0.getTime();
    expect(firstWait).toBeGreaterThanOrEqual(1000);
    expect(firstWait).toBeLessThanOrEqual(1200);
    expect(untouched).toMatchObject({ last_export_status: null, export_count: 0 });
    const jobRuns = await client.deps.db
      .selectFrom('job_runs')
      .select('outcome')
      .where('job', '=', EXPORTERS_JOB)
      .execute();
    expect(jobRuns.map((run) => run.outcome)).toEqual(['success']);

    // Before the backoff's end nothing is due; after it only the failing one retries, and waits longer.
    expect(await client.exporters.runDue(new Date(t0.getTime() + 900))).toBe('0 export(s), 0 en échec');
    expect(await client.exporters.runDue(new Date(t0.getTime() + 1300))).toBe('1 export(s), 1 en échec');
    const retried = await exporterOf(client, failing.id);
    expect(retried).toMatchObject({ consecutive_failures: 2, export_count: 2 });
    expect(Date.parse(retried.next_export_at ?? '') - (t0.getTime() + 1300)).toBe(2000);
    expect((await exporterOf(client, healthy.id)).export_count).toBe(1);

    // Repaired, it succeeds at its next attempt and returns to its interval.
    await client.app.inject({
      method: 'PUT',
      url: `/api/export/configs/${failing.id}`,
      payload: { config: { port: MOSQUITTO.port } },
    });
    const t1 = new Date(t0.getTime() + 5000);
    expect(await client.exporters.runDue(t1)).toBe('1 export(s), 0 en échec');
    const repaired = await exporterOf(client, failing.id);
    expect(repaired).toMatchObject({ last_export_status: 'success', consecutive_failures: 0, last_export_error: null });
    expect(Date.parse(repaired.next_export_at ?? '')).toBe(t1.getTime() + 30 * 60_000);
    for (const exporter of [failing, healthy, manual]) {
      await client.app.inject({ method: 'DELETE', url: `/api/export/configs/${exporter.id}` });
    }
  });

  it('a hanging destination holds neither the other exporters nor a second run of itself', async () => {
    const hole = await startBlackHole();
    try {
      const stuck = dataOf<Exporter>(
        await createExporter(
          client,
          mqttExporter('Bloqué', { port: hole.port, topic_prefix: prefix('stuck') }, { export_interval_minutes: 30 }),
        ),
        201,
      );
      const healthy = dataOf<Exporter>(
        await createExporter(
          client,
          mqttExporter('Rapide', { topic_prefix: prefix('fast') }, { export_interval_minutes: 30 }),
        ),
        201,
      );
      const tick = client.exporters.runDue(new Date());
      await expect.poll(async () => (await exporterOf(client, healthy.id)).last_export_status).toBe('success');
      expect(await exporterOf(client, stuck.id)).toMatchObject({ is_running: true, last_export_status: null });
      // A manual run of the stuck exporter is refused while its run goes on.
      const busy = errorOf(
        await client.app.inject({ method: 'POST', url: `/api/export/configs/${stuck.id}/run` }),
        409,
      );
      expect(busy.code).toBe('EXPORTER_BUSY');
      hole.release();
      expect(await tick).toBe('2 export(s), 1 en échec');
      expect(await exporterOf(client, stuck.id)).toMatchObject({ is_running: false, last_export_status: 'failure' });
      for (const exporter of [stuck, healthy]) {
        await client.app.inject({ method: 'DELETE', url: `/api/export/configs/${exporter.id}` });
      }
    } finally {
      await hole.close();
    }
  });

  it('a manual run answers with its report, disabled exporters included', async () => {
    const exporter = dataOf<Exporter>(
      await createExporter(client, mqttExporter('Désactivé', { topic_prefix: prefix('off') }, { is_enabled: false })),
      201,
    );
    const report = dataOf<ExportRunReport>(
      await client.app.inject({ method: 'POST', url: `/api/export/configs/${exporter.id}/run` }),
    );
    expect(report).toMatchObject({ status: 'success', error: null });
    expect(report.counts.messages).toBeGreaterThan(0);
    expect(await exporterOf(client, exporter.id)).toMatchObject({ export_count: 1, next_export_at: null });
    await client.app.inject({ method: 'DELETE', url: `/api/export/configs/${exporter.id}` });
  });
});

/** After a sync completes, enabled scheduled exporters run at once; a stuck one never holds the sync. */
describe.each(backends)('exporters after a sync on $name', (backend) => {
  let gateway: TestServer;
  let client: ClientTestServer;
  const topicPrefix = uniquePrefix('sync');

  beforeAll(async () => {
    gateway = await startTestServer(backend);
    const apiUrl = await listenGateway(gateway);
    const user = await createUser(gateway, 'exporter-household');
    client = await startClientTestServer(backend, {
      MED_API_URL: apiUrl,
      MED_CLIENT_ID: user.clientId,
      MED_CLIENT_SECRET: user.clientSecret,
    });
  }, 60_000);
  afterAll(async () => {
    await client.close();
    await gateway.close();
    await clearRetained(topicPrefix);
  });

  it('runs scheduled exporters when a sync finishes, without the sync waiting for them', async () => {
    const hole = await startBlackHole();
    try {
      const stuck = dataOf<Exporter>(
        await createExporter(
          client,
          mqttExporter(
            'Bloqué',
            { port: hole.port, topic_prefix: `${topicPrefix}_stuck` },
            { export_interval_minutes: 60 },
          ),
        ),
        201,
      );
      const healthy = dataOf<Exporter>(
        await createExporter(
          client,
          mqttExporter('Sain', { topic_prefix: topicPrefix }, { export_interval_minutes: 60 }),
        ),
        201,
      );
      const manual = dataOf<Exporter>(
        await createExporter(client, mqttExporter('Manuel', { topic_prefix: `${topicPrefix}_manual` })),
        201,
      );
      const report = await client.sync.sync({ manual: true });
      expect(report.meters).toBe(0);
      // The sync is over while the stuck exporter still waits on its destination.
      await expect.poll(async () => (await exporterOf(client, healthy.id)).export_count).toBe(1);
      await expect.poll(() => hole.connections).toBeGreaterThan(0);
      expect((await exporterOf(client, stuck.id)).is_running).toBe(true);
      expect((await exporterOf(client, manual.id)).export_count).toBe(0);
      hole.release();
      await client.exporters.settled(stuck.id);
      expect(await exporterOf(client, stuck.id)).toMatchObject({
        last_export_status: 'failure',
        consecutive_failures: 1,
      });
    } finally {
      await hole.close();
    }
  });
});

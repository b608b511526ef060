import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exporter } from '@med/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from './support/backends.ts';
import { startClientTestServer, type ClientTestServer } from './support/client-server.ts';
import {
  MOSQUITTO,
  clearRetained,
  createExporter,
  dataOf,
  retainedMessages,
  subscriber,
  uniquePrefix,
} from './support/exporter-helpers.ts';

/** What a process with the watcher running would have done within this time (it reconciles at start). */
const WATCHER_GRACE_MS = 2_000;

/**
 * The Home Assistant birth watcher (`homeassistant/status` = online → re-publish) is a job like the others:
 * a process started with JOBS_ENABLED=false (a second instance, a one-off command, the tests) keeps no MQTT
 * connection and re-publishes nothing; the same store started with JOBS_ENABLED=true watches and re-publishes.
 * One SQLite file shared by the two processes in turn (the watcher does not depend on the backend).
 */
describe('Home Assistant birth watcher only when jobs run', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'med-ha-watcher-'));
  const env = { DATABASE_URL: `sqlite:${join(dataDir, 'client.db')}` };
  const backend: Backend = { name: 'sqlite+memory', databaseUrl: undefined, redisUrl: undefined };
  const prefix = uniquePrefix('hawatch');
  const discovery = `${prefix}_ha`;
  let client: ClientTestServer | undefined;

  afterAll(async () => {
    await client?.close();
    await clearRetained(prefix);
    await clearRetained(discovery);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const exportCount = async (server: ClientTestServer, id: string) =>
    (await server.app.inject({ method: 'GET', url: `/api/export/configs/${id}` })).json<{ data: Exporter }>().data
      .export_count;
  const announceOnline = async () => {
    const homeAssistant = await subscriber();
    await homeAssistant.publishAsync(`${discovery}/status`, 'online', { qos: 1 });
    await homeAssistant.endAsync();
  };

  it('does not watch with JOBS_ENABLED=false, and watches and re-publishes with JOBS_ENABLED=true', async () => {
    // The exporter is stored first, so a watcher started with the next process would find it at once.
    const setup = await startClientTestServer(backend, { ...env, JOBS_ENABLED: 'false' });
    client = setup;
    const { id } = dataOf<Exporter>(
      await createExporter(setup, {
        name: prefix,
        export_type: 'home_assistant',
        config: {
          mqtt_broker: MOSQUITTO.host,
          mqtt_port: MOSQUITTO.port,
          discovery_prefix: discovery,
          entity_prefix: prefix,
        },
      }),
      201,
    );
    await setup.shutdown();

    const idle = await startClientTestServer(backend, { ...env, JOBS_ENABLED: 'false' });
    client = idle;
    await sleep(WATCHER_GRACE_MS);
    expect(idle.haWatcher.watching).toBe(0);
    expect((await retainedMessages(`${prefix}/status`)).size).toBe(0);
    await announceOnline();
    await sleep(WATCHER_GRACE_MS);
    expect(await exportCount(idle, id)).toBe(0);
    expect((await retainedMessages(`${discovery}/#`)).size).toBe(0);
    await idle.shutdown();
    client = undefined;

    // The same store, jobs on: the watcher connects at start and answers Home Assistant's birth message.
    const working = await startClientTestServer(backend, { ...env, JOBS_ENABLED: 'true' });
    client = working;
    await expect.poll(() => working.haWatcher.watching, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(async () => (await retainedMessages(`${prefix}/status`)).get(`${prefix}/status`)?.payload)
      .toBe('online');
    await announceOnline();
    await expect.poll(() => exportCount(working, id), { timeout: 10_000 }).toBe(1);
    expect((await retainedMessages(`${discovery}/#`)).has(`${discovery}/device/med_rte/config`)).toBe(true);
  });
});

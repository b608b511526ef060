import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Pdl } from '@med/contracts';
import { connectAsync, type MqttClient } from 'mqtt';
import { expect } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { upsertCurve, upsertDaily, upsertMaxPower } from '../../src/features/sync/client-data.repository.ts';
import { replaceMeters } from '../../src/features/sync/client-meters.repository.ts';
import type { ClientTestServer } from './client-server.ts';

/** The shared loopback Mosquitto every MQTT test publishes to, each under its own topic prefix. */
export const MOSQUITTO = { host: '127.0.0.1', port: 1883 };

export function uniquePrefix(label = 'test'): string {
  return `med_${label}_${randomBytes(5).toString('hex')}`;
}

/** A meter as the gateway's `/api/pdl` lists it (client mode stores that item). */
export function pdlItem(usagePointId: string, overrides: Partial<Pdl> = {}): Pdl {
  return {
    id: `id-${usagePointId}`,
    usage_point_id: usagePointId,
    name: `Maison ${usagePointId.slice(-4)}`,
    created_at: '2024-01-01T00:00:00.000Z',
    display_order: null,
    subscribed_power: 9,
    offpeak_hours: null,
    pricing_option: 'BASE',
    has_consumption: true,
    has_production: false,
    is_active: true,
    oldest_available_data_date: null,
    activation_date: null,
    linked_production_pdl_id: null,
    selected_offer_id: null,
    consent_status: 'active',
    consent_granted_at: '2024-01-01T00:00:00.000Z',
    consent_expires_at: null,
    consent_revoked_at: null,
    ...overrides,
  };
}

export async function seedMeters(db: Db, meters: Pdl[]): Promise<void> {
  await replaceMeters(db, meters, new Date());
}

export async function seedDaily(
  db: Db,
  usagePointId: string,
  direction: 'consumption' | 'production',
  days: Record<string, number>,
): Promise<void> {
  await upsertDaily(
    db,
    usagePointId,
    direction,
    Object.entries(days).map(([day, valueWh]) => ({ day, valueWh })),
  );
}

export { upsertCurve, upsertMaxPower };

/** JSON body of an enveloped answer, asserting the status. */
export function dataOf<T>(response: { statusCode: number; body: string; json: <U>() => U }, status = 200): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<{ data: T }>().data;
}

export function errorOf(response: { statusCode: number; body: string; json: <U>() => U }, status: number) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<{ error: { code: string; message: string; field?: string } }>().error;
}

export async function createExporter(client: ClientTestServer, payload: Record<string, unknown>) {
  return client.app.inject({ method: 'POST', url: '/api/export/configs', payload });
}

/** A test subscriber on a broker. */
export async function subscriber(options: { host?: string; port?: number } = {}): Promise<MqttClient> {
  return connectAsync({
    host: options.host ?? MOSQUITTO.host,
    port: options.port ?? MOSQUITTO.port,
    reconnectPeriod: 0,
    clientId: `med_test_${randomBytes(4).toString('hex')}`,
  });
}

/** The retained messages under `filter`, read by an independent client (not the exporter's code). */
export async function retainedMessages(filter: string): Promise<Map<string, { payload: string; qos: number }>> {
  const client = await subscriber();
  const found = new Map<string, { payload: string; qos: number }>();
  client.on('message', (topic, payload, packet) => {
    if (packet.retain) {
      found.set(topic, { payload: payload.toString(), qos: packet.qos });
    }
  });
  await client.subscribeAsync(filter, { qos: 2 });
  await delay(500);
  await client.endAsync();
  return found;
}

/** Removes every retained message under `prefix` (cleanup after a test). */
export async function clearRetained(prefix: string): Promise<void> {
  const topics = await retainedMessages(`${prefix}/#`);
  if (topics.size === 0) {
    return;
  }
  const client = await subscriber();
  await Promise.all([...topics.keys()].map((topic) => client.publishAsync(topic, '', { retain: true, qos: 1 })));
  await client.endAsync();
}

/**
 * A TCP server that accepts connections and never answers: a destination that hangs. `release()` cuts
 * every connection (the client then fails at once).
 */
export async function startBlackHole() {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    get connections() {
      return sockets.size;
    },
    release() {
      for (const socket of sockets) {
        socket.destroy();
      }
    },
    async close() {
      this.release();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A free loopback port (closed again at once): nothing listens there. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

/**
 * A private Mosquitto process (the Debian binary) with a password file and a TLS listener using a
 * self-signed certificate made with openssl: what the shared broker cannot show (credentials, TLS).
 * Returns null with the reason when a binary is missing.
 */
export async function startPrivateBroker(user: { name: string; password: string }) {
  for (const binary of ['/usr/sbin/mosquitto', '/usr/bin/mosquitto_passwd', '/usr/bin/openssl']) {
    if (spawnSync('test', ['-x', binary]).status !== 0) {
      return { skipped: `${binary} is not installed` } as const;
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'med-mosquitto-'));
  const passwords = join(dir, 'passwords');
  writeFileSync(passwords, '');
  spawnSync('/usr/bin/mosquitto_passwd', ['-b', passwords, user.name, user.password], { stdio: 'ignore' });
  const certificate = spawnSync(
    '/usr/bin/openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  if (certificate.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skipped: 'openssl could not make a certificate' } as const;
  }
  const plainPort = await closedPort();
  const tlsPort = await closedPort();
  writeFileSync(
    join(dir, 'mosquitto.conf'),
    [
      // Run as ourselves: started as root, Mosquitto would switch to its own user and not read this folder.
      `user ${userInfo().username}`,
      'per_listener_settings false',
      'allow_anonymous false',
      `password_file ${passwords}`,
      'persistence false',
      `listener ${plainPort} 127.0.0.1`,
      `listener ${tlsPort} 127.0.0.1`,
      `certfile ${join(dir, 'cert.pem')}`,
      `keyfile ${join(dir, 'key.pem')}`,
      '',
    ].join('\n'),
  );
  const process: ChildProcess = spawn('/usr/sbin/mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
  // Ready when the plain listener accepts an authenticated connection.
  for (let attempt = 0; ; attempt += 1) {
    try {
      const probe = await connectAsync({
        host: '127.0.0.1',
        port: plainPort,
        username: user.name,
        password: user.password,
        reconnectPeriod: 0,
        connectTimeout: 1000,
      });
      await probe.endAsync();
      break;
    } catch (error) {
      if (attempt > 50) {
        process.kill('SIGTERM');
        throw error;
      }
      await delay(100);
    }
  }
  return {
    skipped: null,
    plainPort,
    tlsPort,
    async close() {
      process.kill('SIGTERM');
      await new Promise((resolve) => process.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  } as const;
}

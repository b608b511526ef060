import { randomBytes } from 'node:crypto';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';

/** Seconds to reach the broker and get its CONNACK. */
const CONNECT_TIMEOUT_MS = 10_000;
/** A retained-message read-back stops after this long without a new message (the broker sends them at once). */
const RETAINED_IDLE_MS = 400;
const RETAINED_MAX_MS = 5_000;

export interface BrokerSettings {
  host: string;
  port: number;
  username?: string | null | undefined;
  password?: string | null | undefined;
  tls: boolean;
  tlsInsecure: boolean;
  /** Published by the broker if this connection drops without a clean disconnect. */
  will?: { topic: string; payload: string; retain: boolean; qos: 0 | 1 | 2 };
}

/** Broker errors in words a household understands, with the technical cause kept. */
function explain(error: unknown, settings: BrokerSettings): Error {
  const cause = error instanceof Error ? error : new Error(String(error));
  const code = (cause as NodeJS.ErrnoException).code;
  const where = `${settings.host}:${settings.port}`;
  const text =
    code === 'ECONNREFUSED'
      ? `connexion refusée par ${where} (aucun broker MQTT n’écoute sur ce port)`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `hôte inconnu : ${settings.host}`
        : /Not authorized|Bad username or password/i.test(cause.message)
          ? `le broker ${where} refuse l’identifiant ou le mot de passe (${cause.message})`
          : /connack timeout|timeout/i.test(cause.message)
            ? `le broker ${where} n’a pas répondu à temps`
            : `broker ${where} : ${cause.message}`;
  return new Error(text, { cause });
}

/**
 * Opens one MQTT connection (MQTT.js) for a run, a test or a read-back: no automatic reconnection (the
 * exporter framework retries with backoff), closed when the signal aborts.
 */
export async function openBroker(settings: BrokerSettings, signal: AbortSignal): Promise<MqttClient> {
  signal.throwIfAborted();
  const options: IClientOptions = {
    host: settings.host,
    port: settings.port,
    protocol: settings.tls ? 'mqtts' : 'mqtt',
    protocolVersion: 4,
    clientId: `myelectricaldata_${randomBytes(6).toString('hex')}`,
    connectTimeout: CONNECT_TIMEOUT_MS,
    reconnectPeriod: 0,
    clean: true,
    ...(settings.username ? { username: settings.username } : {}),
    ...(settings.password ? { password: settings.password } : {}),
    ...(settings.tls ? { rejectUnauthorized: !settings.tlsInsecure } : {}),
    ...(settings.will ? { will: settings.will } : {}),
  };
  let client: MqttClient;
  try {
    // allowRetries=false: a connection closed before CONNACK (black hole, TLS refused) rejects at once.
    const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
    client = await connectAsync(`${options.protocol}://${host}:${settings.port}`, options, false);
  } catch (error) {
    throw explain(error, settings);
  }
  if (signal.aborted || !client.connected) {
    client.end(true);
    signal.throwIfAborted();
    throw explain(new Error('connexion fermée avant son acceptation'), settings);
  }
  const onAbort = () => client.end(true);
  signal.addEventListener('abort', onAbort, { once: true });
  client.once('end', () => signal.removeEventListener('abort', onAbort));
  // A connection error after CONNACK (broker restart) surfaces through the pending publishes.
  client.on('error', () => undefined);
  return client;
}

/** Closes cleanly (the broker does not publish the will), waiting for in-flight QoS 1/2 messages. */
export async function closeBroker(client: MqttClient): Promise<void> {
  await client.endAsync();
}

export interface RetainedMessage {
  topic: string;
  payload: string;
}

/**
 * The retained messages under `filters` (e.g. `prefix/#`): subscribes and collects what the broker
 * replays at once, until nothing new arrives for a short while.
 */
export async function readRetained(
  client: MqttClient,
  filters: readonly string[],
  signal: AbortSignal,
): Promise<RetainedMessage[]> {
  const found = new Map<string, string>();
  let idle: NodeJS.Timeout | undefined;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  const rearm = () => {
    clearTimeout(idle);
    idle = setTimeout(done, RETAINED_IDLE_MS);
  };
  const onMessage = (topic: string, payload: Buffer, packet: { retain?: boolean }) => {
    if (packet.retain) {
      found.set(topic, payload.toString());
      rearm();
    }
  };
  client.on('message', onMessage);
  const ceiling = setTimeout(done, RETAINED_MAX_MS);
  signal.addEventListener('abort', done, { once: true });
  try {
    await client.subscribeAsync([...filters], { qos: 0 });
    rearm();
    await finished;
    signal.throwIfAborted();
  } finally {
    clearTimeout(idle);
    clearTimeout(ceiling);
    signal.removeEventListener('abort', done);
    client.off('message', onMessage);
  }
  return [...found.entries()]
    .map(([topic, payload]) => ({ topic, payload }))
    .sort((a, b) => a.topic.localeCompare(b.topic));
}

/** JSON payloads parsed, anything else as text. */
export function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return payload;
  }
}

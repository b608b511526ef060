import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { enedisPlugin, type EnedisEmulatorOptions } from './enedis/plugin.ts';
import { rtePlugin, type RteEmulatorOptions } from './rte/plugin.ts';

/** Options shared by both emulated providers. */
export interface EmulatorOptions {
  /** Current instant; tests pin it to check D-1 availability, publication times and DST days. */
  now?: () => Date;
  enedis?: Partial<EnedisEmulatorOptions>;
  rte?: Partial<RteEmulatorOptions>;
  /** Fastify logger; off by default (the app that embeds the emulator has its own logs). */
  logger?: boolean;
}

/**
 * Builds the emulator: one Fastify instance that serves every Enedis Data Connect v5 path and every
 * RTE path on a single host, as the real adapters expect (their base URL comes from configuration).
 */
export async function buildEmulator(options: EmulatorOptions = {}): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const app = Fastify({ logger: options.logger ?? false });
  await app.register(formbody);
  await app.register(enedisPlugin, { now, ...options.enedis });
  await app.register(rtePlugin, { now, ...options.rte });
  return app;
}

/** Starts the emulator on loopback and returns its base URL (port 0 picks a free port). */
export async function startEmulator(options: EmulatorOptions & { port?: number; host?: string } = {}) {
  const app = await buildEmulator(options);
  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  return { app, url: address, close: () => app.close() };
}

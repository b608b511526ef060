import { z } from 'zod';

/**
 * Upstreams answered by the emulator instead of the real service. The web app shows a "simulated data"
 * banner whenever one is true, so nobody mistakes generated readings for their own.
 */
export const simulatedDataSchema = z.object({
  /** Meter readings (no Enedis credentials, or ENEDIS_ENVIRONMENT=emulator). The demo account always is. */
  enedis: z.boolean(),
  /** Tempo, EcoWatt, national consumption and generation (no RTE credentials). */
  rte: z.boolean(),
});
export type SimulatedData = z.infer<typeof simulatedDataSchema>;

/** `GET /api/config`: what the web app needs at start-up; only values that are safe to publish. */
export const runtimeConfigSchema = z.object({
  server_mode: z.boolean(),
  turnstile_site_key: z.string().nullable(),
  demo_enabled: z.boolean(),
  version: z.string(),
  simulated_data: simulatedDataSchema,
});
export type RuntimeConfigResponse = z.infer<typeof runtimeConfigSchema>;

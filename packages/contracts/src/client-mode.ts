import { z } from 'zod';

/** Where the local client stands with its gateway: `connected`, or exactly what is wrong. */
export const gatewayConnectionStateSchema = z.enum([
  'connecting',
  'connected',
  'not_configured',
  'bad_credentials',
  'unreachable',
  'quota_exceeded',
  'refused',
]);
export type GatewayConnectionState = z.infer<typeof gatewayConnectionStateSchema>;

/** `GET /api/client/status` (client mode): the gateway link, for the status page and monitoring. */
export const clientStatusSchema = z.object({
  mode: z.literal('client'),
  gateway: z.object({
    /** MED_API_URL. */
    url: z.string(),
    state: gatewayConnectionStateSchema,
    /** A sentence saying what is wrong and what to do, with the technical detail in parentheses. */
    message: z.string(),
    checked_at: z.string().nullable(),
    /** While failing: when the next attempt runs (backoff). */
    next_attempt_at: z.string().nullable(),
    failures: z.number().int(),
  }),
});
export type ClientStatus = z.infer<typeof clientStatusSchema>;

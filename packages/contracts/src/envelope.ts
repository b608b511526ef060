import { z } from 'zod';
import type { ErrorCode } from './error-codes.ts';

/** Error part of the envelope. `field` names the offending input when there is one. */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema> & { code: ErrorCode | (string & {}) };

/**
 * The envelope every `/api` route answers with (except `POST /api/accounts/token` and `/ping`):
 * `{ success, data, error, timestamp }`, always with the matching HTTP status.
 */
export function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.object({
    success: z.boolean(),
    data: data.nullable(),
    error: apiErrorSchema.nullable(),
    timestamp: z.string(),
  });
}

export interface Envelope<T> {
  success: boolean;
  data: T | null;
  error: ApiError | null;
  timestamp: string;
}

export const messageSchema = z.object({ message: z.string() });
export type MessageResponse = z.infer<typeof messageSchema>;

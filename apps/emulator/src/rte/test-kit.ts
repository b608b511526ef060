/**
 * Helpers for the RTE emulator tests: an emulator with a movable clock, a token, and authenticated GETs.
 * Not a test file itself (no `.test.ts`), and not imported by production code.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildEmulator } from '../app.ts';
import type { RteEmulatorOptions } from './options.ts';

export interface RteTestEmulator {
  app: FastifyInstance;
  /** Moves the emulator clock. */
  setNow(iso: string): void;
  /** A fresh bearer token of the default client. */
  token(clientId?: string, clientSecret?: string): Promise<string>;
  /** GET with the given bearer token, or the default client's (fetched again once expired). */
  get(path: string, query?: Record<string, string>, token?: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Typed wrappers of vitest's asymmetric matchers (theirs are `any`, which the lint rules refuse). */
export const anyString = (): unknown => expect.any(String);
export const anyNumber = (): unknown => expect.any(Number);
export const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

export const DEFAULT_CLIENT = {
  id: 'med-rte-emulator-client',
  secret: 'med-rte-emulator-secret',
};

export function basicAuth(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export async function rteTestEmulator(nowIso: string, rte: Partial<RteEmulatorOptions> = {}): Promise<RteTestEmulator> {
  let now = new Date(nowIso);
  const app = await buildEmulator({ now: () => now, rte });
  let cached: { token: string; expiresAtMs: number } | undefined;

  const token = async (id = DEFAULT_CLIENT.id, secret = DEFAULT_CLIENT.secret) => {
    const response = await app.inject({
      method: 'POST',
      url: '/token/oauth/',
      headers: { authorization: basicAuth(id, secret) },
    });
    if (response.statusCode !== 200) {
      throw new Error(`token failed: ${response.statusCode} ${response.body}`);
    }
    const body = response.json<{ access_token: string; expires_in: number }>();
    if (id === DEFAULT_CLIENT.id) {
      cached = {
        token: body.access_token,
        expiresAtMs: now.getTime() + body.expires_in * 1000,
      };
    }
    return body.access_token;
  };

  return {
    app,
    setNow: (iso) => {
      now = new Date(iso);
    },
    token,
    get: async (path, query = {}, bearer) => {
      // Reuse the default client's token while it is valid on the emulator clock.
      const current = bearer ?? (cached && now.getTime() < cached.expiresAtMs ? cached.token : await token());
      return app.inject({
        method: 'GET',
        url: path,
        query,
        headers: { authorization: `Bearer ${current}` },
      });
    },
    close: () => app.close(),
  };
}

import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import { backoffDelayMs } from '../../jobs/backoff.ts';
import type { GatewayClient } from './gateway-client.ts';
import { GatewayError, type GatewayProblem } from './gateway-errors.ts';

export type ConnectionState = 'connecting' | 'connected' | GatewayProblem;

export interface ConnectionStatus {
  state: ConnectionState;
  /** What is wrong (or "connected"), precise enough to act on: the variable, the HTTP status, the network error. */
  message: string;
  /** Last check or call, ISO instant. */
  checkedAt: string | null;
  /** When the next attempt runs while the gateway fails, ISO instant. */
  nextAttemptAt: string | null;
  /** Consecutive failed checks. */
  failures: number;
}

/** French sentence for the status page, per state; the log keeps the English detail. */
const ADVICE: Record<ConnectionState, string> = {
  connecting: 'Connexion à la passerelle en cours.',
  connected: 'Connecté à la passerelle.',
  not_configured:
    'MED_CLIENT_ID et MED_CLIENT_SECRET ne sont pas renseignés : copiez-les depuis votre compte sur la passerelle puis redémarrez.',
  bad_credentials:
    'La passerelle refuse MED_CLIENT_ID / MED_CLIENT_SECRET : vérifiez-les sur votre compte (secret régénéré ?) puis redémarrez.',
  unreachable: 'La passerelle ne répond pas (adresse MED_API_URL, réseau ou panne) ; nouvel essai automatique.',
  quota_exceeded: 'Quota journalier de la passerelle atteint ; reprise automatique à l’heure indiquée.',
  refused: 'La passerelle refuse une requête ; nouvel essai automatique.',
};

export interface GatewayConnectionOptions {
  client: GatewayClient;
  log: FastifyBaseLogger;
  retryMinMs: number;
  retryMaxMs: number;
  now?: () => Date;
}

/**
 * Watches the link to the gateway: at start it obtains a token, and while that fails it says exactly why
 * (status route and log) and tries again with the shared backoff. Missing credentials are not retried:
 * only a restart with new settings can change them.
 */
export function createGatewayConnection(options: GatewayConnectionOptions) {
  const now = options.now ?? (() => new Date());
  let status: ConnectionStatus = {
    state: 'connecting',
    message: ADVICE.connecting,
    checkedAt: null,
    nextAttemptAt: null,
    failures: 0,
  };
  let controller: AbortController | null = null;
  let loop: Promise<void> | null = null;

  function succeed(): void {
    if (status.state !== 'connected') {
      options.log.info({ gateway: options.client.apiUrl }, 'connected to the gateway');
    }
    status = {
      state: 'connected',
      message: ADVICE.connected,
      checkedAt: now().toISOString(),
      nextAttemptAt: null,
      failures: 0,
    };
  }

  /** Records a failure; returns the wait before the next attempt (undefined: do not retry). */
  function fail(error: unknown): number | undefined {
    const gatewayError =
      error instanceof GatewayError
        ? error
        : new GatewayError('unreachable', error instanceof Error ? error.message : String(error));
    const failures = status.failures + 1;
    const retryable = gatewayError.problem !== 'not_configured';
    const waitMs = retryable
      ? Math.max(gatewayError.retryAfterMs ?? 0, backoffDelayMs(failures, options.retryMinMs, options.retryMaxMs))
      : undefined;
    const checkedAt = now();
    status = {
      state: gatewayError.problem,
      message: `${ADVICE[gatewayError.problem]} (${gatewayError.message})`,
      checkedAt: checkedAt.toISOString(),
      nextAttemptAt: waitMs === undefined ? null : new Date(checkedAt.getTime() + waitMs).toISOString(),
      failures,
    };
    options.log.error(
      {
        gateway: options.client.apiUrl,
        problem: gatewayError.problem,
        status: gatewayError.status,
        failures,
        retryInMs: waitMs ?? null,
      },
      `gateway connection failed: ${gatewayError.message}${waitMs === undefined ? ' (not retried; fix the settings and restart)' : ''}`,
    );
    return waitMs;
  }

  async function run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await options.client.checkCredentials(signal);
        succeed();
        return;
      } catch (error) {
        if (signal.aborted) {
          return;
        }
        const waitMs = fail(error);
        if (waitMs === undefined) {
          return;
        }
        await sleep(waitMs, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  return {
    status: (): ConnectionStatus => ({ ...status }),
    /** Starts checking in the background until connected (or not configured). */
    start(): void {
      if (loop) {
        return;
      }
      controller = new AbortController();
      loop = run(controller.signal).finally(() => {
        loop = null;
      });
    },
    async stop(): Promise<void> {
      controller?.abort();
      await loop;
    },
  };
}
export type GatewayConnection = ReturnType<typeof createGatewayConnection>;

import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/**
 * Graceful stop of the HTTP side. `start()` flips readiness first (`/ready` answers 503, so a load
 * balancer stops routing here); `close()` then stops accepting connections and waits for the requests
 * already running, for at most `timeoutMs`, before cutting what is left. Only after that may the cache
 * and the database close: a request still running would otherwise fail with "Connection is closed".
 */
export interface Drain {
  readonly draining: boolean;
  /** Requests received and not answered yet (connection closed or response sent). */
  readonly inFlight: number;
  start(): void;
  /** Resolves once no request is running and the server is closed; `timedOut` when connections had to be cut. */
  close(timeoutMs: number): Promise<{ timedOut: boolean; cut: number }>;
}

export function createDrain(app: FastifyInstance, log: FastifyBaseLogger): Drain {
  let draining = false;
  let inFlight = 0;
  let onIdle: (() => void) | undefined;

  // Counted on the raw response's `close`, which fires once whether the answer was sent or the client
  // went away; injected requests (tests) are counted too, although they have no socket to drain.
  app.addHook('onRequest', async (_request, reply) => {
    inFlight += 1;
    reply.raw.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) {
        onIdle?.();
      }
    });
  });

  // A response finishing during the drain closes its connection: a kept-alive socket would otherwise
  // hold the server open until its keep-alive timeout (Fastify: 72 s), far past the drain timeout.
  app.addHook('onSend', async (_request, reply) => {
    if (draining) {
      void reply.header('connection', 'close');
    }
  });

  const idle = () =>
    inFlight === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          onIdle = resolve;
        });

  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight;
    },
    start() {
      draining = true;
    },
    async close(timeoutMs) {
      draining = true;
      // Fastify's close stops listening, answers requests arriving on kept-alive connections with 503
      // and `Connection: close`, and resolves when the server's last connection ends.
      const closed = app.close();
      const drained = closed.then(idle);
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<'expired'>((resolve) => {
        timer = setTimeout(() => resolve('expired'), timeoutMs);
      });
      const outcome = await Promise.race([drained.then(() => 'drained' as const), expired]);
      clearTimeout(timer);
      if (outcome === 'drained') {
        return { timedOut: false, cut: 0 };
      }
      const cut = inFlight;
      log.warn({ inFlight: cut, timeoutMs }, 'shutdown: requests still running after the drain timeout; cutting them');
      app.server.closeAllConnections();
      await closed;
      return { timedOut: true, cut };
    },
  };
}

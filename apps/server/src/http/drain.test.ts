import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createDrain, type Drain } from './drain.ts';

/** A bare app with a route answering when the test says so, listening on a free loopback port. */
async function slowApp(): Promise<{ app: FastifyInstance; drain: Drain; url: string; release: () => void }> {
  const app = Fastify({ logger: false });
  const drain = createDrain(app, app.log);
  const waiting: (() => void)[] = [];
  app.get('/slow', async () => {
    await new Promise<void>((resolve) => waiting.push(resolve));
    return { done: true };
  });
  app.get('/fast', async () => ({ done: true }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    drain,
    url: `http://127.0.0.1:${port}`,
    release: () => {
      for (const resolve of waiting.splice(0)) {
        resolve();
      }
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) {
    app.server.closeAllConnections();
    await app.close();
  }
});

describe('createDrain', () => {
  it('waits for in-flight requests, closing their kept-alive connections instead of waiting for the keep-alive timeout', async () => {
    const { app, drain, url, release } = await slowApp();
    apps.push(app);
    // An idle kept-alive connection, and a request in flight on another.
    expect((await fetch(`${url}/fast`)).status).toBe(200);
    const slow = fetch(`${url}/slow`);
    await until(() => drain.inFlight === 1);

    const started = Date.now();
    const closing = drain.close(10_000);
    expect(drain.draining).toBe(true);
    setTimeout(release, 200);
    const response = await slow;
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    expect(await closing).toEqual({ timedOut: false, cut: 0 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(drain.inFlight).toBe(0);
  });

  it('cuts what is still running once the timeout has passed', async () => {
    const { app, drain, url, release } = await slowApp();
    apps.push(app);
    const slow = fetch(`${url}/slow`).then(
      (response) => response.status,
      (error: unknown) => error,
    );
    await until(() => drain.inFlight === 1);

    const started = Date.now();
    expect(await drain.close(300)).toEqual({ timedOut: true, cut: 1 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(3_000);
    // The client saw its connection cut, not an answer.
    expect(await slow).toBeInstanceOf(Error);
    release();
  });
});

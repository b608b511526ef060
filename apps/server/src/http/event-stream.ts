import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** One open Server-Sent Events response. */
export interface EventStream {
  send: (event: string, data: unknown) => void;
  end: () => void;
  /** Runs once when the client goes away or the stream is ended. */
  onClose: (listener: () => void) => void;
}

/**
 * The event streams of one route plugin: each `open` takes the reply over (no JSON envelope) and sends the
 * headers at once — not with the first event — so a client waiting for the next event sees the stream open.
 * Streams never end on their own, so they are closed before the server's drain waits for requests.
 */
export function eventStreams(app: FastifyInstance) {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const stream of open) {
      stream.end();
    }
  });
  return {
    open(reply: FastifyReply): EventStream {
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
      });
      stream.flushHeaders();
      open.add(stream);
      stream.once('close', () => open.delete(stream));
      return {
        send: (event, data) => {
          stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        },
        end: () => stream.end(),
        onClose: (listener) => {
          stream.once('close', listener);
        },
      };
    },
  };
}

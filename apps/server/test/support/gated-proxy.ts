import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay to `127.0.0.1:{port}` whose client-to-server direction can be held: while paused, what
 * clients send is kept and delivered on `release()`. Tests freeze a protocol exchange at a known point
 * (an import waiting for HA) without timing guesses.
 */
export async function startGatedProxy(port: number) {
  let paused = false;
  const held: { upstream: Socket; chunk: Buffer }[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    sockets.add(client).add(upstream);
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      if (paused) {
        held.push({ upstream, chunk });
      } else {
        upstream.write(chunk);
      }
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const proxyPort = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${proxyPort}`,
    pause(): void {
      paused = true;
    },
    release(): void {
      paused = false;
      for (const { upstream, chunk } of held.splice(0)) {
        upstream.write(chunk);
      }
    },
    async close(): Promise<void> {
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

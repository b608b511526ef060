import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback round-robin load balancer in front of several app instances, as a reverse proxy in front of
 * a scaled-out gateway: each incoming request goes to the next target, in arrival order, streamed both
 * ways. `served` records which target answered each request (method, path, target index).
 */
export async function startLoadBalancer(targets: readonly string[]) {
  let next = 0;
  const served: { method: string; path: string; target: number }[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const target = next;
    next = (next + 1) % targets.length;
    served.push({ method: incoming.method ?? 'GET', path: (incoming.url ?? '/').split('?')[0] ?? '/', target });
    const upstream = new URL(incoming.url ?? '/', targets[target]);
    const proxied = httpRequest(
      upstream,
      { method: incoming.method, headers: { ...incoming.headers, host: upstream.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    proxied.on('error', () => {
      outgoing.writeHead(502).end();
    });
    incoming.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    /** The target index that served the last request whose path starts with `path`. */
    lastTargetOf(path: string): number | undefined {
      return served.findLast((entry) => entry.path.startsWith(path))?.target;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
export type LoadBalancer = Awaited<ReturnType<typeof startLoadBalancer>>;

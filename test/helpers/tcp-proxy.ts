/**
 * A TCP proxy to a real PostgreSQL that a test can cut and restore: the database "goes away"
 * for the server as a crashed database host would (connections reset, new ones refused).
 */
import net from 'node:net';
import { createScratchDatabase } from './databases.ts';

export type TcpProxy = { port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> };

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const newServer = () => net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    track(client);
    track(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.pipe(upstream).pipe(client);
  });
  const listen = (server: net.Server, port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const close = (server: net.Server) => new Promise<void>((resolve) => {
    server.close(() => resolve());
    for (const s of sockets) s.destroy();
  });

  let server = newServer();
  await listen(server, 0);
  const port = (server.address() as net.AddressInfo).port;
  let up = true;
  return {
    port,
    async cut() {
      if (!up) return;
      up = false;
      await close(server);
    },
    async restore() {
      if (up) return;
      up = true;
      server = newServer();
      await listen(server, port);
    },
    close: () => (up ? close(server) : Promise.resolve()),
  };
}

/**
 * A fresh PostgreSQL database next to `baseUrl`, reached through a proxy the test can cut:
 * `url` goes to Dash's DATABASE_URL; `release()` closes the proxy and drops the database.
 */
export async function proxiedScratchDatabase(baseUrl: string): Promise<{ url: string; proxy: TcpProxy; release(): Promise<void> }> {
  const scratch = await createScratchDatabase(baseUrl);
  const target = new URL(scratch.url);
  const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
  target.host = `127.0.0.1:${proxy.port}`;
  return {
    url: target.toString(),
    proxy,
    async release() {
      await proxy.close();
      await scratch.drop();
    },
  };
}

/**
 * A TCP proxy to a real PostgreSQL that a test can cut and restore: the database "goes away"
 * for the server as a crashed database host would (connections reset, new ones refused).
 */
import net from 'node:net';

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

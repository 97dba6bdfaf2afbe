/**
 * A TCP proxy between a panel and the broker that a test can cut (the gateway is
 * unreachable), restore, or make deaf one way: with `muteDownstream` the broker still gets
 * the panel's packets but the panel hears nothing back (no PUBACK, no ack), as when a link
 * dies right after the press was committed.
 */
import net from 'node:net';

export type MqttProxy = { url: string; cut(): Promise<void>; restore(): Promise<void>; muteDownstream(): void; close(): Promise<void> };

export async function startMqttProxy(brokerPort: number): Promise<MqttProxy> {
  const sockets = new Set<net.Socket>();
  let muted = false;
  const serve = () => net.createServer((client) => {
    const broker = net.connect(brokerPort, '127.0.0.1');
    for (const s of [client, broker]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        broker.destroy();
      });
    }
    client.pipe(broker);
    broker.on('data', (chunk: Buffer) => {
      if (!muted) client.write(chunk);
    });
    broker.on('end', () => client.end());
    client.on('end', () => broker.end());
  });
  const listen = (server: net.Server, port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  let server: net.Server | null = serve();
  await listen(server, 0);
  const port = (server.address() as net.AddressInfo).port;
  const shut = () => new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.close(() => resolve());
    for (const s of sockets) s.destroy();
    server = null;
  });
  return {
    url: `mqtt://127.0.0.1:${port}`,
    cut: shut,
    async restore() {
      if (server) return;
      muted = false;
      server = serve();
      await listen(server, port);
    },
    muteDownstream() {
      muted = true;
    },
    close: shut,
  };
}

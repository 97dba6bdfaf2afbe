/**
 * Network listeners for the broker: MQTT over TCP and TLS, and MQTT over WebSocket on `/mqtt`
 * of an HTTP server. A port in use is reported by its variable name (design §8).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { createWebSocketStream, WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { newFrameScanner, scanFrames } from './domain/mqtt-frame.ts';

/** Largest MQTT packet accepted off the wire; payloads over 4 KiB are rejected politely below it. */
export const MAX_PACKET_BYTES = 64 * 1024;

export class PortInUseError extends Error {
  constructor(readonly variable: string, readonly port: number) {
    super(`${variable} ${port} is in use; set ${variable} to a free port`);
  }
}

/** Listens and resolves the bound port (useful with port 0), or rejects with PortInUseError. */
export function listenOn(server: net.Server, port: number, host: string, variable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err?: Error) => {
      const code = (err as NodeJS.ErrnoException | undefined)?.code;
      reject(code === 'EADDRINUSE' || code === 'EACCES' ? new PortInUseError(variable, port) : err);
    };
    server.once('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolve((server.address() as net.AddressInfo).port);
    });
    server.listen(port, host);
  });
}

type Handle = (stream: Duplex, req?: IncomingMessage) => unknown;

/** Closes a raw connection as soon as a packet header announces more than MAX_PACKET_BYTES. */
function guardPacketSize(socket: net.Socket, log: Logger, onOversize: () => void): void {
  const scanner = newFrameScanner();
  socket.prependListener('data', (chunk: Buffer) => {
    const result = scanFrames(scanner, chunk, MAX_PACKET_BYTES);
    if (result.ok) return;
    onOversize();
    log.warn({ remote: socket.remoteAddress, reason: result.reason, bytes: result.packetBytes }, 'connection closed: oversized MQTT packet');
    socket.destroy();
  });
}

export function createTcpListener(handle: Handle, log: Logger, onOversize: () => void): net.Server {
  return trackSockets(net.createServer((socket) => {
    guardPacketSize(socket, log, onOversize);
    handle(socket);
  }));
}

export function createTlsListener(handle: Handle, log: Logger, onOversize: () => void, cert: Buffer, key: Buffer): tls.Server {
  return trackSockets(tls.createServer({ cert, key }, (socket) => {
    guardPacketSize(socket, log, onOversize);
    handle(socket);
  }));
}

const OPEN_SOCKETS = Symbol('openSockets');

/** Remembers open sockets so shutdown can end them: `server.close()` alone waits for every device to leave. */
function trackSockets<S extends net.Server>(server: S): S {
  const open = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
  });
  return Object.assign(server, { [OPEN_SOCKETS]: open });
}

/** Stops accepting and ends the connections still open; resolves when the server is closed. */
export function closeListener(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) (server as unknown as { closeAllConnections(): void }).closeAllConnections();
    for (const s of (server as { [OPEN_SOCKETS]?: Set<net.Socket> })[OPEN_SOCKETS] ?? []) s.destroy();
  });
}

/** Serves MQTT over WebSocket on `path` of an existing HTTP server (browsers, the virtual button). */
export function attachWebSocket(httpServer: HttpServer, handle: Handle, path = '/mqtt'): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PACKET_BYTES });
  httpServer.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== path) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      const stream = createWebSocketStream(ws);
      stream.on('error', () => ws.terminate());
      handle(stream, req);
    });
  });
  return wss;
}

/** MQTT over TCP on MQTT_PORT and, when configured, over TLS on MQTTS_PORT; both closed by `stack`. */
export async function listenMqtt(
  gateway: { handle: Handle; oversize: () => void },
  config: { HOST: string; MQTT_PORT: number; MQTTS_PORT?: number | undefined; TLS_CERT?: string | undefined; TLS_KEY?: string | undefined },
  log: Logger,
  stack: { push(close: () => Promise<void>): void },
): Promise<{ mqttPort: number; mqttsPort: number | null }> {
  const tcp = createTcpListener(gateway.handle, log, gateway.oversize);
  const mqttPort = await listenOn(tcp, config.MQTT_PORT, config.HOST, 'MQTT_PORT');
  stack.push(() => closeListener(tcp));
  if (config.MQTTS_PORT === undefined || !config.TLS_CERT || !config.TLS_KEY) return { mqttPort, mqttsPort: null };
  const tlsServer = createTlsListener(gateway.handle, log, gateway.oversize, readFileSync(config.TLS_CERT), readFileSync(config.TLS_KEY));
  const mqttsPort = await listenOn(tlsServer, config.MQTTS_PORT, config.HOST, 'MQTTS_PORT');
  stack.push(() => closeListener(tlsServer));
  return { mqttPort, mqttsPort };
}

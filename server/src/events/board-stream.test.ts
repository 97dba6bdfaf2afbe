/**
 * A live board over a real HTTP connection: frames in order, backpressure when the reader
 * falls behind, and a stalled board closed at its bounds instead of buffered for ever.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as tick } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardStream, type BoardStreamOptions } from './board-stream.ts';
import { EventBus } from './bus.ts';

const BIG = 'x'.repeat(64 * 1024); // frames this size fill the socket buffers in a few dozen events

type Board = { stream: BoardStream; res: http.IncomingMessage; read: () => { text: () => string; ended: Promise<void> } };
const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => (s.closeAllConnections(), s.close(r)));
});

/** One board on a real server; its client reads nothing until `read()` is called. */
async function openBoard(bus: EventBus, options: Partial<BoardStreamOptions> = {}): Promise<Board> {
  let stream: BoardStream | undefined;
  const server = http.createServer((_req, res) => {
    stream = new BoardStream(res, { bus, visible: () => true, lastEventId: null, ...options });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const res = await new Promise<http.IncomingMessage>((resolve) => http.get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, resolve));
  res.pause();
  const read = () => {
    let all = '';
    const ended = new Promise<void>((resolve) => res.on('close', resolve));
    res.setEncoding('utf8').on('data', (d: string) => (all += d)).on('error', () => {}).resume();
    return { text: () => all, ended };
  };
  return { stream: stream!, res, read };
}

/** Publishes big events, yielding to I/O between them, until `done` or `max` events. */
async function publishUntil(bus: EventBus, done: () => boolean, max: number): Promise<number> {
  let n = 0;
  while (n < max && !done()) {
    bus.publish('ticket.updated', { blob: BIG });
    n++;
    await tick();
  }
  return n;
}

describe('a live board on a Node response', () => {
  it('holds frames while the reader is behind and delivers every one, in order, once it reads', async () => {
    const bus = new EventBus(10);
    const board = await openBoard(bus, { maxBufferedBytes: 1024 ** 3 });
    const sent = await publishUntil(bus, () => board.stream.pendingBytes > 0, 2000);
    for (let i = 0; i < 20; i++) bus.publish('ticket.updated', { blob: BIG });
    expect(board.stream.pendingBytes).toBeGreaterThan(0);

    const last = bus.publish('ticket.updated', { end: true }).id;
    const reading = board.read();
    await waitUntil(() => reading.text().includes('"end":true'));
    const ids = [...reading.text().matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(last).toBe(sent + 21);
  });

  it('closes a board whose backlog passes the bound, and stops writing to it', async () => {
    const bus = new EventBus(10);
    const board = await openBoard(bus, { maxBufferedBytes: 256 * 1024 });
    await publishUntil(bus, () => board.stream.isClosed, 2000);
    expect(board.stream.isClosed).toBe(true);
    bus.publish('ticket.updated', { blob: BIG });
    expect(board.stream.pendingBytes).toBe(0);
    await board.read().ended; // the client sees the connection end
  });

  it('closes a board that has not drained for longer than stallMs', async () => {
    const bus = new EventBus(10);
    const board = await openBoard(bus, { maxBufferedBytes: 1024 ** 3, stallMs: 60_000 });
    await publishUntil(bus, () => board.stream.pendingBytes > 0, 2000);
    board.stream.tick(performance.now());
    expect(board.stream.isClosed).toBe(false);
    board.stream.tick(performance.now() + 60_001);
    expect(board.stream.isClosed).toBe(true);
  });

  it('sends a keep-alive comment on a heartbeat with nothing else sent since the last one', async () => {
    const bus = new EventBus(10);
    const board = await openBoard(bus);
    board.stream.tick(); // the ready frame went out since the stream opened
    board.stream.tick();
    const reading = board.read();
    await waitUntil(() => reading.text().includes('keep-alive'));
    expect(reading.text()).toMatch(/^event: ready\ndata: \{"at":"[^"]+"\}\n\n: keep-alive\n\n$/);
  });
});

async function waitUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
}

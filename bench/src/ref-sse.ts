/**
 * Reference for the boards: a plain node:http SSE broadcaster. POST /publish with a JSON
 * body sends it as one event to every open GET /events, serialised once per event.
 * Prints `BENCH_READY {port}`; exits when its stdin closes.
 */
import http from 'node:http';

const clients = new Set<http.ServerResponse>();
let nextId = 0;

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write('event: ready\ndata: {}\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/publish') {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => {
      const frame = `id: ${++nextId}\nevent: press\ndata: ${body}\n\n`;
      for (const c of clients) c.write(frame);
      res.end();
    });
    return;
  }
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => {
  console.log(`BENCH_READY ${JSON.stringify({ port: (server.address() as { port: number }).port })}`);
});
process.stdin.on('end', () => process.exit(0)).resume();

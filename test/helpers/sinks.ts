/** Real receivers on port 0 for what Dash sends out: webhook HTTP requests and e-mail over SMTP. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Hit = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

/** An HTTP receiver at `url` (any path); `answer` picks the status of the n-th request (0-based). */
export async function receiver(answer: (n: number, hit: Hit) => number = () => 200) {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString('utf8')));
    req.on('end', () => {
      const hit = { method: req.method!, url: req.url!, headers: req.headers, body };
      hits.push(hit);
      res.writeHead(answer(hits.length - 1, hit)).end('receiver says hi');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, hits,
    /** The JSON bodies received so far. */
    bodies: <T = { type: string; data: Record<string, unknown> }>() => hits.map((h) => JSON.parse(h.body) as T),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type Mail = { to: string[]; subject: string; text: string };

/** An SMTP server (no TLS, no auth) that keeps what it receives, parsed as a mail client would (encoded subjects, charsets). */
export async function smtpSink() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, done) {
      simpleParser(stream).then((parsed) => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: parsed.subject ?? '', text: parsed.text ?? '' });
        done();
      }, done);
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return { url, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

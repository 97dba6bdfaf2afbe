/**
 * A live board as the load generator sees it: one SSE connection, events parsed just enough
 * to time them. A press event (`ticket.created` / `ticket.merged`) carries the ticket's
 * `lastPressAt`, which the press set to its intended send time: receipt minus that is the
 * press→board latency (1 ms resolution, both clocks are this machine's).
 */
import http from 'node:http';
import { Latency } from './histogram.ts';
import { wallOf } from './open-loop.ts';

const PRESS_EVENTS = /^event: (ticket\.created|ticket\.merged|press)$/m;
const MARK = '"lastPressAt":"';

export class BoardSet {
  readonly latency = new Latency();
  readonly received: number[];
  bytes = 0;
  events = 0;
  failures = 0;
  counting = false;
  private readonly requests: http.ClientRequest[] = [];

  constructor(readonly count: number) {
    this.received = new Array(count).fill(0);
  }

  /** Opens every board; resolves when each has its response headers. */
  async open(url: string, headers: Record<string, string> = {}): Promise<void> {
    const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
    await Promise.all(this.received.map((_, i) => new Promise<void>((resolve) => {
      const req = http.get(url, { agent, headers: { accept: 'text/event-stream', ...headers } }, (res) => {
        if (res.statusCode !== 200) {
          this.failures++;
          res.resume();
          return resolve();
        }
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          buf += chunk;
          let end: number;
          while ((end = buf.indexOf('\n\n')) >= 0) {
            this.onEvent(i, buf.slice(0, end));
            buf = buf.slice(end + 2);
          }
        });
        resolve();
      });
      req.on('error', () => (this.failures++, resolve()));
      this.requests.push(req);
    })));
  }

  private onEvent(board: number, block: string): void {
    if (!this.counting || !PRESS_EVENTS.test(block)) return;
    const at = block.indexOf(MARK);
    if (at < 0) return;
    const pressedAt = Date.parse(block.slice(at + MARK.length, at + MARK.length + 24));
    this.latency.recordMs(wallOf(performance.now()) - pressedAt);
    this.received[board]!++;
    this.events++;
    this.bytes += block.length;
  }

  close(): void {
    for (const r of this.requests) r.destroy();
  }

  /** Share of the expected events each board got, worst board. */
  minDelivered(expected: number): number {
    return expected > 0 ? Math.min(...this.received) / expected : 1;
  }
}

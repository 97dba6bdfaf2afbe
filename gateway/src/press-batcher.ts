/**
 * Group commit for presses: while one batch is being committed, newly arrived presses wait
 * and go together in the next one. At low load every press commits alone and at once; under
 * load one transaction (one fsync) carries many. Each caller still hears only after its own
 * press is committed, so the durability rule holds.
 *
 * A second batch runs beside the first only once a full batch is waiting. Most of a batch's
 * cost is fixed (its statements are built, sent and decoded once whatever its size), so
 * starting partial batches in parallel split the waiting presses into many small batches
 * that each paid it: with four always allowed, 200 presses/s kept Dash's thread busy and p99
 * press→commit went to 450–850 ms; with the rule it passed the 200/s step and committed
 * 980/s at the next (bench/README.md, round 9).
 *
 * Under overload it sheds instead of piling up: a press that waited past the timeout leaves
 * the queue uncommitted, a resend of a press still waiting joins it instead of queueing
 * twice, and a full queue refuses at once. Each of these means no PUBACK: the device keeps
 * the press and retries later (design §2).
 */
import type { IntakePress, IntakeResult, TicketIntake } from './intake/ticket-intake.ts';

type Waiting = { item: IntakePress; key: string; resolvers: ((r: IntakeResult) => void)[] };

export class PressBatcher {
  private queue: Waiting[] = [];
  /** Queued or in a batch being committed, by device and pressId. */
  private readonly pending = new Map<string, Waiting>();
  private inFlight = 0;

  constructor(
    private readonly intake: TicketIntake,
    private readonly maxBatch = 200,
    /**
     * Batches lock their open tickets in id order and retry deadlocks, so several can run at
     * once; past the first, only full ones do.
     */
    private readonly maxInFlight = 4,
    /** A commit that has not answered by then counts as failed: no PUBACK, the device retries. */
    private readonly timeoutMs = 10_000,
    private readonly maxQueue = 20_000,
  ) {}

  submit(item: IntakePress): Promise<IntakeResult> {
    const failure = (message: string): IntakeResult => ({ pressId: item.press.pressId, outcome: 'error', message });
    const key = `${item.deviceId}\u0000${item.press.pressId}`;
    return new Promise((resolve) => {
      const existing = this.pending.get(key);
      if (!existing && this.queue.length >= this.maxQueue) return resolve(failure(`overloaded: ${this.queue.length} presses waiting`));
      const waiting = existing ?? { item, key, resolvers: [] };
      const timer = setTimeout(() => {
        this.drop(waiting);
        resolve(failure(`commit did not finish within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      waiting.resolvers.push((r) => (clearTimeout(timer), resolve(r)));
      if (existing) return;
      this.pending.set(key, waiting);
      this.queue.push(waiting);
      this.pump();
    });
  }

  get backlog(): number {
    return this.queue.length;
  }

  /** A timed-out press still in the queue is not committed later behind the device's back. */
  private drop(waiting: Waiting): void {
    const at = this.queue.indexOf(waiting);
    if (at < 0) return; // already in a batch: it may commit, and the retry is answered "duplicate"
    this.queue.splice(at, 1);
    this.pending.delete(waiting.key);
  }

  private pump(): void {
    while (this.queue.length > 0 && (this.inFlight === 0 || (this.inFlight < this.maxInFlight && this.queue.length >= this.maxBatch))) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.commit(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async commit(batch: Waiting[]): Promise<void> {
    let results: IntakeResult[];
    try {
      results = await this.intake.reportPresses(batch.map((w) => w.item));
    } catch (err) {
      results = batch.map((w) => ({ pressId: w.item.press.pressId, outcome: 'error', message: (err as Error).message }));
    }
    batch.forEach((w, i) => {
      this.pending.delete(w.key);
      const result = results[i] ?? { pressId: w.item.press.pressId, outcome: 'error', message: 'no result' };
      for (const resolve of w.resolvers) resolve(result);
    });
  }
}

/**
 * Group commit for presses: while one batch is being committed, newly arrived presses wait
 * and go together in the next one. At low load every press commits alone and at once; under
 * load one transaction (one fsync) carries many. Each caller still hears only after its own
 * press is committed, so the durability rule holds.
 */
import type { IntakePress, IntakeResult, TicketIntake } from './intake/ticket-intake.ts';

type Waiting = { item: IntakePress; resolve: (r: IntakeResult) => void };

export class PressBatcher {
  private queue: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly intake: TicketIntake,
    private readonly maxBatch = 200,
    private readonly maxInFlight = 2,
    /** A commit that has not answered by then counts as failed: no PUBACK, the device retries. */
    private readonly timeoutMs = 10_000,
  ) {}

  submit(item: IntakePress): Promise<IntakeResult> {
    return new Promise((resolve) => {
      // If the commit lands after the timeout, the retried press is answered "duplicate".
      const timer = setTimeout(() => resolve({ pressId: item.press.pressId, outcome: 'error', message: `commit did not finish within ${this.timeoutMs} ms` }), this.timeoutMs);
      this.queue.push({ item, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      this.pump();
    });
  }

  get backlog(): number {
    return this.queue.length;
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
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
    batch.forEach((w, i) => w.resolve(results[i] ?? { pressId: w.item.press.pressId, outcome: 'error', message: 'no result' }));
  }
}

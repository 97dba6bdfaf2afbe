/**
 * Runs LED patterns: every tick, each LED is set to what its pattern says for the time since
 * the pattern started, writing the pin only when the level changes.
 */
import { ledOnAt, type PanelLedPattern } from './led-patterns.ts';

export type LedDriverDeps = {
  setLed(button: number, on: boolean): void;
  mono(): number;
  tickMs?: number;
};

export class LedDriver {
  private readonly shown = new Map<number, { pattern: PanelLedPattern; since: number; on: boolean | null }>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly deps: LedDriverDeps) {
    this.timer = setInterval(() => this.tick(), deps.tickMs ?? 25);
    this.timer.unref();
  }

  show(button: number, pattern: PanelLedPattern): void {
    const previous = this.shown.get(button);
    if (previous?.pattern === pattern) return; // a retained led/set repeated on reconnect: keep the phase
    this.shown.set(button, { pattern, since: this.deps.mono(), on: previous?.on ?? null });
    this.tick();
  }

  patternOf(button: number): PanelLedPattern {
    return this.shown.get(button)?.pattern ?? 'off';
  }

  tick(): void {
    const now = this.deps.mono();
    for (const [button, led] of this.shown) {
      const on = ledOnAt(led.pattern, now - led.since);
      if (on !== led.on) {
        led.on = on;
        this.deps.setLed(button, on);
      }
    }
  }

  stop(): void {
    clearInterval(this.timer);
    for (const button of this.shown.keys()) this.deps.setLed(button, false);
  }
}

/**
 * Turns raw button edges into presses: debounce, then single / double / hold (issue 6).
 * Pure and clock-injected: every edge carries its own time and `poll(t)` asks what is decided
 * by `t`, so the answer does not depend on how often or how late the caller polls (a loop
 * busy reconnecting catches up with the right times). Mirrored line for line in C++:
 * firmware/esp32/lib/dash_core/src/press_classifier.{h,cpp}; both pass test/fixtures/classifier.
 */
import type { PressAction } from '../../gateway/src/mqtt/contract.ts';

export type ClassifierConfig = {
  /** A level counts once it has been stable this long (contact bounce is ~1–10 ms). */
  debounceMs: number;
  /** A second press starting within this long after the first release makes a double; 0 = off. */
  doubleMs: number;
  /** Held this long, a press is a hold, decided at the threshold rather than on release. */
  holdMs: number;
  /** Buttons that never wait for a double: their click is a single as soon as it is released. */
  singleOnly: readonly number[];
};

export const DEFAULT_CLASSIFIER: ClassifierConfig = { debounceMs: 20, doubleMs: 400, holdMs: 1500, singleOnly: [] };

export type ClassifiedPress = {
  button: number;
  action: PressAction;
  /** When the gesture began: the settled down edge of its first press. */
  at: number;
  /** When the classifier could first know the action. */
  decidedAt: number;
};

type Phase = 'idle' | 'down' | 'held' | 'gap';
type NextEvent = { kind: 'settle' | 'deadline'; at: number };
type ButtonState = {
  stable: boolean; raw: boolean; rawAt: number;
  phase: Phase; downAt: number; upAt: number; firstAt: number | null;
};

export const MAX_BUTTONS = 16;

export class PressClassifier {
  private readonly buttons: ButtonState[] = [];
  private clock = -Infinity;
  private out: ClassifiedPress[] = [];

  constructor(private config: ClassifierConfig = DEFAULT_CLASSIFIER) {
    for (let i = 0; i < MAX_BUTTONS; i++) {
      this.buttons.push({ stable: false, raw: false, rawAt: 0, phase: 'idle', downAt: 0, upAt: 0, firstAt: null });
    }
  }

  /** New timings apply to gestures in progress too: deadlines are derived, never stored. */
  reconfigure(config: ClassifierConfig): void {
    this.config = config;
  }

  /** A raw level from the pin (true = pressed). Times earlier than the last one are clamped. */
  edge(button: number, pressed: boolean, at: number): void {
    const state = this.buttons[button];
    if (!state) throw new RangeError(`button ${button} is outside 0–${MAX_BUTTONS - 1}`);
    at = Math.max(at, this.clock);
    this.advance(at); // deadlines at exactly `at` fire first: windows are half-open
    if (pressed !== state.raw) {
      state.raw = pressed;
      state.rawAt = at;
    }
  }

  /** Presses decided by `now`, in decision order; each is returned once. */
  poll(now: number): ClassifiedPress[] {
    this.advance(now);
    const out = this.out;
    this.out = [];
    return out;
  }

  /** When to poll next for a decision to come out; null when every button is at rest. */
  nextDeadline(): number | null {
    let next = Infinity;
    for (const state of this.buttons) next = Math.min(next, this.nextEvent(state)?.at ?? Infinity);
    return next === Infinity ? null : Math.max(next, this.clock);
  }

  private advance(until: number): void {
    for (;;) {
      let button = -1;
      let event: NextEvent | null = null;
      for (let i = 0; i < this.buttons.length; i++) {
        const candidate = this.nextEvent(this.buttons[i]!);
        if (candidate && (!event || candidate.at < event.at)) [button, event] = [i, candidate];
      }
      if (!event || event.at > until) break;
      this.clock = Math.max(this.clock, event.at);
      const state = this.buttons[button]!;
      if (event.kind === 'deadline') {
        this.onDeadline(button, state);
        continue;
      }
      state.stable = state.raw;
      if (state.stable) this.onDown(state);
      else this.onUp(button, state);
    }
    this.clock = Math.max(this.clock, until);
  }

  private deadline(state: ButtonState): number {
    if (state.phase === 'down') return state.downAt + this.config.holdMs;
    if (state.phase === 'gap') return state.upAt + this.config.doubleMs;
    return Infinity;
  }

  private nextEvent(state: ButtonState): NextEvent | null {
    const deadline = this.deadline(state);
    const unsettled = state.raw !== state.stable;
    // An unsettled edge that began before the deadline may still beat it: wait for it.
    if (unsettled && state.rawAt < deadline) return { kind: 'settle', at: state.rawAt + this.config.debounceMs };
    if (deadline !== Infinity) return { kind: 'deadline', at: deadline };
    return unsettled ? { kind: 'settle', at: state.rawAt + this.config.debounceMs } : null;
  }

  private onDown(state: ButtonState): void {
    state.firstAt = state.phase === 'gap' ? state.downAt : null;
    [state.phase, state.downAt] = ['down', state.rawAt];
  }

  private onUp(button: number, state: ButtonState): void {
    if (state.phase === 'held') state.phase = 'idle';
    if (state.phase !== 'down') return;
    if (state.firstAt !== null) {
      this.emit(button, 'double', state.firstAt);
      state.phase = 'idle';
    } else if (this.config.doubleMs > 0 && !this.config.singleOnly.includes(button)) {
      [state.phase, state.upAt] = ['gap', state.rawAt];
    } else {
      this.emit(button, 'single', state.downAt);
      state.phase = 'idle';
    }
  }

  private onDeadline(button: number, state: ButtonState): void {
    if (state.phase === 'gap') {
      this.emit(button, 'single', state.downAt);
      state.phase = 'idle';
      return;
    }
    // A click, then a second press held down: the click stands on its own, then the hold.
    if (state.firstAt !== null) this.emit(button, 'single', state.firstAt);
    this.emit(button, 'hold', state.downAt);
    [state.phase, state.firstAt] = ['held', null];
  }

  private emit(button: number, action: PressAction, at: number): void {
    this.out.push({ button, action, at, decidedAt: this.clock });
  }
}

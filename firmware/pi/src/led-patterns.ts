/**
 * What each LED pattern looks like, as "is the LED on at t ms into the pattern?".
 * The wire patterns come from led/set (design §2, §5); `sending` is local, from the press
 * until its ack. Kept in step with firmware/esp32/lib/dash_core/src/led-pattern.cpp.
 */
import type { AckOutcome, LedPattern } from '../../../gateway/src/mqtt/contract.ts';

export type PanelLedPattern = LedPattern | 'sending';

export function ledOnAt(pattern: PanelLedPattern, t: number): boolean {
  switch (pattern) {
    case 'off': return false;
    case 'sending': return t % 250 < 125;        // quick flicker: heard you, not yet confirmed
    case 'received': return t % 1000 < 500;      // slow blink: waiting for IT
    case 'acknowledged': return true;            // steady: someone is on it
    case 'resolved': return t % 3000 < 150;      // short flash every 3 s
    case 'error': return t % 200 < 100;          // fast flicker
    case 'unmapped': return t % 1000 < 100 || (t % 1000 >= 200 && t % 1000 < 300); // double flash
  }
}

/** The pattern an ack implies until the server's led/set says otherwise. */
export function patternForAck(outcome: AckOutcome): LedPattern {
  if (outcome === 'cancelled') return 'off';
  if (outcome === 'rejected') return 'error';
  return 'received';
}

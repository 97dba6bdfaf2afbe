/**
 * PanelIo over a real Johnny-Five Board: Buttons for edges, Leds for output, on any IO plugin
 * (raspi-io, our gpiod or keyboard plugin, mock-firmata in tests). johnny-five is imported
 * lazily so a machine without it can still load and typecheck everything else.
 */
import type * as Five from 'johnny-five';
import type { EdgeListener, PanelIo, Wiring } from './panel-io.ts';

export async function loadJohnnyFive(): Promise<typeof Five> {
  try {
    const mod: unknown = await import('johnny-five');
    return ((mod as { default?: typeof Five }).default ?? mod) as typeof Five;
  } catch (err) {
    throw new Error(`johnny-five is not installed (an optional dependency): ${(err as Error).message}`);
  }
}

/** Creates the Board on `io` and resolves once it is ready and every pin is set up. */
export async function createJohnnyFiveIo(io: unknown, wiring: Wiring): Promise<PanelIo> {
  const five = await loadJohnnyFive();
  const board = new five.Board({ io, repl: false, debug: false, sigint: false, timeout: 30_000 } as Five.BoardOption);
  await new Promise<void>((resolve, reject) => {
    board.on('ready', () => resolve());
    board.on('error', (err: Error) => reject(err));
  });
  const listeners: EdgeListener[] = [];
  for (const { button, pin, pullup } of wiring.buttons) {
    // Pull-up buttons close to ground: Johnny-Five inverts them, so `down` is a press either way.
    const input = new five.Button({ pin, board, isPullup: pullup } as Five.ButtonOption);
    input.on('down', () => listeners.forEach((l) => l(button, true)));
    input.on('up', () => listeners.forEach((l) => l(button, false)));
  }
  const leds = new Map(wiring.leds.map(({ button, pin }) => [button, new five.Led({ pin, board } as Five.LedOption)]));
  return {
    onEdge: (listener) => void listeners.push(listener),
    setLed(button, on) {
      const led = leds.get(button);
      if (on) led?.on();
      else led?.off();
    },
    async close() {
      for (const led of leds.values()) led.off();
      listeners.length = 0;
      const closable = (board as unknown as { io?: { close?: () => unknown } }).io;
      await closable?.close?.();
    },
  };
}

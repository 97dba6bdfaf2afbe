/**
 * The IO plugin named in the config. raspi-io (Pi 1–4) is imported lazily and is not one of
 * our dependencies: install it on the Pi (`npm install raspi-io`); its pins are named
 * "GPIO<n>", so BCM numbers from the config are translated.
 */
import type { PiConfig } from '../config.ts';
import { GpiodIo } from './gpiod-io.ts';
import { KeyboardIo } from './keyboard-io.ts';
import type { Wiring } from './panel-io.ts';

export type CreatedIo = { io: unknown; wiring: Wiring };

export async function createIoPlugin(config: PiConfig, onError: (message: string) => void): Promise<CreatedIo> {
  const wiring: Wiring = { buttons: config.buttons, leds: config.leds };
  switch (config.io.kind) {
    case 'keyboard':
      return { io: new KeyboardIo({ input: process.stdin, output: process.stderr, buttons: config.buttons, leds: config.leds }), wiring };
    case 'gpiod':
      return {
        io: new GpiodIo({
          chip: config.io.chip, tools: config.io.tools, onError,
          inputs: config.buttons, outputs: config.leds.map((l) => l.pin),
        }),
        wiring,
      };
    case 'raspi': {
      const name = 'raspi-io'; // a variable: keeps bundlers and tsc from resolving an optional module
      const mod = (await import(name).catch(() => {
        throw new Error('raspi-io is not installed: run `npm install raspi-io` on the Pi (Pi 1–4; use io.kind "gpiod" on a Pi 5)');
      })) as { RaspiIO?: new () => unknown; default?: { RaspiIO?: new () => unknown } };
      const RaspiIO = mod.RaspiIO ?? mod.default?.RaspiIO;
      if (!RaspiIO) throw new Error('raspi-io loaded but exports no RaspiIO');
      return {
        io: new RaspiIO(),
        wiring: {
          buttons: config.buttons.map((b) => ({ ...b, pin: `GPIO${b.pin}` })),
          leds: config.leds.map((l) => ({ ...l, pin: `GPIO${l.pin}` })),
        },
      };
    }
  }
}

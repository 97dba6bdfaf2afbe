/** hardware/pi-panel/pin-map.json is the wiring; the firmware defaults and example config must match it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadPiConfig } from './config.ts';
import { DEFAULT_BUTTON_PINS, DEFAULT_LED_PINS } from './default-config.ts';

const Entry = z.object({ button: z.number().int(), bcm: z.number().int(), header: z.number().int() });
const PinMap = z.object({
  build: z.literal('pi-panel'), numbering: z.literal('BCM'),
  buttons: z.array(Entry), leds: z.array(Entry.extend({ resistorOhms: z.number().positive() })), ground: z.array(z.number().int()),
});
const pinMap = PinMap.parse(JSON.parse(readFileSync(new URL('../../../hardware/pi-panel/pin-map.json', import.meta.url), 'utf8')));

// The 40-pin header's GPIO pins (Raspberry Pi documentation, "GPIO and the 40-pin header").
const HEADER_OF_BCM: Record<number, number> = {
  2: 3, 3: 5, 4: 7, 17: 11, 27: 13, 22: 15, 10: 19, 9: 21, 11: 23, 0: 27, 5: 29, 6: 31, 13: 33, 19: 35, 26: 37,
  14: 8, 15: 10, 18: 12, 23: 16, 24: 18, 25: 22, 8: 24, 7: 26, 1: 28, 12: 32, 16: 36, 20: 38, 21: 40,
};
const GROUND_PINS = [6, 9, 14, 20, 25, 30, 34, 39];
// I²C, SPI0, UART and the HAT EEPROM lines stay free for add-ons; 4 is 1-Wire by default.
const RESERVED_BCM = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15];

describe('Pi panel pin map', () => {
  it('lists the firmware default pins for buttons 0–7 in order', () => {
    expect(pinMap.buttons.map((b) => b.button)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(pinMap.buttons.map((b) => b.bcm)).toEqual([...DEFAULT_BUTTON_PINS]);
    expect(pinMap.leds.map((l) => l.button)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(pinMap.leds.map((l) => l.bcm)).toEqual([...DEFAULT_LED_PINS]);
  });

  it('agrees with the example config shipped with the program', () => {
    const example = loadPiConfig(new URL('../config.example.json', import.meta.url).pathname);
    if (!example.ok) throw new Error(example.problems.join('\n'));
    expect(example.config.buttons.map((b) => [b.button, b.pin])).toEqual(pinMap.buttons.map((b) => [b.button, b.bcm]));
    expect(example.config.leds.map((l) => [l.button, l.pin])).toEqual(pinMap.leds.map((l) => [l.button, l.bcm]));
  });

  it('names the right header pin for every GPIO, and real ground pins', () => {
    for (const entry of [...pinMap.buttons, ...pinMap.leds]) expect(entry.header, `BCM ${entry.bcm}`).toBe(HEADER_OF_BCM[entry.bcm]);
    expect(pinMap.ground).toEqual(GROUND_PINS);
  });

  it('uses each GPIO once and keeps I²C, SPI, UART and the HAT EEPROM free', () => {
    const used = [...pinMap.buttons, ...pinMap.leds].map((e) => e.bcm);
    expect(new Set(used).size).toBe(used.length);
    expect(used.filter((bcm) => RESERVED_BCM.includes(bcm))).toEqual([]);
  });

  it('keeps every LED within a GPIO’s safe current (≤ 8 mA at 3.3 V with a 2 V red LED)', () => {
    for (const led of pinMap.leds) expect((3.3 - 2.0) / led.resistorOhms * 1000).toBeLessThanOrEqual(8);
  });
});

/**
 * Our two IO plugins under a real Johnny-Five Board. The keyboard reads a stream; the gpiod
 * plugin runs stand-in gpioget/gpiomon/gpioset scripts put first on PATH (the real tools need
 * a GPIO chip), which print edges and record what they were asked to set.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../test/helpers/device.ts';
import { GpiodIo } from './gpiod-io.ts';
import { createJohnnyFiveIo } from './johnny-five-io.ts';
import { KeyboardIo } from './keyboard-io.ts';

const buttons = [{ button: 0, pin: 5, pullup: true }, { button: 1, pin: 6, pullup: true }];
const leds = [{ button: 0, pin: 17 }];
const dir = mkdtempSync(join(tmpdir(), 'dash-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('keyboard IO plugin under Johnny-Five', () => {
  it('turns a digit into a click and a letter into press and release of that button', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const panel = await createJohnnyFiveIo(new KeyboardIo({ input, output, buttons, leds }), { buttons, leds });
    const edges: [number, boolean][] = [];
    panel.onEdge((button, pressed) => edges.push([button, pressed]));
    input.write('2');
    await waitFor(() => edges.length >= 2 || undefined, 2000, 'click');
    input.write('q');
    await waitFor(() => edges.length >= 3 || undefined, 2000, 'hold');
    input.write('q');
    await waitFor(() => edges.length >= 4 || undefined, 2000, 'release');
    expect(edges).toEqual([[1, true], [1, false], [0, true], [0, false]]);
    panel.setLed(0, true);
    expect(output.read()?.toString()).toContain('LEDs ●');
    await panel.close();
  });
});

describe('gpiod IO plugin under Johnny-Five', () => {
  it('reports gpiomon edges as presses and drives LEDs through gpioset', async () => {
    const log = join(dir, 'gpioset.log');
    const script = (name: string, body: string) => {
      writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
      chmodSync(join(dir, name), 0o755);
    };
    script('gpioget', 'echo "1 1"');
    script('gpiomon', 'sleep 0.3; echo "5 falling"; sleep 0.3; echo "5 rising"; exec sleep 30');
    script('gpioset', `echo "$@" >> ${log}; exec cat >> ${log}`);
    const path = process.env.PATH;
    process.env.PATH = `${dir}:${path}`;
    const errors: string[] = [];
    try {
      const io = new GpiodIo({ chip: 'gpiochip0', tools: 'v2', inputs: buttons, outputs: [17], onError: (m) => errors.push(m) });
      const panel = await createJohnnyFiveIo(io, { buttons, leds });
      const edges: [number, boolean][] = [];
      panel.onEdge((button, pressed) => edges.push([button, pressed]));
      await waitFor(() => edges.length >= 2 || undefined, 5000, 'gpiomon edges');
      expect(edges).toEqual([[0, true], [0, false]]);
      panel.setLed(0, true);
      await waitFor(() => readFileSync(log, 'utf8').includes('set 17=1') || undefined, 5000, 'gpioset line');
      expect(readFileSync(log, 'utf8').split('\n')[0]).toBe('--chip gpiochip0 --interactive 17=0');
      await panel.close();
      expect(errors).toEqual([]);
    } finally {
      process.env.PATH = path;
    }
  });
});

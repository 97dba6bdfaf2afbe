import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPiConfig, parsePiConfig } from './config.ts';

const minimal = { deviceId: 'shop-12-panel', secret: 's3cret', brokerUrl: 'mqtt://127.0.0.1:1883', buttons: [{ button: 0, pin: 5 }] };
const dir = mkdtempSync(join(tmpdir(), 'dash-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Pi config', () => {
  it('fills defaults around the minimum a panel needs', () => {
    const result = parsePiConfig(minimal);
    expect(result).toMatchObject({
      ok: true,
      config: {
        io: { kind: 'raspi' }, leds: [], journalDir: '/var/lib/dash-button', heartbeatS: 60,
        press: { debounceMs: 20, doubleMs: 400, holdMs: 1500 }, buttons: [{ button: 0, pin: 5, pullup: true, singleOnly: false }],
      },
    });
  });

  it('accepts the example config shipped with the program', () => {
    expect(loadPiConfig(join(import.meta.dirname, '../config.example.json'))).toMatchObject({ ok: true });
  });

  it('lists every problem at once, each with its path', () => {
    const result = parsePiConfig({
      deviceId: 'Shop 12', secret: '', brokerUrl: 'http://dash.example.net',
      buttons: [{ button: 0, pin: 5 }, { button: 0, pin: 6 }, { button: 2, pin: 5 }],
      leds: [{ button: 9, pin: 17 }, { button: 2, pin: 6 }],
      probes: [{ name: 'p', kind: 'tcp', host: 'x', port: 1 }, { name: 'p', kind: 'ping', host: 'y' }],
      colour: 'red',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^deviceId: /),
      expect.stringMatching(/^secret: the device secret/),
      expect.stringMatching(/^brokerUrl: brokerUrl must be mqtt/),
      expect.stringMatching(/^\(root\): Unrecognized key: "colour"/),
    ]));
    expect(result.problems).toHaveLength(9); // the four above and the five cross-field ones below
  });

  it('reports buttons listed twice, shared pins and LEDs for unknown buttons', () => {
    const result = parsePiConfig({
      ...minimal,
      buttons: [{ button: 0, pin: 5 }, { button: 0, pin: 6 }, { button: 2, pin: 5 }],
      leds: [{ button: 9, pin: 17 }, { button: 2, pin: 6 }],
      probes: [{ name: 'p', kind: 'tcp', host: 'x', port: 1 }, { name: 'p', kind: 'ping', host: 'y' }],
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        'buttons.1.button: button 0 is listed twice',
        'buttons.2.pin: pin 5 is already used by button 0',
        'leds.0.button: LED for button 9, which is not in buttons',
        'leds.1.pin: pin 6 is already used by button 0',
        'probes: probe names must be unique',
      ],
    });
  });

  it('refuses more than eight buttons and a hold shorter than 200 ms', () => {
    const buttons = Array.from({ length: 9 }, (_, i) => ({ button: i, pin: 5 + i }));
    const result = parsePiConfig({ ...minimal, buttons, press: { holdMs: 100 } });
    expect(result).toMatchObject({ ok: false, problems: [expect.stringMatching(/^buttons: at most 8/), expect.stringMatching(/^press.holdMs: /)] });
  });

  it('says so when the file is missing or not JSON', () => {
    expect(loadPiConfig(join(dir, 'absent.json'))).toEqual({ ok: false, problems: [`${join(dir, 'absent.json')}: cannot read (ENOENT)`] });
    writeFileSync(join(dir, 'broken.json'), '{ "deviceId": ');
    expect(loadPiConfig(join(dir, 'broken.json'))).toMatchObject({ ok: false, problems: [expect.stringMatching(/broken.json: not JSON/)] });
  });
});

/** The snippets are held to what the firmwares really accept: the Pi's own config parser, the ESP32 console's key table. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePiConfig } from '../../../../firmware/pi/src/config.ts';
import { esp32Console, piConfig, type SnippetFacts } from './config-snippets.ts';

const facts = (o: Partial<SnippetFacts> = {}): SnippetFacts => ({
  deviceId: 'till-1', secret: 'Zx9_-abc', kind: 'esp32', buttonCount: 2, heartbeatS: 21_600,
  connection: { mqtt: [{ url: 'mqtt://192.168.1.20:1883', host: '192.168.1.20', port: 1883, tls: false }], websocket: 'ws://192.168.1.20:3000/mqtt' },
  ...o,
});

const CONSOLE_SOURCE = readFileSync(join(import.meta.dirname, '../../../../firmware/esp32/lib/dash_core/src/settings-console.cpp'), 'utf8');
/** The keys of the console's table: text("wifi.ssid", …), number("broker.port", …), {"broker.tls", …}. */
const CONSOLE_KEYS = new Set([...CONSOLE_SOURCE.matchAll(/(?:text|number)\("([a-zA-Z.]+)"|\{"([a-zA-Z.]+)",/g)].map((m) => m[1] ?? m[2]));

describe('ESP32 console snippet', () => {
  it('sets only keys the console knows, then saves and reboots', () => {
    expect(CONSOLE_KEYS).toContain('device.secret');
    const lines = esp32Console(facts()).split('\n');
    for (const line of lines.filter((l) => l.startsWith('set '))) expect(CONSOLE_KEYS, line).toContain(line.split(' ')[1]);
    expect(lines.slice(-2)).toEqual(['save', 'reboot']);
    expect(lines).toContain('set device.secret Zx9_-abc');
    expect(lines).toContain('set broker.host 192.168.1.20');
  });

  it('sets the buttons before their LEDs (the console checks the counts match) and keeps to three buttons', () => {
    const lines = esp32Console(facts({ buttonCount: 5 })).split('\n');
    expect(lines.indexOf('set buttons.pins 32,33,27')).toBeLessThan(lines.indexOf('set leds.pins 25,26,13'));
    expect(esp32Console(facts({ buttonCount: 1 }))).toContain('set buttons.pins 32\n');
  });

  it('fills in the Wi-Fi when given, and never a heartbeat under the firmware minimum', () => {
    const text = esp32Console(facts({ heartbeatS: 30, wifi: { ssid: 'Shop WiFi', password: 'secret123' } }));
    expect(text).toContain('set wifi.ssid Shop WiFi\nset wifi.password secret123\n');
    expect(text).toContain('set heartbeatS 60\n');
  });
});

/**
 * The ESP32 core's own console (applyCommand) and validator, built with g++ as the firmware's
 * host tests are: every line of the snippet answers "ok" and the settings are complete.
 */
const CORE = join(import.meta.dirname, '../../../../firmware/esp32/lib/dash_core/src');
const HARNESS = `#include <iostream>
#include "settings.h"
int main() {
  dash::Settings s = dash::defaultSettings();
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line == "save" || line == "reboot") continue;  // NVS and restart: the device's part
    std::cout << dash::applyCommand(s, line) << "\\n";
  }
  for (const std::string& p : dash::validateSettings(s)) std::cout << "! " << p << "\\n";
}
`;
const hasCompiler = spawnSync('g++', ['--version']).status === 0;

describe.skipIf(!hasCompiler)('ESP32 console snippet in the firmware\'s own console (g++)', () => {
  it('is taken line by line and leaves settings the device can run with', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dash-snippet-'));
    try {
      writeFileSync(join(dir, 'harness.cpp'), HARNESS);
      const binary = join(dir, 'harness');
      execFileSync('g++', ['-std=c++17', `-I${CORE}`, join(dir, 'harness.cpp'), join(CORE, 'settings.cpp'), join(CORE, 'settings-console.cpp'), '-o', binary]);
      const snippet = esp32Console(facts({ buttonCount: 3, wifi: { ssid: 'Shop WiFi', password: 'secret123' } }));
      const replies = execFileSync(binary, { input: snippet, encoding: 'utf8' }).trim().split('\n');
      expect(replies).toEqual(Array(snippet.split('\n').length - 2).fill('ok'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('Pi config snippet', () => {
  it('is a config file the panel program accepts', () => {
    const parsed = parsePiConfig(JSON.parse(piConfig(facts({ kind: 'pi', buttonCount: 8, heartbeatS: 3600 }))));
    expect(parsed).toMatchObject({ ok: true, config: { deviceId: 'till-1', secret: 'Zx9_-abc', brokerUrl: 'mqtt://192.168.1.20:1883', heartbeatS: 3600 } });
    if (parsed.ok) expect(parsed.config.buttons).toHaveLength(8);
  });

  it('prefers plain MQTT and still yields a valid file with TLS only', () => {
    const tlsOnly = facts({ kind: 'pi', connection: { mqtt: [{ url: 'mqtts://dash.example:8883', host: 'dash.example', port: 8883, tls: true }], websocket: null } });
    expect(parsePiConfig(JSON.parse(piConfig(tlsOnly)))).toMatchObject({ ok: true, config: { brokerUrl: 'mqtts://dash.example:8883' } });
  });
});

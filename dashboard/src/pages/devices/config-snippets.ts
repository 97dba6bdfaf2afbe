/**
 * Ready-to-paste configuration for a freshly provisioned device, in the formats the firmwares
 * read: the ESP32 settings console (`set <key> <value>` lines, firmware/esp32/lib/dash_core/src/
 * settings-console.cpp) and the Pi panel's JSON file (firmware/pi/src/config.ts). Pins are the
 * factory wiring of hardware/*\/pin-map.json. config-snippets.test.ts holds both to the firmware.
 */
import esp32PinMap from '../../../../hardware/esp32-button/pin-map.json' with { type: 'json' };
import { DEFAULT_BUTTON_PINS, DEFAULT_JOURNAL_DIR, DEFAULT_LED_PINS } from '../../../../firmware/pi/src/default-config.ts';
import type { Connection, DeviceKind } from '../../api/devices.ts';

export type SnippetFacts = {
  deviceId: string;
  secret: string;
  kind: DeviceKind;
  buttonCount: number;
  heartbeatS: number;
  connection: Connection;
  wifi?: { ssid: string; password: string };
};

export const ESP32_MAX_BUTTONS = esp32PinMap.buttons.length;
export const PI_MAX_BUTTONS = DEFAULT_BUTTON_PINS.length;
/** The ESP32 refuses a heartbeat under a minute (settings.cpp). */
const ESP32_MIN_HEARTBEAT_S = 60;
const WIFI_SSID_PLACEHOLDER = '<Wi-Fi name>';
const WIFI_PASSWORD_PLACEHOLDER = '<Wi-Fi password>';

/** The broker the device should use: the first plain MQTT address (TLS needs a CA on the device as well). */
export function primaryBroker(connection: Connection) {
  return connection.mqtt.find((m) => !m.tls) ?? connection.mqtt[0] ?? null;
}

/** Lines for the ESP32 serial console or its setup page, ending with save and reboot. */
export function esp32Console(f: SnippetFacts): string {
  const broker = primaryBroker(f.connection);
  const n = Math.min(Math.max(f.buttonCount, 1), ESP32_MAX_BUTTONS);
  const pins = (list: { gpio: number }[]) => list.slice(0, n).map((p) => p.gpio).join(',');
  return [
    `set wifi.ssid ${f.wifi?.ssid || WIFI_SSID_PLACEHOLDER}`,
    `set wifi.password ${f.wifi ? f.wifi.password : WIFI_PASSWORD_PLACEHOLDER}`,
    `set broker.host ${broker?.host ?? '<broker host>'}`,
    `set broker.port ${broker?.port ?? 1883}`,
    `set broker.tls ${broker?.tls ? 'on' : 'off'}`,
    `set device.id ${f.deviceId}`,
    `set device.secret ${f.secret}`,
    `set buttons.pins ${pins(esp32PinMap.buttons)}`,
    `set leds.pins ${pins(esp32PinMap.leds)}`,
    `set heartbeatS ${Math.max(f.heartbeatS, ESP32_MIN_HEARTBEAT_S)}`,
    'save',
    'reboot',
  ].join('\n');
}

/** The Pi panel's config file (e.g. /etc/dash-button/config.json), factory pins for the first N buttons. */
export function piConfig(f: SnippetFacts): string {
  const broker = primaryBroker(f.connection);
  const n = Math.min(Math.max(f.buttonCount, 1), PI_MAX_BUTTONS);
  const indexes = [...Array(n).keys()];
  const config = {
    deviceId: f.deviceId,
    secret: f.secret,
    brokerUrl: broker?.url ?? 'mqtt://<broker host>:1883',
    io: { kind: 'raspi' },
    buttons: indexes.map((button) => ({ button, pin: DEFAULT_BUTTON_PINS[button]! })),
    leds: indexes.map((button) => ({ button, pin: DEFAULT_LED_PINS[button]! })),
    journalDir: DEFAULT_JOURNAL_DIR,
    heartbeatS: f.heartbeatS,
    clockSyncedFile: '/run/systemd/timesync/synchronized',
  };
  return JSON.stringify(config, null, 2);
}

/** For other MQTT clients: who to be and where to connect. */
export function genericConfig(f: SnippetFacts): string {
  const broker = primaryBroker(f.connection);
  return JSON.stringify({ clientId: f.deviceId, username: f.deviceId, password: f.secret, url: broker?.url ?? null, websocket: f.connection.websocket }, null, 2);
}

/** The snippet for the device's kind, which the QR code carries too. */
export function snippetFor(f: SnippetFacts): { format: 'esp32' | 'pi' | 'generic'; text: string } {
  if (f.kind === 'esp32') return { format: 'esp32', text: esp32Console(f) };
  if (f.kind === 'pi') return { format: 'pi', text: piConfig(f) };
  return { format: 'generic', text: genericConfig(f) };
}

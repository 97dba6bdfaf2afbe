import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TelemetryPayload } from '../../../gateway/src/mqtt/contract.ts';
import { collectTelemetry, parseCpuTemp, parseWireless } from './telemetry.ts';

const WIRELESS = `Inter-| sta-|   Quality        |   Discarded packets               | Missed | WE
 face | tus | link level noise |  nwid  crypt   frag  retry   misc | beacon | 22
 wlan0: 0000   57.  -53.  -256        0      0      0      0     19        0
`;

const dir = mkdtempSync(join(tmpdir(), 'dash-telemetry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('telemetry', () => {
  it('reads the Wi-Fi level in dBm from /proc/net/wireless', () => {
    expect(parseWireless(WIRELESS)).toBe(-53);
    expect(parseWireless(WIRELESS.split('\n').slice(0, 2).join('\n'))).toBeUndefined(); // wired only
  });

  it('reads the CPU temperature from millidegrees', () => {
    expect(parseCpuTemp('48312\n')).toBe(48.3);
    expect(parseCpuTemp('')).toBeUndefined();
  });

  it('builds a contract-valid payload with probes in extra and leaves out what this machine lacks', async () => {
    const server = net.createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    writeFileSync(join(dir, 'temp'), '51234\n');
    const payload = await collectTelemetry({
      cpuTempFile: join(dir, 'temp'), wirelessFile: join(dir, 'absent'),
      probes: [{ name: 'printer', kind: 'tcp', host: '127.0.0.1', port, timeoutMs: 2000 }, { name: 'closed', kind: 'tcp', host: '127.0.0.1', port: 1, timeoutMs: 2000 }],
    }, 3);
    server.close();
    expect(TelemetryPayload.parse(payload)).toEqual(payload);
    expect(payload).not.toHaveProperty('rssi');
    expect(payload).toMatchObject({ pending: 3, extra: { cpuTempC: 51.2, probes: { printer: { ok: true }, closed: { ok: false, error: 'ECONNREFUSED' } } } });
  });
});

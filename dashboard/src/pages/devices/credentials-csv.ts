/** The created devices' credentials as a CSV file to download (RFC 4180 quoting). */
import type { Connection, ImportRow } from '../../api/devices.ts';
import { primaryBroker } from './config-snippets.ts';

const cell = (v: string | null | undefined) => {
  const s = v ?? '';
  // A leading = + - @ would make a spreadsheet run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function credentialsCsv(rows: readonly ImportRow[], connection: Connection): string {
  const broker = primaryBroker(connection)?.url ?? '';
  const lines = [['device_id', 'name', 'site', 'secret', 'mqtt_url', 'websocket_url'].join(',')];
  for (const r of rows) {
    if (r.ok && r.secret && r.deviceId) lines.push([r.deviceId, r.name, r.site, r.secret, broker, connection.websocket].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

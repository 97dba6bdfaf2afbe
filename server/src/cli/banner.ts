import os from 'node:os';
import type { Config } from '../config.ts';
import type { System } from '../system.ts';

/** Addresses other machines (buttons on the shop Wi-Fi) can reach this host by. */
function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces()).flat()
    .filter((i): i is os.NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

/** The start-up text: where to open the dashboard, where devices connect, the first login. */
export function banner(system: System, config: Config, version: string): string {
  const wildcard = config.HOST === '0.0.0.0' || config.HOST === '::';
  const local = wildcard ? 'localhost' : config.HOST;
  const deviceHosts = wildcard ? [...lanAddresses(), 'localhost'] : [config.HOST];
  const web = config.PUBLIC_URL ?? `http://${local}:${system.httpPort}`;
  const lines = [
    `Dash ${version} is running (${system.mode}, ${system.database.describe})`,
    `  Dashboard  ${web}/`,
    `  API        ${web}/api   (health: ${web}/api/health)`,
  ];
  if (system.mqttPort !== null) {
    lines.push(`  Devices    ${deviceHosts.map((h) => `mqtt://${h}:${system.mqttPort}`).join('  ')}`);
    if (system.mqttsPort !== null) lines.push(`             ${deviceHosts.map((h) => `mqtts://${h}:${system.mqttsPort}`).join('  ')}`);
    lines.push(`             ws://${local}:${system.httpPort}/mqtt (MQTT over WebSocket)`);
  }
  const { seed } = system;
  if (seed.generatedPassword) {
    lines.push(`  Admin      ${seed.adminEmail} / ${seed.generatedPassword}`,
      '             (shown this once; set ADMIN_PASSWORD before the first start to choose it)');
  } else if (seed.adminCreated) {
    lines.push(`  Admin      ${seed.adminEmail} (password from ADMIN_PASSWORD)`);
  }
  return lines.join('\n');
}

/**
 * Where a device connects, for the credentials an admin copies onto it: the same addresses the
 * start-up banner prints (server/src/cli/banner.ts), with the host the admin's browser used
 * first, since that one is known to reach this machine.
 */
import os from 'node:os';

/** What the process listens on, known once it is listening (all-in-one: the broker is here). */
export type ListenFacts = {
  host: string;
  publicUrl: string | undefined;
  httpPort: number;
  mqttPort: number | null;
  mqttsPort: number | null;
};

export type BrokerAddress = { url: string; host: string; port: number; tls: boolean };
export type DeviceEndpoints = { mqtt: BrokerAddress[]; websocket: string | null };

function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces()).flat()
    .filter((i): i is os.NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

const isLoopback = (host: string) => host === 'localhost' || host.startsWith('127.') || host === '::1';

const hostnameOf = (url: string | undefined | null): string | null => {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
};

/**
 * Broker addresses, best first: PUBLIC_URL's host, the host the request came to, then this
 * machine's LAN addresses. Empty in a split server, whose gateways live elsewhere.
 */
export function deviceEndpoints(facts: ListenFacts | null, requestUrl: string, lan: string[] = lanAddresses()): DeviceEndpoints {
  if (!facts || facts.mqttPort === null) return { mqtt: [], websocket: null };
  const wildcard = facts.host === '0.0.0.0' || facts.host === '::';
  const all = [...new Set([hostnameOf(facts.publicUrl), hostnameOf(requestUrl), ...(wildcard ? [...lan, 'localhost'] : [facts.host])]
    .filter((h): h is string => !!h))];
  // A button cannot reach "localhost": a loopback name goes last unless there is nothing else.
  const hosts = [...all.filter((h) => !isLoopback(h)), ...all.filter(isLoopback)];
  const at = (h: string) => (h.includes(':') ? `[${h}]` : h);
  const mqtt = hosts.map((host) => ({ url: `mqtt://${at(host)}:${facts.mqttPort}`, host, port: facts.mqttPort!, tls: false }));
  if (facts.mqttsPort !== null) {
    mqtt.push(...hosts.map((host) => ({ url: `mqtts://${at(host)}:${facts.mqttsPort}`, host, port: facts.mqttsPort!, tls: true })));
  }
  const web = facts.publicUrl ? new URL(facts.publicUrl) : new URL(requestUrl);
  const websocket = `${web.protocol === 'https:' ? 'wss' : 'ws'}://${web.host}/mqtt`;
  return { mqtt, websocket };
}

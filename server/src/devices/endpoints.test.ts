import { describe, expect, it } from 'vitest';
import { deviceEndpoints, type ListenFacts } from './endpoints.ts';

const facts = (o: Partial<ListenFacts> = {}): ListenFacts => ({ host: '0.0.0.0', publicUrl: undefined, httpPort: 3000, mqttPort: 1883, mqttsPort: null, ...o });

describe('device endpoints', () => {
  it('puts an address a button can reach first when the admin browses at localhost', () => {
    const e = deviceEndpoints(facts(), 'http://localhost:3000/api/devices', ['192.168.1.20']);
    expect(e.mqtt.map((m) => m.url)).toEqual(['mqtt://192.168.1.20:1883', 'mqtt://localhost:1883']);
    expect(e.websocket).toBe('ws://localhost:3000/mqtt');
  });

  it('prefers PUBLIC_URL, then the host the request came to, and lists TLS after plain MQTT', () => {
    const e = deviceEndpoints(facts({ publicUrl: 'https://dash.example.com', mqttsPort: 8883 }), 'http://10.0.0.5:3000/x', ['10.0.0.5']);
    expect(e.mqtt.map((m) => m.url)).toEqual([
      'mqtt://dash.example.com:1883', 'mqtt://10.0.0.5:1883', 'mqtt://localhost:1883',
      'mqtts://dash.example.com:8883', 'mqtts://10.0.0.5:8883', 'mqtts://localhost:8883',
    ]);
    expect(e.websocket).toBe('wss://dash.example.com/mqtt');
  });

  it('keeps a loopback host when it is all there is, and has no broker on a split server', () => {
    expect(deviceEndpoints(facts({ host: '127.0.0.1' }), 'http://127.0.0.1:3000/', []).mqtt.map((m) => m.host)).toEqual(['127.0.0.1']);
    expect(deviceEndpoints(facts({ mqttPort: null }), 'http://x/', [])).toEqual({ mqtt: [], websocket: null });
    expect(deviceEndpoints(null, 'http://x/', [])).toEqual({ mqtt: [], websocket: null });
  });
});

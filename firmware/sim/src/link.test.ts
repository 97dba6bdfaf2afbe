import { describe, expect, it } from 'vitest';
import { decodeDownlink, linkOptions } from './link.ts';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('device link', () => {
  it('connects as the contract says: 3.1.1, id as client and user, retained LWT "lost"', () => {
    const options = linkOptions('sim-a-001', 'secret');
    expect(options).toMatchObject({ clientId: 'sim-a-001', username: 'sim-a-001', password: 'secret', protocolVersion: 4, clean: true });
    expect(options.will).toMatchObject({ topic: 'dash/sim-a-001/$state', qos: 1, retain: true });
    expect(String(options.will?.payload)).toBe('lost');
  });

  it('decodes acks, LED and config downlinks with the contract schemas', () => {
    expect(decodeDownlink('ack', json({ pressId: 'b-1', outcome: 'created', ticketNumber: 'INC-000001' })))
      .toEqual({ kind: 'ack', value: { pressId: 'b-1', outcome: 'created', ticketNumber: 'INC-000001' } });
    expect(decodeDownlink('led/set', json({ button: 0, pattern: 'received' }))).toMatchObject({ kind: 'led/set' });
    const config = { buttons: [{ button: 1, label: 'Printer', color: '#f00' }], holdMs: 1500, doubleMs: 400, heartbeatS: 3600 };
    expect(decodeDownlink('config', json(config))).toEqual({ kind: 'config', value: config });
  });

  it('explains an unusable downlink instead of throwing', () => {
    expect(decodeDownlink('ack', Buffer.from('{'))).toBe('payload is not JSON');
    expect(decodeDownlink('ack', json({ pressId: 'b-1', outcome: 'exploded' }))).toMatch(/^outcome: /);
    expect(decodeDownlink('press', json({}))).toBe('unexpected topic kind "press"');
  });
});

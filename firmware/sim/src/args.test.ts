import { describe, expect, it } from 'vitest';
import { parseSimArgs } from './args.ts';

describe('parseSimArgs', () => {
  it('fills in the documented defaults', () => {
    expect(parseSimArgs([], {})).toEqual({
      kind: 'run',
      args: {
        devices: 5, rate: 2, mqtt: 'mqtt://localhost:1883', server: 'http://localhost:3000', email: 'admin@dash.local',
        site: 'sim', credentials: './data/sim-devices.json', duration: 0, misbehave: false, verbose: false,
      },
    });
  });

  it('takes the admin login from the environment unless given on the command line', () => {
    const env = { DASH_ADMIN_EMAIL: 'ops@shop.example', DASH_ADMIN_PASSWORD: 'from-env' };
    expect(parseSimArgs([], env)).toMatchObject({ args: { email: 'ops@shop.example', password: 'from-env' } });
    expect(parseSimArgs(['--password', 'flag'], env)).toMatchObject({ args: { password: 'flag' } });
    expect(parseSimArgs([], { DASH_ADMIN_PASSWORD: '' })).toMatchObject({ args: { password: undefined } });
  });

  it('reaches Dash on the ports it was started with (HTTP_PORT, MQTT_PORT) unless given URLs', () => {
    expect(parseSimArgs([], { HTTP_PORT: '3311', MQTT_PORT: '18831' })).toMatchObject({ args: { server: 'http://localhost:3311', mqtt: 'mqtt://localhost:18831' } });
    expect(parseSimArgs(['--server', 'http://dash:3000'], { HTTP_PORT: '3311' })).toMatchObject({ args: { server: 'http://dash:3000', mqtt: 'mqtt://localhost:1883' } });
  });

  it('accepts ws:// brokers, fractional rates and a text seed', () => {
    const result = parseSimArgs(['--mqtt', 'ws://127.0.0.1:3000/mqtt', '--rate', '0.5', '--seed', 'demo', '--misbehave'], {});
    expect(result).toMatchObject({ args: { mqtt: 'ws://127.0.0.1:3000/mqtt', rate: 0.5, seed: 'demo', misbehave: true } });
  });

  it('lists every invalid option at once, naming the flag and the value', () => {
    const result = parseSimArgs(['--devices', '0', '--rate', 'fast', '--mqtt', 'http://x', '--site', 'Main St'], {});
    expect(result.kind).toBe('invalid');
    const problems = result.kind === 'invalid' ? result.problems : [];
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe('--devices: must be at least 1 (got "0")');
    expect(problems.join('\n')).toMatch(/--rate: must be a number/);
    expect(problems.join('\n')).toMatch(/--mqtt: must be a URL/);
    expect(problems.join('\n')).toMatch(/--site: must be 2–32 of \[a-z0-9-\]/);
  });

  it('rejects unknown options and stray words', () => {
    expect(parseSimArgs(['--device', '3'], {})).toMatchObject({ kind: 'invalid', problems: [expect.stringContaining("'--device'")] });
    expect(parseSimArgs(['five'], {})).toMatchObject({ kind: 'invalid' });
  });

  it('never echoes a password back in an error', () => {
    const result = parseSimArgs(['--password', '', '--email', 'not-an-email'], {});
    expect(JSON.stringify(result)).not.toContain('(got ""');
    expect(JSON.stringify(result)).toContain('--email');
  });

  it('answers --help before validating anything else', () => {
    expect(parseSimArgs(['--devices', 'lots', '-h'], {})).toEqual({ kind: 'help' });
  });
});

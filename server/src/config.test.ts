import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const result = loadConfig({});
    expect(result).toMatchObject({ ok: true, config: { HTTP_PORT: 3000, MQTT_PORT: 1883, DATA_DIR: './data', LOG_LEVEL: 'info' } });
  });

  it('lists every problem at once, each naming its variable and the value given', () => {
    const result = loadConfig({ HTTP_PORT: 'abc', MQTT_PORT: '70000', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(result.ok).toBe(false);
    const problems = (result as { problems: string[] }).problems.join('\n');
    expect(problems).toMatch(/^HTTP_PORT: .*\(got "abc"\)/m);
    expect(problems).toMatch(/^MQTT_PORT: .*\(got "70000"\)/m);
    expect(problems).toMatch(/^LOG_LEVEL: /m);
    expect(problems).toMatch(/^DATABASE_URL: must start with postgres/m);
  });

  it('names each TRUSTED_PROXIES entry that is not an address or range', () => {
    const result = loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, proxy.local' });
    expect(result.ok).toBe(false);
    expect((result as { problems: string[] }).problems).toEqual(['TRUSTED_PROXIES: "proxy.local" is not an IP address or CIDR range (got "10.0.0.0/8, proxy.local")']);
    expect(loadConfig({ TRUSTED_PROXIES: '127.0.0.1, fd00::/8' })).toMatchObject({ ok: true, config: { TRUSTED_PROXIES: ['127.0.0.1', 'fd00::/8'] } });
  });

  it('needs both TLS files for the TLS listener', () => {
    const result = loadConfig({ MQTTS_PORT: '8883', TLS_CERT: 'cert.pem' });
    expect(result.ok).toBe(false);
    expect((result as { problems: string[] }).problems.join('\n')).toMatch(/MQTTS_PORT: needs TLS_CERT and TLS_KEY/);
  });

  it('requires the server URL, token and PostgreSQL for a split gateway', () => {
    const result = loadConfig({}, 'gateway');
    expect((result as { problems: string[] }).problems).toEqual([
      expect.stringMatching(/^SERVER_URL and GATEWAY_TOKEN/),
      expect.stringMatching(/^DATABASE_URL/),
    ]);
  });

  it('lists missing companions together with bad values', () => {
    const result = loadConfig({ SERVER_URL: 'x' }, 'gateway');
    expect((result as { problems: string[] }).problems).toEqual([
      expect.stringMatching(/^SERVER_URL: must be the server URL/),
      expect.stringMatching(/^SERVER_URL and GATEWAY_TOKEN/),
      expect.stringMatching(/^DATABASE_URL/),
    ]);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', ADMIN_PASSWORD: '' }).ok).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { credentialsCsv } from './credentials-csv.ts';

const connection = { mqtt: [{ url: 'mqtt://10.0.0.2:1883', host: '10.0.0.2', port: 1883, tls: false }], websocket: 'ws://10.0.0.2:3000/mqtt' };

describe('credentials CSV', () => {
  it('lists only the created rows, quoting commas and quotes, and defusing formulas', () => {
    const csv = credentialsCsv([
      { row: 2, ok: true, deviceId: 'a-1', name: 'Till, "front"', site: 'krk', secret: 's1' },
      { row: 3, ok: false, deviceId: 'b-1', name: 'B', site: 'krk', error: 'nope' },
      { row: 4, ok: true, deviceId: 'c-1', name: '=HYPERLINK("x")', site: 'krk', secret: 's3' },
    ], connection);
    expect(csv.split('\r\n')).toEqual([
      'device_id,name,site,secret,mqtt_url,websocket_url',
      'a-1,"Till, ""front""",krk,s1,mqtt://10.0.0.2:1883,ws://10.0.0.2:3000/mqtt',
      `c-1,"'=HYPERLINK(""x"")",krk,s3,mqtt://10.0.0.2:1883,ws://10.0.0.2:3000/mqtt`,
      '',
    ]);
  });
});

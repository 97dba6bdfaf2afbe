/**
 * Aedes hooks: device authentication at CONNECT and the per-device ACL (design §2).
 * Uplinks are handled inside authorizePublish because it is the only hook that runs before
 * the PUBACK; see handlers/press.ts.
 */
import type { AedesOptions } from 'aedes';
import type { GatewayContext } from '../context.ts';
import { handlePress } from '../handlers/press.ts';
import { handleState } from '../handlers/state.ts';
import { handleTelemetry } from '../handlers/telemetry.ts';
import { DeviceId, parseTopic, TOPICS } from './contract.ts';

type AuthenticateHandler = NonNullable<AedesOptions['authenticate']>;
type AuthorizePublishHandler = NonNullable<AedesOptions['authorizePublish']>;
type AuthorizeSubscribeHandler = NonNullable<AedesOptions['authorizeSubscribe']>;

const NOT_AUTHORIZED = 5; // [MQTT-3.2.2.3] CONNACK return codes
const SERVER_UNAVAILABLE = 3;

function refusal(returnCode: 3 | 5, message: string) {
  return Object.assign(new Error(message), { returnCode });
}

export function authenticate(ctx: GatewayContext): AuthenticateHandler {
  return (client, username, password, done) => {
    const id = client.id;
    const refuse = (why: string) => {
      ctx.stats.refusedConnects++;
      ctx.log.warn({ clientId: id, username, why, remote: client.conn && (client.conn as { remoteAddress?: string }).remoteAddress }, 'connect refused');
      done(refusal(NOT_AUTHORIZED, why), false);
    };
    if (!DeviceId.safeParse(id).success) return refuse('clientId is not a device id');
    if (username !== id) return refuse('username must equal clientId');
    if (!password || password.length === 0) return refuse('no password');
    ctx.registry.authenticate(id, password.toString('utf8')).then((verdict) => {
      if (verdict !== 'ok') return refuse(verdict);
      ctx.stats.connects++;
      done(null, true);
    }, (err: Error) => {
      ctx.log.error({ clientId: id, err: err.message }, 'device registry unavailable; connect refused as server unavailable');
      done(refusal(SERVER_UNAVAILABLE, 'server unavailable'), false);
    });
  };
}

export function authorizePublish(ctx: GatewayContext): AuthorizePublishHandler {
  return (client, packet, done) => {
    if (packet.topic.startsWith('$SYS/')) return done(new Error('$SYS/ topic is reserved'));
    const parsed = parseTopic(packet.topic);
    // `client` is null for a will published after its client is gone: the topic names the device.
    const deviceId = client?.id ?? parsed?.deviceId;
    if (!parsed || parsed.deviceId !== deviceId || TOPICS[parsed.kind].dir !== 'up') {
      ctx.stats.deniedPublishes++;
      ctx.log.warn({ deviceId, topic: packet.topic }, 'publish denied: outside the device\'s own uplink topics; closing the connection [MQTT-3.3.5-2]');
      return done(new Error(`not authorized to publish to ${packet.topic}`));
    }
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    if (parsed.kind !== '$state') packet.retain = false; // only presence is retained
    if (parsed.kind === 'telemetry') handleTelemetry(ctx, parsed.deviceId, payload);
    if (parsed.kind === '$state') handleState(ctx, parsed.deviceId, payload);
    if (parsed.kind !== 'press') return done(null);
    handlePress(ctx, parsed.deviceId, payload).then(({ error, ack }) => {
      done(error);
      if (ack) ctx.sendDown(parsed.deviceId, 'ack', ack);
    }, (err: Error) => done(err));
  };
}

export function authorizeSubscribe(ctx: GatewayContext): AuthorizeSubscribeHandler {
  return (client, sub, done) => {
    // Wildcards are fine inside the device's own namespace: they cannot reach another device.
    if (client && sub.topic.startsWith(`dash/${client.id}/`)) return done(null, sub);
    ctx.stats.deniedSubscribes++;
    ctx.log.warn({ deviceId: client?.id, topic: sub.topic }, 'subscribe denied: outside the device\'s own topics');
    done(null, null); // SUBACK 0x80 for this topic; the connection stays up
  };
}

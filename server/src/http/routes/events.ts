/** `GET /api/events`: Server-Sent Events of ticket and device changes, resumable with Last-Event-ID. */
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import { BoardStream, STREAM_HEADERS } from '../../events/board-stream.ts';
import type { DashEvent } from '../../events/bus.ts';
import { AppError } from '../../errors.ts';
import { currentCaller, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';

export function eventRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', requireUser(), (c) => {
    // Hono runs this GET route for HEAD too: answer the headers, open no stream.
    if (c.req.method === 'HEAD') return c.body(null, 200, STREAM_HEADERS);
    const user = currentCaller(c);
    const visible = (e: DashEvent) => {
      if (user.role !== 'staff') return true;
      const ticket = e.data.ticket as { siteId?: string } | undefined;
      return ticket?.siteId === user.siteId;
    };
    const lastId = Number(c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? NaN);
    // Frames go straight to Node's response, as @hono/node-server documents: Hono's stream
    // helper bridges every write through web streams and a TextEncoder, once per board.
    // Leave c.res alone here: a Response made from it would be written over the stream.
    const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
    if (!outgoing) throw new AppError('INTERNAL', 'live events need the Node HTTP server');
    new BoardStream(outgoing, {
      bus: c.get('deps').bus, visible, lastEventId: Number.isInteger(lastId) ? lastId : null,
      headers: { 'x-request-id': c.get('requestId') },
    });
    return RESPONSE_ALREADY_SENT;
  });
  return r;
}

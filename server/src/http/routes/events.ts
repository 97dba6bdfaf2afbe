/** `GET /api/events`: Server-Sent Events of ticket and device changes, resumable with Last-Event-ID. */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { type DashEvent, eventFrame } from '../../events/bus.ts';
import { currentCaller, requireUser } from '../auth.ts';
import type { AppEnv } from '../env.ts';

const HEARTBEAT_MS = 15_000;

export function eventRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', requireUser(), (c) => {
    const user = currentCaller(c);
    const { bus } = c.get('deps');
    const visible = (e: DashEvent) => {
      if (user.role !== 'staff') return true;
      const ticket = e.data.ticket as { siteId?: string } | undefined;
      return ticket?.siteId === user.siteId;
    };
    const lastId = Number(c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? NaN);
    return streamSSE(c, async (stream) => {
      const queue: DashEvent[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = bus.subscribe((e) => {
        if (!visible(e)) return;
        queue.push(e);
        wake?.();
      });
      let open = true;
      stream.onAbort(() => {
        open = false;
        unsubscribe();
        wake?.();
      });
      if (Number.isInteger(lastId)) {
        const missed = bus.since(lastId);
        // Too far behind to replay: tell the client to reload its lists.
        if (!missed.complete) await stream.writeSSE({ event: 'resync', data: '{}' });
        queue.unshift(...missed.events.filter(visible));
      }
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ at: new Date().toISOString() }) });
      // One heartbeat timer per stream (not one per wait): idle streams get a comment line.
      let quiet = true;
      const heartbeat = setInterval(() => {
        if (quiet) wake?.();
        quiet = true;
      }, HEARTBEAT_MS);
      heartbeat.unref();
      let sent = 0; // an event can be both replayed and live: send it once
      try {
        while (open) {
          if (queue.length > 0) {
            // Everything queued goes out in one write: each frame was built once for all boards.
            let frames = '';
            for (const next of queue.splice(0)) {
              if (next.id <= sent) continue;
              sent = next.id;
              frames += eventFrame(next);
            }
            if (frames) {
              quiet = false;
              await stream.write(frames);
            }
            continue;
          }
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          if (open && queue.length === 0) await stream.write(': keep-alive\n\n');
        }
      } finally {
        clearInterval(heartbeat);
      }
    });
  });
  return r;
}

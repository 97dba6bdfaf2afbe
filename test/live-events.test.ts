/**
 * `GET /api/events` (SSE): live ticket changes for boards, each frame once, resumable with
 * Last-Event-ID, and only their own site's tickets for staff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from './helpers/api.ts';
import { waitFor } from './helpers/device.ts';
import { testDatabases } from './helpers/databases.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

type Frame = { id?: string; event?: string; data?: string };

/** An SSE client on a real HTTP stream that parses frames as they come. */
async function subscribe(url: string, headers: Record<string, string>) {
  const res = await fetch(`${url}/api/events`, { headers });
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const frames: Frame[] = [];
  let buffer = '';
  let done = false;
  void (async () => {
    for (;;) {
      const { value, done: end } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (end) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (block.startsWith(':')) continue; // keep-alive comment
        const frame: Frame = {};
        for (const line of block.split('\n')) {
          const at = line.indexOf(': ');
          frame[line.slice(0, at) as keyof Frame] = line.slice(at + 2);
        }
        frames.push(frame);
      }
    }
    done = true;
  })();
  return {
    frames,
    tickets: () => frames.filter((f) => f.event?.startsWith('ticket.')).map((f) => ({ ...(JSON.parse(f.data!).data.ticket as { number: string; siteId: string }), eventId: Number(f.id) })),
    close: async () => {
      await reader.cancel();
      await waitFor(async () => done || undefined);
    },
  };
}

describe.each(testDatabases())('live events on $name', (db) => {
  let t: TestSystem;
  let cookie: string;
  let idle: number; // bus listeners with no board open (the notification dispatcher)
  const sites: { id: string }[] = [];

  // A new category each time: a site has one open ticket per category.
  const open = async (siteIndex: number) => {
    const category = (await t.category()).id;
    const created = await t.api.ok('POST', '/api/tickets', { siteId: sites[siteIndex]!.id, categoryId: category, title: `Live ${Math.random()}` });
    return created as { number: string };
  };

  beforeAll(async () => {
    t = await startTestSystem(db);
    cookie = (t.api as unknown as { cookie: string }).cookie;
    sites.push(await t.site(), await t.site());
    idle = t.system.bus.subscriberCount;
  });
  const noBoardOpen = () => waitFor(async () => t.system.bus.subscriberCount === idle || undefined);
  afterAll(async () => t?.stop());

  it('sends each change once, in order, with increasing ids', async () => {
    const board = await subscribe(t.httpUrl, { cookie });
    await waitFor(async () => board.frames.some((f) => f.event === 'ready') || undefined);
    const a = await open(0);
    const b = await open(1);
    await waitFor(async () => board.tickets().some((x) => x.number === b.number) || undefined);
    const created = board.frames.filter((f) => f.event === 'ticket.created').map((f) => JSON.parse(f.data!).data.ticket.number);
    expect(created).toEqual([a.number, b.number]);
    const ids = board.frames.filter((f) => f.id).map((f) => Number(f.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(ids.length);
    await board.close();
  });

  it('replays what a board missed after Last-Event-ID, then goes on live', async () => {
    const first = await subscribe(t.httpUrl, { cookie });
    await waitFor(async () => first.frames.some((f) => f.event === 'ready') || undefined);
    const a = await open(0);
    await waitFor(async () => first.tickets().find((x) => x.number === a.number));
    const lastId = first.tickets().at(-1)!.eventId;
    await first.close();

    const missed = await open(1); // while no board is connected
    const again = await subscribe(t.httpUrl, { cookie, 'last-event-id': String(lastId) });
    await waitFor(async () => again.tickets().find((x) => x.number === missed.number));
    const live = await open(0);
    await waitFor(async () => again.tickets().find((x) => x.number === live.number));
    expect(again.tickets().map((x) => x.number).filter((n) => n === a.number)).toEqual([]);
    expect(again.tickets().filter((x) => x.number === missed.number)).toHaveLength(1);
    await again.close();
  });

  it('answers with headers that keep proxies and caches from holding frames back, and refuses anonymous boards', async () => {
    await noBoardOpen();
    const head = await fetch(`${t.httpUrl}/api/events`, { method: 'HEAD', headers: { cookie } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/event-stream');
    expect(t.system.bus.subscriberCount).toBe(idle);
    const res = await fetch(`${t.httpUrl}/api/events`, { headers: { cookie, 'x-request-id': 'live-headers-1' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    expect(res.headers.get('x-request-id')).toBe('live-headers-1');
    await res.body!.cancel();
    const anonymous = await fetch(`${t.httpUrl}/api/events`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });

  it('lets go of a board when its client disconnects', async () => {
    await noBoardOpen();
    const board = await subscribe(t.httpUrl, { cookie });
    await waitFor(async () => board.frames.some((f) => f.event === 'ready') || undefined);
    expect(t.system.bus.subscriberCount).toBe(idle + 1);
    await board.close();
    await noBoardOpen();
  });

  it("shows staff only their own site's tickets", async () => {
    await t.api.ok('POST', '/api/users', { email: 'live-staff@dash.test', name: 'Shop', role: 'staff', siteId: sites[0]!.id, password: 'staff-pass-123' });
    const staff = new Api(t.httpUrl);
    await staff.login('live-staff@dash.test', 'staff-pass-123');
    const board = await subscribe(t.httpUrl, { cookie: (staff as unknown as { cookie: string }).cookie });
    await waitFor(async () => board.frames.some((f) => f.event === 'ready') || undefined);
    const other = await open(1);
    const own = await open(0);
    await waitFor(async () => board.tickets().find((x) => x.number === own.number));
    expect(board.tickets().every((x) => x.siteId === sites[0]!.id)).toBe(true);
    expect(board.tickets().find((x) => x.number === other.number)).toBeUndefined();
    await board.close();
  });
});

/**
 * The Pi panel against the real gateway and server: a real Johnny-Five Board on mock-firmata
 * (the test plays the button pins and reads the LED pins), the real MQTT path through a proxy
 * the test can cut, and, for the crash case, the real program in child processes killed with
 * SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePiConfig, type PiConfig } from '../firmware/pi/src/config.ts';
import { FW_VERSION } from '../firmware/pi/src/default-config.ts';
import { createJohnnyFiveIo } from '../firmware/pi/src/io/johnny-five-io.ts';
import { JOURNAL_FILE } from '../firmware/pi/src/journal.ts';
import { startPanel, type Panel } from '../firmware/pi/src/panel.ts';
import { startMqttProxy, type MqttProxy } from '../firmware/pi/test-support/mqtt-proxy.ts';
import { testDatabases } from './helpers/databases.ts';
import { waitFor } from './helpers/device.ts';
import { startTestSystem, type TestSystem } from './helpers/system.ts';

type Log = { msg: string; [k: string]: any };
type MockIo = { emit(event: string): void; digitalRead(pin: number, cb: (v: number) => void): void; digitalWrite(pin: number, v: number): void };
const { Firmata } = createRequire(import.meta.url)('mock-firmata') as { Firmata: new () => MockIo };
const REPO = resolve(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** mock-firmata with the pins' read callbacks captured and every pin write recorded. */
function mockBoard() {
  const io = new Firmata();
  const readers = new Map<number, (v: number) => void>();
  const writes = new Map<number, number[]>();
  io.digitalRead = (pin, cb) => void readers.set(pin, cb);
  io.digitalWrite = (pin, v) => void (writes.get(pin) ?? writes.set(pin, []).get(pin)!).push(v);
  // Pull-up wiring: a pressed button reads LOW. Johnny-Five debounces 7 ms, so hold it longer.
  const press = async (pin: number, ms = 80) => {
    readers.get(pin)!(0);
    await sleep(ms);
    readers.get(pin)!(1);
    await sleep(30);
  };
  return { io, press, lastWrite: (pin: number) => writes.get(pin)?.at(-1), wrote: (pin: number) => writes.get(pin) ?? [] };
}

function panelConfig(raw: Record<string, unknown>): PiConfig {
  const parsed = parsePiConfig({
    io: { kind: 'keyboard' }, heartbeatS: 3600, ackTimeoutMs: 2000, reconnect: { baseMs: 200, maxMs: 1000 },
    buttons: [{ button: 0, pin: 2, singleOnly: true }, { button: 1, pin: 4 }],
    leds: [{ button: 0, pin: 13 }, { button: 1, pin: 12 }],
    ...raw,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.config;
}

describe.each(testDatabases())('Pi panel against the real gateway on $name', (db) => {
  let t: TestSystem;
  let proxy: MqttProxy;
  let site: { id: string };
  let categories: { id: string }[];
  const dirs: string[] = [];
  const tempDir = () => dirs[dirs.push(mkdtempSync(join(tmpdir(), 'dash-pi-'))) - 1]!;

  /** The one press record with this pressId, and its ticket; undefined until recorded. */
  async function recorded(pressId: string) {
    const list = await t.api.ok('GET', `/api/tickets?siteId=${site.id}`);
    const found = [];
    for (const item of list.items) {
      const detail = await t.api.ok('GET', `/api/tickets/${item.id}`);
      for (const press of detail.presses) if (press.pressId === pressId) found.push({ ticket: detail, press });
    }
    expect(found.length).toBeLessThanOrEqual(1);
    return found[0];
  }

  beforeAll(async () => {
    t = await startTestSystem(db);
    site = await t.site();
    categories = [await t.category(), await t.category()];
    proxy = await startMqttProxy(t.system.mqttPort!);
  });
  afterAll(async () => {
    await proxy?.close();
    await t?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('in process, on mock-firmata', () => {
    let panel: Panel;
    let board: ReturnType<typeof mockBoard>;
    let deviceId: string;
    let journalDir: string;
    let firstTicketId: string;
    const logs: Log[] = [];
    const pressLog = (n: number) => waitFor(() => logs.filter((l) => l.msg === 'press')[n], 10_000, `press #${n}`);
    const ackLog = (pressId: string) => waitFor(() => logs.find((l) => l.msg === 'ack' && l.pressId === pressId), 20_000, `ack of ${pressId}`);

    beforeAll(async () => {
      const { device, credentials } = await t.device(site.id, categories.map((c, button) => ({ button, categoryId: c.id })), { kind: 'pi' });
      deviceId = device.id;
      journalDir = tempDir();
      const config = panelConfig({
        deviceId, secret: credentials.password, brokerUrl: proxy.url, journalDir,
        probes: [{ name: 'broker', kind: 'tcp', host: '127.0.0.1', port: t.system.mqttPort! }],
      });
      board = mockBoard();
      board.io.emit('connect');
      board.io.emit('ready');
      const io = await createJohnnyFiveIo(board.io, { buttons: config.buttons, leds: config.leds });
      const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
      panel = startPanel({ config, io, log });
      await waitFor(() => panel.session.connected, 10_000, 'panel connected');
    });
    afterAll(async () => {
      await panel?.stop();
    });

    it('turns a press into a ticket stamped with the press time, and shows it received on the LED', async () => {
      await board.press(2);
      const press = await pressLog(0);
      expect(press).toMatchObject({ button: 0, action: 'single' });
      expect(await ackLog(press.pressId)).toMatchObject({ outcome: 'created', ticketNumber: expect.stringMatching(/^INC-/) });
      const { ticket, press: record } = (await recorded(press.pressId))!;
      expect(ticket).toMatchObject({ categoryId: categories[0]!.id, deviceId, openedAt: new Date(press.pressedAt).toISOString() });
      expect(record).toMatchObject({ pressedAt: new Date(press.pressedAt).toISOString(), action: 'single', queued: false });
      await waitFor(() => panel.leds.patternOf(0) === 'received' && board.wrote(13).includes(1), 5000, 'LED received');
      expect(panel.outbox.size).toBe(0);
      firstTicketId = ticket.id;
    });

    it('shows the ticket acknowledged at the desk as a steady LED on the button that reported it', async () => {
      await t.api.ok('POST', `/api/tickets/${firstTicketId}/acknowledge`, {});
      await waitFor(() => panel.leds.patternOf(0) === 'acknowledged' && board.lastWrite(13) === 1, 5000, 'LED steady on');
    });

    it('keeps presses in its journal while the gateway is unreachable', async () => {
      await proxy.cut();
      await waitFor(() => !panel.session.connected, 10_000, 'panel disconnected');
      await board.press(4);
      await board.press(4); // a double: second press inside 400 ms of the first release
      await board.press(2);
      const [double, single] = [await pressLog(1), await pressLog(2)];
      expect([double.action, single.action]).toEqual(['double', 'single']);
      expect(panel.outbox.size).toBe(2);
      const journal = readFileSync(join(journalDir, JOURNAL_FILE), 'utf8');
      expect(journal).toContain(double.pressId);
      expect(journal).toContain(single.pressId);
      expect(await recorded(double.pressId)).toBeUndefined();
    });

    it('delivers each kept press exactly once, with its original press time, when the gateway is back', async () => {
      const kept = logs.filter((l) => l.msg === 'press').slice(1, 3);
      await proxy.restore();
      await waitFor(() => panel.outbox.size === 0 || undefined, 20_000, 'outbox drained');
      for (const press of kept) {
        const { press: record } = (await recorded(press.pressId))!;
        expect(record).toMatchObject({ pressedAt: new Date(press.pressedAt).toISOString(), action: press.action, queued: true });
        expect(logs.filter((l) => l.msg === 'ack' && l.pressId === press.pressId)).toHaveLength(1);
      }
      expect((await recorded(kept[0]!.pressId))!.ticket).toMatchObject({ categoryId: categories[1]!.id });
    });

    it('sends telemetry with its firmware, outbox size and the watched equipment in extra', async () => {
      const device = await waitFor(async () => {
        const d = await t.api.ok('GET', `/api/devices/${deviceId}`);
        return d.fw ? d : undefined;
      }, 10_000, 'telemetry stored');
      expect(device).toMatchObject({ state: 'ready', fw: FW_VERSION, pending: expect.any(Number), extra: { probes: { broker: { ok: true } } } });
    });

    it('drives the LED pins from led/set and ignores buttons it does not have', async () => {
      const gateway = t.system.gateway!;
      gateway.sendDown(deviceId, 'led/set', { button: 1, pattern: 'acknowledged' });
      await waitFor(() => panel.leds.patternOf(1) === 'acknowledged' && board.lastWrite(12) === 1, 5000, 'LED steady on');
      gateway.sendDown(deviceId, 'led/set', { button: 9, pattern: 'error' });
      gateway.sendDown(deviceId, 'led/set', { button: 1, pattern: 'off' });
      await waitFor(() => panel.leds.patternOf(1) === 'off' && board.lastWrite(12) === 0, 5000, 'LED off');
      expect(panel.leds.patternOf(9)).toBe('off');
    });

    it('applies config from the server: a shorter hold time makes a half-second press a hold', async () => {
      t.system.gateway!.sendDown(deviceId, 'config', { buttons: [], holdMs: 300, doubleMs: 400, heartbeatS: 3600 });
      await waitFor(() => logs.find((l) => l.msg === 'config applied'), 5000, 'config applied');
      await board.press(4, 500);
      expect(await pressLog(3)).toMatchObject({ button: 1, action: 'hold' });
    });
  });

  describe('as a process killed with SIGKILL and started again', () => {
    let config: PiConfig;
    let configPath: string;
    let deviceProxy: MqttProxy;
    const children: ChildProcess[] = [];

    /** Starts `main.ts` with the keyboard adapter on a pipe; its pino lines are parsed as they come. */
    function run() {
      const child = spawn(process.execPath, ['--import', 'tsx', 'firmware/pi/src/main.ts', configPath], { cwd: REPO, stdio: 'pipe' });
      children.push(child);
      const logs: Log[] = [];
      let buffer = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line));
      });
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      const log = (msg: string, match: Record<string, unknown> = {}) => waitFor(
        () => logs.find((l) => l.msg === msg && Object.entries(match).every(([k, v]) => l[k] === v)), 30_000, `child log "${msg}"`);
      return { child, logs, log, exited, key: (k: string) => void child.stdin!.write(k) };
    }

    beforeAll(async () => {
      const { credentials } = await t.device(site.id, categories.map((c, button) => ({ button, categoryId: c.id })), { kind: 'pi' });
      deviceProxy = await startMqttProxy(t.system.mqttPort!);
      const dir = tempDir();
      config = panelConfig({
        deviceId: credentials.username, secret: credentials.password, brokerUrl: deviceProxy.url, journalDir: join(dir, 'journal'),
        buttons: [{ button: 0, pin: 5, singleOnly: true }, { button: 1, pin: 6 }], leds: [],
      });
      configPath = join(dir, 'config.json');
      writeFileSync(configPath, JSON.stringify(config));
    });
    afterAll(async () => {
      for (const child of children) child.kill('SIGKILL');
      await deviceProxy?.close();
    });

    const stateOf = async (expected: string) => waitFor(async () => {
      const device = await t.api.ok('GET', `/api/devices/${config.deviceId}`);
      return device.state === expected || undefined;
    }, 10_000, `device state ${expected}`);

    it('replays its journal after each crash and every press is recorded once', async () => {
      // 1. Connected, but the answers are lost: the press is committed, its ack never arrives.
      const first = run();
      await first.log('connected');
      await stateOf('ready');
      deviceProxy.muteDownstream();
      first.key('1');
      const committed = await first.log('press');
      await waitFor(() => recorded(committed.pressId), 10_000, 'press committed on the server');
      first.child.kill('SIGKILL');
      await first.exited;
      await stateOf('lost'); // the broker published the will

      // 2. Offline: the replayed press waits, a new one joins it, then another crash.
      await deviceProxy.cut();
      const second = run();
      await second.log('outbox replayed', { pending: 1 });
      second.key('2');
      const offline = await second.log('press');
      second.child.kill('SIGKILL');
      await second.exited;

      // 3. Back online: both are replayed; the server knows the first and says so.
      await deviceProxy.restore();
      const third = run();
      await third.log('outbox replayed', { pending: 2 });
      expect(await third.log('ack', { pressId: committed.pressId })).toMatchObject({ outcome: 'duplicate' });
      expect(await third.log('ack', { pressId: offline.pressId })).toMatchObject({ outcome: 'created' });
      expect((await recorded(committed.pressId))!.press).toMatchObject({ pressedAt: new Date(committed.pressedAt).toISOString() });
      expect((await recorded(offline.pressId))!.press).toMatchObject({ pressedAt: new Date(offline.pressedAt).toISOString(), queued: true });

      await stateOf('ready');
      third.child.kill('SIGTERM');
      expect(await third.exited).toBe(0);
      expect(third.logs.some((l) => l.msg === 'stopping')).toBe(true);
      await stateOf('lost'); // said by the panel itself on a clean stop
    });
  });
});

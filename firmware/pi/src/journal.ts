/**
 * Append-only journal of the outbox: one JSON line per event, fsync'd before the call
 * returns, so a press survives a killed process or a power cut once `append` is back.
 * A line cut short by a crash is dropped (and truncated away) when the journal is opened.
 * `rewrite` compacts: temp file, fsync, rename, fsync of the directory.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, ftruncateSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { PressAction, PressPayload } from '../../../gateway/src/mqtt/contract.ts';

export const JournalRecord = z.discriminatedUnion('t', [
  z.strictObject({
    t: z.literal('press'), pressId: PressPayload.shape.pressId, seq: z.number().int().nonnegative(),
    button: z.number().int().min(0).max(15), action: PressAction,
    pressedAt: z.number().int().positive(), synced: z.boolean(),
  }),
  z.strictObject({ t: z.literal('ack'), pressId: z.string() }),
  z.strictObject({ t: z.literal('meta'), nextSeq: z.number().int().nonnegative() }),
]);
export type JournalRecord = z.infer<typeof JournalRecord>;

export const JOURNAL_FILE = 'outbox.jsonl';

export type Replay = { records: JournalRecord[]; skipped: number };

export class Journal {
  private fd: number;

  private constructor(private readonly path: string) {
    this.fd = openSync(path, 'a');
  }

  /** Opens (creating the directory and file) and returns what the journal holds. */
  static open(dir: string): { journal: Journal; replay: Replay } {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, JOURNAL_FILE);
    const replay: Replay = { records: [], skipped: 0 };
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      const complete = text.lastIndexOf('\n') + 1;
      if (complete < text.length) {
        replay.skipped++; // torn tail from a crash mid-write
        const fd = openSync(path, 'r+');
        ftruncateSync(fd, Buffer.byteLength(text.slice(0, complete)));
        fsyncSync(fd);
        closeSync(fd);
      }
      for (const line of text.slice(0, complete).split('\n')) {
        if (!line) continue;
        const parsed = safeJson(line);
        const record = parsed === undefined ? null : JournalRecord.safeParse(parsed);
        if (record?.success) replay.records.push(record.data);
        else replay.skipped++;
      }
    }
    return { journal: new Journal(path), replay };
  }

  append(record: JournalRecord): void {
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    fsyncSync(this.fd);
  }

  /** Replaces the whole journal with `records`, atomically. */
  rewrite(records: JournalRecord[]): void {
    const temp = `${this.path}.tmp`;
    const fd = openSync(temp, 'w');
    writeSync(fd, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    fsyncSync(fd);
    closeSync(fd);
    closeSync(this.fd);
    renameSync(temp, this.path);
    syncDirectory(dirname(this.path)); // the rename itself must reach the disk
    this.fd = openSync(this.path, 'a');
  }

  close(): void {
    closeSync(this.fd);
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

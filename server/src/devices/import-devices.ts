/**
 * Bulk provisioning from CSV (issue 5, part 4): one device per row, each in its own
 * transaction, so a bad row is reported and the good ones are still created.
 * Columns: id, name, site (code or id), kind, buttons, heartbeat_s, button0…button15 (category keys).
 */
import { parse } from 'csv-parse/sync';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { DeviceId } from '../../../gateway/src/mqtt/contract.ts';
import type { Db } from '../db/client.ts';
import { categories, DEVICE_KINDS, devices, sites } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { DeviceDownlink } from '../tickets/deps.ts';
import { type DeviceInput, provisionDevice } from './provision.ts';
import { pushDeviceConfig } from './push-config.ts';

export const MAX_IMPORT_ROWS = 500;
const FIXED_COLUMNS = ['id', 'name', 'site', 'kind', 'buttons', 'heartbeat_s'];
const BUTTON_COLUMN = /^button([0-9]|1[0-5])$/;

export const ImportBody = z.strictObject({
  csv: z.string().min(1).max(1_000_000).describe('the CSV text, header line first'),
  dryRun: z.boolean().default(false).describe('check every row without creating anything (a preview)'),
});

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const CsvRow = z.object({
  id: z.preprocess(blankToUndefined, DeviceId.optional()),
  name: z.string().trim().min(1, 'name is required').max(200),
  site: z.string().trim().min(1, 'site is required'),
  kind: z.preprocess(blankToUndefined, z.enum(DEVICE_KINDS).default('esp32')),
  buttons: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(16).optional()),
  heartbeat_s: z.preprocess(blankToUndefined, z.coerce.number().int().min(10).max(7 * 86_400).optional()),
});

export type ImportRow = { row: number; ok: boolean; deviceId: string | null; name: string | null; site: string | null; secret?: string; error?: string };

type CsvRecord = { line: number; fields: { [column: string]: string } };

/** Parses the file; a header or quoting problem fails the whole import with the line it is on. */
export function readCsv(text: string): CsvRecord[] {
  let parsed: { record: { [column: string]: string }; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true, trim: true, skip_empty_lines: true, info: true, relax_column_count: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    });
  } catch (err) {
    throw new AppError('VALIDATION', `invalid CSV: ${(err as Error).message}`);
  }
  const columns = Object.keys(parsed[0]?.record ?? {});
  const unknown = columns.filter((c) => !FIXED_COLUMNS.includes(c) && !BUTTON_COLUMN.test(c));
  if (unknown.length) throw new AppError('VALIDATION', `invalid CSV: unknown column ${unknown.join(', ')}; the columns are ${FIXED_COLUMNS.join(', ')}, button0…button15`);
  if (parsed.length > MAX_IMPORT_ROWS) throw new AppError('VALIDATION', `invalid CSV: at most ${MAX_IMPORT_ROWS} devices per import`);
  return parsed.map((p) => ({ line: p.info.lines, fields: p.record }));
}

type Lookups = { siteIds: Map<string, string>; categoryIds: Map<string, string> };

function toInput(r: CsvRecord, lookups: Lookups): { input: DeviceInput } | { error: string } {
  const row = CsvRow.safeParse(r.fields);
  if (!row.success) return { error: row.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ') };
  const siteId = lookups.siteIds.get(row.data.site);
  if (!siteId) return { error: `site: no site with code or id "${row.data.site}"` };
  const buttons: DeviceInput['buttons'] = [];
  for (const [column, key] of Object.entries(r.fields)) {
    const match = BUTTON_COLUMN.exec(column);
    if (!match || !key) continue;
    const categoryId = lookups.categoryIds.get(key);
    if (!categoryId) return { error: `${column}: no category with key "${key}"` };
    buttons.push({ button: Number(match[1]), categoryId });
  }
  const { id, name, kind, buttons: buttonCount, heartbeat_s: heartbeatS } = row.data;
  return { input: { ...(id && { id }), name, siteId, kind, ...(buttonCount && { buttonCount }), ...(heartbeatS && { heartbeatS }), buttons } };
}

export async function importDevices(db: Db, downlink: DeviceDownlink | null, csv: string, dryRun: boolean, actor: string): Promise<ImportRow[]> {
  const records = readCsv(csv);
  const siteRows = await db.select({ id: sites.id, code: sites.code }).from(sites);
  const lookups: Lookups = {
    siteIds: new Map(siteRows.flatMap((s) => [[s.code, s.id], [s.id, s.id]])),
    categoryIds: new Map((await db.select({ id: categories.id, key: categories.key }).from(categories)).map((c) => [c.key, c.id])),
  };
  const ids = records.map((r) => r.fields.id).filter((id): id is string => !!id);
  const taken = new Set(ids.length ? (await db.select({ id: devices.id }).from(devices).where(inArray(devices.id, ids))).map((d) => d.id) : []);
  const report: ImportRow[] = [];
  for (const r of records) {
    const base = { row: r.line, name: r.fields.name || null, site: r.fields.site || null };
    const fail = (error: string, deviceId: string | null = null) => report.push({ ...base, ok: false, deviceId, error });
    const built = toInput(r, lookups);
    if ('error' in built) { fail(built.error, r.fields.id || null); continue; }
    const { id } = built.input;
    if (id && taken.has(id)) { fail(`id: device ${id} already exists${report.some((x) => x.deviceId === id) ? ' (an earlier row)' : ''}`, id); continue; }
    if (id) taken.add(id);
    if (dryRun) { report.push({ ...base, ok: true, deviceId: id ?? null }); continue; }
    try {
      const created = await provisionDevice(db, built.input, actor);
      await pushDeviceConfig(db, downlink, created.device.id);
      report.push({ ...base, ok: true, deviceId: created.device.id, secret: created.credentials.password });
    } catch (err) {
      fail(err instanceof AppError ? err.message.replace(/^invalid body: /, '') : `not created: ${(err as Error).message}`, id ?? null);
    }
  }
  return report;
}

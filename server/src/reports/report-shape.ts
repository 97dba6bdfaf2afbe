/**
 * The answers of `/api/reports` written out as zod for the API reference; the type check at
 * the bottom keeps them equal to what domain/build-report.ts and domain/tables.ts produce.
 */
import { z } from 'zod';
import { PRIORITIES } from '../db/schema.ts';
import type { Report } from './domain/build-report.ts';
import { REPORT_TABLES, type ReportTable } from './domain/tables.ts';

const minutes = z.number().nullable().describe('minutes, to the hundredth; null when there is nothing to measure');
const percent = z.number().nullable().describe('percent, one decimal; null when the base is 0');
const Spread = z.object({ count: z.int(), median: minutes, p90: minutes });
const Clocks = z.object({ wall: Spread, business: Spread.describe('the SLA clock: calendar hours only; for resolution, pending pauses left out') });
const Target = z.object({
  met: z.int(), missed: z.int(), compliancePercent: percent,
  breaches: z.int().describe('tickets with the breach flag, open ones too'),
});
const Filters = z.object({ siteId: z.uuid().optional(), categoryId: z.uuid().optional(), teamId: z.uuid().optional(), priority: z.enum(PRIORITIES).optional() });
const Range = z.object({ from: z.iso.datetime(), to: z.iso.datetime() });

export const ReportAnswer = z.object({
  range: Range,
  filters: Filters,
  tickets: z.int().describe('tickets opened in the range that match the filters'),
  times: z.object({ acknowledge: Clocks, resolve: Clocks }),
  sla: z.object({ response: Target, resolution: Target }),
  quality: z.object({
    resolved: z.int(), firstContact: z.int(), firstContactPercent: percent.describe('resolved, never reopened and never reassigned'),
    everResolved: z.int(), reopened: z.int(), reopenPercent: percent,
  }),
  satisfaction: z.object({
    count: z.int(), average: z.number().nullable(),
    distribution: z.object({ 1: z.int(), 2: z.int(), 3: z.int(), 4: z.int(), 5: z.int() }),
  }),
  presses: z.object({
    total: z.int(),
    byOutcome: z.array(z.object({ outcome: z.string(), group: z.enum(['ticket', 'repeat', 'accidental', 'cancelled']), count: z.int() })),
    accidental: z.int(), accidentalPercent: percent, cancelled: z.int(), cancelledPercent: percent, repeat: z.int(),
    bySite: z.array(z.object({ siteId: z.string(), code: z.string(), name: z.string(), count: z.int() })),
    byCategory: z.array(z.object({ categoryId: z.string().nullable(), key: z.string(), name: z.string(), count: z.int() })),
    heatmap: z.array(z.array(z.int())).describe('7 rows (Monday…Sunday) × 24 local hours of the site'),
  }),
  devices: z.array(z.object({
    deviceId: z.string(), name: z.string(), siteId: z.uuid(), siteCode: z.string(), observedMinutes: z.number(), offlineMinutes: z.number(),
    offlineTickets: z.int(), uptimePercent: percent,
  })),
  agents: z.array(z.object({
    userId: z.uuid(), name: z.string(), role: z.string(), available: z.boolean(), openTickets: z.int(), capacity: z.int(), loadPercent: percent,
  })),
});

export const ReportTableAnswer = z.object({
  range: Range,
  filters: Filters,
  table: z.enum(REPORT_TABLES),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
});

type Fits<A, B> = [A] extends [B] ? true : { server: A; doesNotFit: B };
export const REPORT_SHAPES_FIT: [Fits<Report, z.infer<typeof ReportAnswer>>, Fits<ReportTable & Pick<Report, 'range' | 'filters'>, z.infer<typeof ReportTableAnswer>>] = [true, true];

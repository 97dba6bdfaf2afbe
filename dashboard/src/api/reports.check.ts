/** Compile-time proof that the server's report fits what the reports page parses (see server-types.check.ts). */
import type { Report as ServerReport } from '../../../server/src/reports/domain/build-report.ts';
import type { REPORT_TABLES as SERVER_TABLES } from '../../../server/src/reports/domain/tables.ts';
import type { Report, REPORT_TABLES } from './reports.ts';

type Fits<Server, Client> = [Server] extends [Client] ? true : { server: Server; doesNotFit: Client };

export const REPORT_SHAPES_FIT: [
  Fits<ServerReport, Report>,
  Fits<(typeof SERVER_TABLES)[number], (typeof REPORT_TABLES)[number]>,
  Fits<(typeof REPORT_TABLES)[number], (typeof SERVER_TABLES)[number]>,
] = [true, true, true];

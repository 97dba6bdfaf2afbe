/**
 * Compile-time proof that the admin routes' answers fit what admin.ts parses (like
 * server-types.check.ts): a renamed or retyped column fails the typecheck here.
 */
import type { Calendar as CalendarRow, Category, Site, SlaPolicy as SlaPolicyRow, Team } from '../../../server/src/db/schema.ts';
import type { UserView } from '../../../server/src/people/user-view.ts';
import type { previewSla } from '../../../server/src/sla/explain-sla.ts';
import type { AdminCategory, AdminSite, AdminTeam, AdminUser, Calendar, SlaPolicy, SlaPreview } from './admin.ts';

type Fits<Server, Client> = [Server] extends [Client] ? true : { server: Server; doesNotFit: Client };

export const ADMIN_SHAPES_FIT: [
  Fits<Omit<Site, 'statusToken'>, AdminSite>,
  Fits<Category, AdminCategory>,
  Fits<CalendarRow, Calendar>,
  Fits<SlaPolicyRow, SlaPolicy>,
  Fits<UserView, AdminUser>,
  Fits<Team, AdminTeam>,
  Fits<NonNullable<Awaited<ReturnType<typeof previewSla>>>, SlaPreview>,
] = [true, true, true, true, true, true, true];

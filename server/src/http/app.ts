/** createApp(deps): the Hono application: `/api` routes and the web app. */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors.ts';
import { authorize } from './access.ts';
import { identify } from './auth.ts';
import { refuseCrossSite } from './csrf.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { onError, onNotFound } from './on-error.ts';
import { apiTokenRoutes } from './routes/api-tokens.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { categoryRoutes } from './routes/categories.ts';
import { configTransferRoutes } from './routes/config-transfer.ts';
import { deviceRoutes } from './routes/devices.ts';
import { eventRoutes } from './routes/events.ts';
import { healthRoutes } from './routes/health.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { intakeRoutes } from './routes/intake.ts';
import { createMetrics } from './routes/metrics.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { reportRoutes } from './routes/reports.ts';
import { siteRoutes } from './routes/sites.ts';
import { slaMarkRoutes } from './routes/sla-marks.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { virtualButtonRoutes } from './routes/virtual-button.ts';
import { siteStatusRoutes, statusLinkRoutes } from './routes/site-status.ts';
import { teamRoutes } from './routes/teams.ts';
import { ticketRoutes } from './routes/tickets.ts';
import { userRoutes } from './routes/users.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { slaPreviewRoutes, ticketActionRoutes } from './routes/ticket-actions.ts';
import { calendarRoutes } from './routes/calendars.ts';
import { slaPolicyRoutes } from './routes/sla-policies.ts';
import { openapiRoutes } from './openapi/routes.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(async function context(c, next) {
    const given = c.req.header('x-request-id');
    c.set('requestId', given && REQUEST_ID.test(given) ? given : randomUUID());
    c.set('deps', deps);
    c.header('x-request-id', c.get('requestId'));
    await next();
  });
  app.use('/api/*', bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError('VALIDATION', 'request body is larger than 1 MiB');
    },
  }));
  app.use('/api/*', refuseCrossSite());
  app.use('/api/*', identify());
  app.use('/api/*', authorize());
  app.onError(onError);
  app.notFound(onNotFound);

  app.route('/api/health', healthRoutes());
  app.route('/api/auth', authRoutes());
  app.route('/api/users', userRoutes());
  app.route('/api/teams', teamRoutes());
  app.route('/api/api-tokens', apiTokenRoutes());
  app.route('/api/audit', auditRoutes());
  app.route('/api/sites', siteRoutes());
  app.route('/api/categories', categoryRoutes());
  app.route('/api/devices', deviceRoutes());
  app.route('/api/tickets', ticketRoutes());
  app.route('/api/tickets', ticketActionRoutes());
  app.route('/api/sla', slaPreviewRoutes());
  app.route('/api/calendars', calendarRoutes());
  app.route('/api/sla-policies', slaPolicyRoutes());
  app.route('/api/intake', intakeRoutes());
  app.route('/api/events', eventRoutes());
  app.route('/api/webhooks', webhookRoutes());
  app.route('/api/notifications', notificationRoutes());
  app.route('/api/reports', reportRoutes());
  app.route('/api/config', configTransferRoutes());
  app.route('/api', openapiRoutes());
  app.get('/metrics', createMetrics(deps, deps.broker ?? null));
  // The web app (dashboard/): its own API reads, then its pages last, so they never shadow an API route.
  app.route('/api/sla', slaMarkRoutes());
  app.route('/api/sites', virtualButtonRoutes());
  app.route('/api/sites', statusLinkRoutes());
  app.route('/api/status', siteStatusRoutes());
  app.route('/api/intake', feedbackRoutes());
  app.route('/', dashboardRoutes());
  return app;
}

export type AppType = ReturnType<typeof createApp>;

/** The prose of the document: the API's conventions, how to authenticate, what each tag holds. */
import { API_TOKEN_PREFIX } from '../../auth/api-tokens.ts';
import { SESSION_COOKIE } from '../../auth/sessions.ts';

export const API_DESCRIPTION = [
  'Self-hosted dash-button incident reporting: one press, one ticket, with SLA.',
  '',
  '- Bodies are JSON, sent with `content-type: application/json`, at most 1 MiB.',
  '- Errors are always `{error: {code, message, requestId}}`; VALIDATION adds `details.fields`.',
  '- Lists are pages `{items, nextCursor}`; pass `nextCursor` back as `cursor` until it is null.',
  '- Times are ISO 8601 in UTC.',
  '- Every answer carries `x-request-id` (yours, if you sent a sane one).',
  '- Writes with the session cookie must come from the same origin (CSRF); bearer tokens are exempt.',
  '- `x-roles` on an operation lists the roles that may call it, after the role table (design §6).',
].join('\n');

export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey', in: 'cookie', name: SESSION_COOKIE,
    description: 'People: POST /api/auth/login sets it (HttpOnly, SameSite=Strict). The user\'s role decides what is allowed.',
  },
  apiToken: {
    type: 'http', scheme: 'bearer', bearerFormat: `${API_TOKEN_PREFIX}…`,
    description: 'Integrations: `Authorization: Bearer dash_…` from POST /api/api-tokens. The token acts with its role, '
      + 'narrowed by its scopes (`*`, `<family>:read`, `<family>:write`; `x-token-scope` on an operation names the one it needs).',
  },
  gatewayToken: {
    type: 'http', scheme: 'bearer',
    description: 'Split gateways: `Authorization: Bearer <GATEWAY_TOKEN>` as configured on the server. Sends presses and nothing else.',
  },
} as const;

export const TAG_DESCRIPTIONS: Record<string, string> = {
  Health: 'Liveness for load balancers and monitors.',
  Reference: 'This document and the page that shows it.',
  Tickets: 'Incidents: opened by presses, by hand or over the API, and worked through their lifecycle (design §5).',
  SLA: 'Why a ticket is due when it is, and what a new one would be due (design §4).',
  Devices: 'Buttons: provisioning, MQTT credentials, button mappings.',
  Intake: 'Presses over HTTP: split gateways and the virtual button.',
  Events: 'Live changes for dashboards, over Server-Sent Events.',
  Sites: 'Branches: where buttons hang and tickets belong.',
  Categories: 'What a button reports: routes to a team, sets the default priority.',
  Calendars: 'Business hours and holidays in a time zone; SLA minutes are counted in them.',
  'SLA policies': 'Ordered rules: the first one whose conditions match sets the targets.',
  Auth: 'Login, logout, and the caller\'s own profile.',
  Users: 'People, their roles and sites.',
  Teams: 'Groups of agents that categories route to.',
  'API tokens': 'Credentials for integrations, shown once, revocable.',
  Audit: 'Who changed what.',
  Webhooks: 'Signed JSON deliveries of ticket and SLA events.',
  Notifications: 'The delivery log of every channel, and retries of dead letters.',
};

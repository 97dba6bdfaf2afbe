/** Login and people (design §6): auth, users, teams, API tokens, the audit log. */
import { OwnProfilePatch } from '../../../people/user-input.ts';
import { PageQuery } from '../../pagination.ts';
import { TokenInput } from '../../routes/api-tokens.ts';
import { AuditQuery } from '../../routes/audit.ts';
import { Login } from '../../routes/auth.ts';
import { Members, TeamInput } from '../../routes/teams.ts';
import { AdminUserInput, AdminUserPatch, UserQuery } from '../../routes/users.ts';
import { pageOf, ref } from '../components.ts';
import type { Operation } from '../operation.ts';
import { crudOperations } from './crud.ts';

const ADMIN = { roles: ['admin'] } as const;
const DESK = { roles: ['admin', 'manager', 'agent'] } as const;
const user = (description: string) => ({ description, schema: ref('User') });
const members = { description: 'the members', schema: { type: 'object', properties: { items: { type: 'array', items: ref('User') } }, required: ['items'] } };
const LAST_ADMIN = 'the change would leave no enabled admin, or an admin would disable or demote themselves';

export const peopleOperations: Operation[] = [
  {
    method: 'post', path: '/api/auth/login', tag: 'Auth', summary: 'Log in',
    description: 'Sets the HttpOnly, SameSite=Strict session cookie. Failed logins are throttled by e-mail and address.',
    access: { public: true }, body: Login,
    responses: {
      200: {
        description: 'logged in; the session cookie is set',
        schema: { type: 'object', properties: { user: ref('User'), expiresAt: { type: 'string', format: 'date-time' } }, required: ['user', 'expiresAt'] },
      },
    },
    errors: { UNAUTHORIZED: 'wrong e-mail or password, or the user is disabled', RATE_LIMITED: 'too many failed logins for this e-mail or address; Retry-After says when to try again' },
  },
  {
    method: 'post', path: '/api/auth/logout', tag: 'Auth', summary: 'Log out', description: 'Ends the session and clears its cookie; harmless without one.',
    access: { public: true }, responses: { 204: { description: 'logged out' } },
  },
  {
    method: 'get', path: '/api/auth/me', tag: 'Auth', summary: 'Who am I', access: { roles: 'any' },
    responses: {
      200: {
        description: '`{user}` for a session; `{token: {id, name, role, scopes}}` for an API token',
        schema: { oneOf: [{ type: 'object', properties: { user: ref('User') }, required: ['user'] }, { type: 'object', properties: { token: { type: 'object' } }, required: ['token'] }] },
      },
    },
  },
  {
    method: 'patch', path: '/api/auth/me', tag: 'Auth', summary: 'Change my name, language or password',
    description: 'A new password needs currentPassword; other sessions of the user end. `language` (en, pl, tr, fa; null: the site\'s, then the browser\'s) is what the app and the notifications to this person are written in.',
    access: { roles: 'any', personOnly: true }, body: OwnProfilePatch,
    responses: { 200: { description: '`{user}`', schema: { type: 'object', properties: { user: ref('User') }, required: ['user'] } } },
    errors: { FORBIDDEN: 'currentPassword is wrong, or an API token was sent', RATE_LIMITED: 'too many wrong passwords; try again later' },
  },
  {
    method: 'get', path: '/api/users', tag: 'Users', summary: 'List users', access: DESK, query: UserQuery,
    responses: { 200: { description: 'a page of users, oldest first', schema: pageOf('User') } },
  },
  { method: 'get', path: '/api/users/{id}', tag: 'Users', summary: 'Get a user', access: DESK, responses: { 200: user('the user') } },
  {
    method: 'post', path: '/api/users', tag: 'Users', summary: 'Create a user', description: 'Staff need a siteId. Audited (without the password).',
    access: ADMIN, body: AdminUserInput, responses: { 201: user('the new user') }, errors: { CONFLICT: 'a user with this e-mail already exists' },
  },
  {
    method: 'patch', path: '/api/users/{id}', tag: 'Users', summary: 'Change a user', description: 'Audited (a new password shows as changed).',
    access: ADMIN, body: AdminUserPatch, responses: { 200: user('the changed user') }, errors: { CONFLICT: `${LAST_ADMIN}; or the e-mail is taken` },
  },
  {
    method: 'delete', path: '/api/users/{id}', tag: 'Users', summary: 'Disable a user',
    description: 'People are disabled, not deleted: their tickets, comments and audit entries keep a name.',
    access: ADMIN, responses: { 200: user('the disabled user') }, errors: { CONFLICT: LAST_ADMIN },
  },
  ...crudOperations({
    base: '/api/teams', tag: 'Teams', noun: 'team', plural: 'teams', component: 'Team', create: TeamInput, patch: TeamInput.partial(),
    conflict: 'a team with this name already exists', inUse: 'the team is still referenced',
  }),
  { method: 'get', path: '/api/teams/{id}/members', tag: 'Teams', summary: 'List a team\'s members', access: DESK, responses: { 200: members } },
  {
    method: 'put', path: '/api/teams/{id}/members', tag: 'Teams', summary: 'Set a team\'s members', description: 'Replaces the whole list. Audited.',
    access: ADMIN, body: Members, responses: { 200: members },
  },
  {
    method: 'get', path: '/api/api-tokens', tag: 'API tokens', summary: 'List API tokens', access: ADMIN, query: PageQuery,
    responses: { 200: { description: 'a page of tokens, newest first (never the token itself)', schema: pageOf('ApiToken') } },
  },
  { method: 'get', path: '/api/api-tokens/{id}', tag: 'API tokens', summary: 'Get an API token', access: ADMIN, responses: { 200: { description: 'the token\'s record', schema: ref('ApiToken') } } },
  {
    method: 'post', path: '/api/api-tokens', tag: 'API tokens', summary: 'Create an API token',
    description: 'The token acts with its role, narrowed by its scopes (`*`, `<family>:read`, `<family>:write`; none = the whole role). It cannot be staff.',
    access: ADMIN, body: TokenInput,
    responses: {
      201: {
        description: 'the record and the token, shown only in this answer',
        schema: { type: 'object', properties: { apiToken: ref('ApiToken'), token: { type: 'string', description: 'dash_…; send as Authorization: Bearer' } }, required: ['apiToken', 'token'] },
      },
    },
  },
  {
    method: 'delete', path: '/api/api-tokens/{id}', tag: 'API tokens', summary: 'Revoke an API token',
    description: 'The record stays with revokedAt set; the token is refused from then on. Revoking twice changes nothing.',
    access: ADMIN, responses: { 200: { description: 'the revoked token\'s record', schema: ref('ApiToken') } },
  },
  {
    method: 'get', path: '/api/audit', tag: 'Audit', summary: 'Read the audit log', description: 'Who changed what, newest first.',
    access: ADMIN, query: AuditQuery, responses: { 200: { description: 'a page of entries', schema: pageOf('AuditEntry') } },
  },
];

/**
 * People and access (design §6): each role and an API token on each route family, staff kept
 * to their site, CSRF, revoked tokens, login throttling, and bad input on the people routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type ApiResponse } from './helpers/api.ts';
import { testDatabases } from './helpers/databases.ts';
import { ADMIN, startTestSystem, type TestSystem } from './helpers/system.ts';

type Who = 'admin' | 'manager' | 'agent' | 'staff' | 'agentToken' | 'adminToken' | 'anonymous';
type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;

const PASSWORD = 'people-pass-1';
let n = 0;
const press = (deviceId: string) => ({ presses: [{ deviceId, press: { v: 1, pressId: `p-${++n}`, seq: n } }] });

describe.each(testDatabases())('people and access on $name', (db) => {
  let t: TestSystem;
  const as = {} as Record<Who, Call>;
  const ids = {} as {
    siteA: string; siteB: string; category: string; devA: string; devB: string; ticketA: string; ticketB: string; anyUser?: string; team?: string;
  };

  async function person(role: string, extra: Record<string, unknown> = {}) {
    const email = `${role}-${++n}@dash.test`;
    const user = await t.api.ok('POST', '/api/users', { email, name: `A ${role}`, role, password: PASSWORD, ...extra });
    const api = new Api(t.httpUrl);
    await api.login(email, PASSWORD);
    return { user, api, email, call: api.request.bind(api) as Call };
  }
  async function token(role: string, scopes?: string[]) {
    const { token: secret } = await t.api.ok('POST', '/api/api-tokens', { name: `${role} integration`, role, ...(scopes && { scopes }) });
    return bearer(secret);
  }
  function bearer(secret: string): Call {
    const api = new Api(t.httpUrl);
    return (method, path, body, headers = {}) => api.request(method, path, body, { authorization: `Bearer ${secret}`, ...headers });
  }

  beforeAll(async () => {
    t = await startTestSystem(db);
    const [siteA, siteB] = [await t.site(), await t.site()];
    const category = await t.category();
    const devA = await t.device(siteA.id, [{ button: 0, categoryId: category.id }]);
    const devB = await t.device(siteB.id, [{ button: 0, categoryId: category.id }]);
    Object.assign(ids, { siteA: siteA.id, siteB: siteB.id, category: category.id, devA: devA.device.id, devB: devB.device.id });
    ids.ticketA = (await t.api.ok('POST', '/api/intake/presses', press(ids.devA))).results[0].ticketId;
    ids.ticketB = (await t.api.ok('POST', '/api/intake/presses', press(ids.devB))).results[0].ticketId;
    as.admin = t.api.request.bind(t.api);
    for (const role of ['manager', 'agent'] as const) as[role] = (await person(role)).call;
    as.staff = (await person('staff', { siteId: ids.siteA })).call;
    as.agentToken = await token('agent');
    as.adminToken = await token('admin');
    const anonymous = new Api(t.httpUrl);
    as.anonymous = anonymous.request.bind(anonymous);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const body = (): Record<string, unknown> => ({ code: `s-${++n}`, name: 'Somewhere' });
  it.each<[Who, string, string, number, (() => unknown)?]>([
    ['anonymous', 'GET', '/api/tickets', 401],
    ['anonymous', 'GET', '/api/health', 200],
    ['admin', 'GET', '/api/audit', 200],
    ['admin', 'POST', '/api/sites', 201, body],
    ['manager', 'GET', '/api/devices', 200],
    ['manager', 'GET', '/api/users', 200],
    ['manager', 'POST', '/api/sites', 403, body],
    ['manager', 'POST', '/api/calendars', 201, () => ({ name: `c-${++n}`, timezone: 'UTC', hours: { mon: [{ start: '09:00', end: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } })],
    ['manager', 'POST', '/api/users', 403, () => ({})],
    ['manager', 'GET', '/api/api-tokens', 403],
    ['manager', 'GET', '/api/audit', 403],
    ['agent', 'GET', '/api/sites', 200],
    ['agent', 'GET', '/api/devices', 200],
    ['agent', 'GET', '/api/teams', 200],
    ['agent', 'POST', '/api/devices', 403, () => ({})],
    ['agent', 'POST', '/api/calendars', 403, () => ({})],
    ['agent', 'POST', '/api/intake/presses', 403, () => ({})],
    ['agent', 'GET', '/api/notifications', 403],
    ['staff', 'GET', '/api/tickets', 200],
    ['staff', 'GET', '/api/categories', 200],
    ['staff', 'GET', '/api/devices', 403],
    ['staff', 'GET', '/api/users', 403],
    ['staff', 'POST', '/api/tickets', 403, () => ({})],
    ['staff', 'POST', '/api/categories', 403, () => ({})],
    ['staff', 'PATCH', '/api/auth/me', 200, () => ({ name: 'Renamed' })],
    ['agentToken', 'GET', '/api/tickets', 200],
    ['agentToken', 'GET', '/api/auth/me', 200],
    ['agentToken', 'POST', '/api/users', 403, () => ({})],
    ['agentToken', 'GET', '/api/api-tokens', 403],
    ['agentToken', 'PATCH', '/api/auth/me', 403, () => ({ name: 'x' })],
    ['adminToken', 'POST', '/api/sites', 201, body],
    ['adminToken', 'GET', '/api/audit', 200],
  ])('%s: %s %s → %i', async (who, method, path, status, makeBody) => {
    const res = await as[who](method, path, makeBody?.());
    expect(res.status, JSON.stringify(res.body)).toBe(status);
  });

  describe('staff of one site', () => {
    it('see only their own site\'s tickets and site', async () => {
      const list = (await as.staff('GET', '/api/tickets')).body.items;
      expect(list.map((x: { siteId: string }) => x.siteId)).toEqual([ids.siteA]);
      expect((await as.staff('GET', `/api/tickets/${ids.ticketA}`)).status).toBe(200);
      expect((await as.staff('GET', `/api/tickets/${ids.ticketB}`)).status).toBe(404);
      expect((await as.staff('GET', '/api/sites')).body.items.map((s: { id: string }) => s.id)).toEqual([ids.siteA]);
      expect((await as.staff('GET', `/api/sites/${ids.siteB}`)).status).toBe(404);
    });

    it("press their own site's devices through intake, not another site's", async () => {
      expect((await as.staff('POST', '/api/intake/presses', press(ids.devA))).status).toBe(200);
      const foreign = await as.staff('POST', '/api/intake/presses', press(ids.devB));
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.code).toBe('FORBIDDEN');
    });
  });

  describe('CSRF', () => {
    const site = () => ({ code: `csrf-${++n}`, name: 'Cross' });
    it('refuses a cookie POST from a foreign origin, and takes it without Origin or from the same origin', async () => {
      const foreign = await as.admin('POST', '/api/sites', site(), { origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
      expect(foreign.body.error).toMatchObject({ code: 'FORBIDDEN', message: 'cross-site request refused' });
      expect((await as.admin('POST', '/api/sites', site(), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await as.admin('POST', '/api/sites', site())).status).toBe(201);
      expect((await as.admin('POST', '/api/sites', site(), { origin: t.httpUrl })).status).toBe(201);
    });

    it('exempts bearer-token requests', async () => {
      expect((await as.adminToken('POST', '/api/sites', site(), { origin: 'https://evil.example' })).status).toBe(201);
    });
  });

  describe('API tokens', () => {
    it('shows the token once, lists without secrets, and refuses it once revoked', async () => {
      const created = await t.api.ok('POST', '/api/api-tokens', { name: 'monitoring', role: 'agent', scopes: ['tickets:read'] });
      expect(created.token).toMatch(/^dash_[A-Za-z0-9_-]{43}$/);
      const call = bearer(created.token);
      expect((await call('GET', '/api/auth/me')).body).toEqual({ token: { id: created.apiToken.id, name: 'monitoring', role: 'agent', scopes: ['tickets:read'] } });
      expect((await call('GET', '/api/sites')).status).toBe(403); // outside its scopes
      const listed = JSON.stringify((await t.api.ok('GET', '/api/api-tokens')).items);
      expect(listed).not.toContain(created.token);
      expect(listed).not.toMatch(/tokenHash/);
      expect((await t.api.ok('GET', `/api/api-tokens/${created.apiToken.id}`)).lastUsedAt).not.toBeNull();

      const revoked = await t.api.ok('DELETE', `/api/api-tokens/${created.apiToken.id}`);
      expect(revoked.revokedAt).not.toBeNull();
      const refused = await call('GET', '/api/tickets');
      expect(refused.status).toBe(401);
      expect(refused.body.error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/revoked/) });
      expect((await bearer('dash_nope')('GET', '/api/tickets')).body.error.message).toMatch(/unknown API token/);
      const audit = await t.api.ok('GET', `/api/audit?entityType=api-token&entityId=${created.apiToken.id}`);
      expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['revoke', 'create']);
    });
  });

  describe('users and teams', () => {
    it('never shows a password hash, and disabling ends the sessions', async () => {
      const { user, call, email } = await person('agent');
      expect(JSON.stringify(await t.api.ok('GET', `/api/users/${user.id}`))).not.toMatch(/scrypt|passwordHash|people-pass/);
      expect(JSON.stringify(await t.api.ok('GET', `/api/audit?entityType=user&entityId=${user.id}`))).not.toMatch(/scrypt|people-pass/);
      expect((await t.api.ok('DELETE', `/api/users/${user.id}`)).disabled).toBe(true);
      expect((await call('GET', '/api/tickets')).status).toBe(401);
      expect((await new Api(t.httpUrl).request('POST', '/api/auth/login', { email, password: PASSWORD })).status).toBe(401);
    });

    it('keeps the last admin an admin, and an admin from disabling themself', async () => {
      const me = (await t.api.ok('GET', '/api/auth/me')).user;
      expect((await t.api.request('DELETE', `/api/users/${me.id}`)).status).toBe(409);
      expect((await t.api.request('POST', '/api/users', { email: ADMIN.email, name: 'Twin', role: 'agent', password: PASSWORD })).status).toBe(409);
    });

    it('changes its own password only with the current one', async () => {
      const { call, email } = await person('agent');
      expect((await call('PATCH', '/api/auth/me', { password: 'brand-new-pass', currentPassword: 'wrong' })).status).toBe(403);
      expect((await call('PATCH', '/api/auth/me', { password: 'brand-new-pass', currentPassword: PASSWORD })).status).toBe(200);
      await new Api(t.httpUrl).login(email, 'brand-new-pass');
    });

    it('sets team members and audits it', async () => {
      const team = await t.api.ok('POST', '/api/teams', { name: `Field ${++n}` });
      const { user } = await person('agent');
      expect((await t.api.ok('PUT', `/api/teams/${team.id}/members`, { userIds: [user.id] })).items.map((u: { id: string }) => u.id)).toEqual([user.id]);
      expect((await t.api.ok('GET', `/api/users?teamId=${team.id}`)).items.map((u: { id: string }) => u.id)).toEqual([user.id]);
      const audit = await t.api.ok('GET', `/api/audit?entityType=team&entityId=${team.id}&limit=1`);
      expect(audit.items[0].action).toBe('set-members');
      expect((await t.api.ok('GET', `/api/audit?entityType=team&entityId=${team.id}&limit=1&cursor=${audit.nextCursor}`)).items[0].action).toBe('create');
    });
  });

  it.each<[string, string, () => string, unknown, string]>([
    ['a staff user without a site', 'POST', () => '/api/users', { email: 'x@dash.test', name: 'X', role: 'staff', password: PASSWORD }, 'siteId'],
    ['a short password', 'POST', () => '/api/users', { email: 'y@dash.test', name: 'Y', role: 'agent', password: 'short' }, 'password'],
    ['a bad e-mail', 'POST', () => '/api/users', { email: 'nope', name: 'Y', role: 'agent', password: PASSWORD }, 'email'],
    ['an unknown role', 'POST', () => '/api/users', { email: 'z@dash.test', name: 'Z', role: 'boss', password: PASSWORD }, 'role'],
    ['an unknown site', 'POST', () => '/api/users', { email: 'w@dash.test', name: 'W', role: 'staff', siteId: '00000000-0000-4000-8000-000000000000', password: PASSWORD }, 'siteId'],
    ['a negative capacity', 'PATCH', () => `/api/users/${ids.anyUser}`, { capacity: -1 }, 'capacity'],
    ['a staff role without a site', 'PATCH', () => `/api/users/${ids.anyUser}`, { role: 'staff' }, 'siteId'],
    ['a bad phone', 'PATCH', () => `/api/users/${ids.anyUser}`, { phone: 'call me' }, 'phone'],
    ['a team without a name', 'POST', () => '/api/teams', { name: '' }, 'name'],
    ['a team with a bad e-mail', 'PATCH', () => `/api/teams/${ids.team}`, { email: 'nope' }, 'email'],
    ['members that are not ids', 'PUT', () => `/api/teams/${ids.team}/members`, { userIds: ['nope'] }, 'userIds.0'],
    ['members that do not exist', 'PUT', () => `/api/teams/${ids.team}/members`, { userIds: ['00000000-0000-4000-8000-000000000000'] }, 'userIds'],
    ['a staff token', 'POST', () => '/api/api-tokens', { name: 'kiosk', role: 'staff' }, 'role'],
    ['a token scope off the list', 'POST', () => '/api/api-tokens', { name: 'odd', role: 'agent', scopes: ['tickets:delete'] }, 'scopes.0'],
    ['a new password of 3 characters', 'PATCH', () => '/api/auth/me', { password: 'abc', currentPassword: ADMIN.password }, 'password'],
    ['a new password without the current one', 'PATCH', () => '/api/auth/me', { password: 'long-enough-1' }, 'currentPassword'],
    ['a login without an e-mail', 'POST', () => '/api/auth/login', { password: 'x' }, 'email'],
  ])('answers %s with VALIDATION naming the field', async (_what, method, path, input, field) => {
    ids.anyUser ??= (await t.api.ok('GET', '/api/users?role=agent&limit=1')).items[0].id;
    ids.team ??= (await t.api.ok('POST', '/api/teams', { name: `Bad input ${++n}` })).id;
    const res = await t.api.request(method, path(), input);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(res.body.error.message).toContain(`${field}:`);
  });

  describe('login throttling', () => {
    it('locks an e-mail after 5 failures with 429 and Retry-After, even for the right password', async () => {
      const { email } = await person('agent');
      const api = new Api(t.httpUrl);
      const tries = [];
      for (let i = 0; i < 5; i++) tries.push((await api.request('POST', '/api/auth/login', { email, password: 'wrong-password' })).status);
      expect(tries).toEqual([401, 401, 401, 401, 429]);
      const locked = await api.request('POST', '/api/auth/login', { email, password: PASSWORD });
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('RATE_LIMITED');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    });

    it('clears the count of an e-mail on a successful login', async () => {
      const { email } = await person('agent');
      const api = new Api(t.httpUrl);
      const fail = async () => (await api.request('POST', '/api/auth/login', { email, password: 'wrong-password' })).status;
      for (let i = 0; i < 4; i++) await fail();
      await api.login(email, PASSWORD);
      expect([await fail(), await fail(), await fail(), await fail()]).toEqual([401, 401, 401, 401]);
    });

    // Last: it locks this test's address (127.0.0.1) out of every login.
    it('locks a client address after 20 failures, whatever the e-mails', async () => {
      const api = new Api(t.httpUrl);
      let status = 401;
      for (let i = 0; i < 20 && status === 401; i++) status = (await api.request('POST', '/api/auth/login', { email: `guess-${i}@dash.test`, password: 'x' })).status;
      expect(status).toBe(429);
      expect((await api.request('POST', '/api/auth/login', ADMIN)).status).toBe(429);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { decideAccess, familyOf, scopeAllows, type Who } from './access-rules.ts';

const user = (role: 'admin' | 'manager' | 'agent' | 'staff'): Who => ({ kind: 'user', role });

describe('access rules', () => {
  it.each([
    ['/api/tickets/1/assign', 'tickets'],
    ['/api/sla-policies', 'sla-policies'],
    ['/api/openapi.json', 'openapi.json'],
    ['/api', ''],
  ])('takes the family of %s as %s', (path, family) => {
    expect(familyOf(path)).toBe(family);
  });

  it.each<[Who, string, string, boolean]>([
    [user('admin'), 'api-tokens', 'POST', true],
    [user('admin'), 'something-new', 'GET', true],
    [user('manager'), 'sla-policies', 'PUT', true],
    [user('manager'), 'users', 'GET', true],
    [user('manager'), 'users', 'POST', false],
    [user('manager'), 'audit', 'GET', false],
    [user('agent'), 'tickets', 'POST', true],
    [user('agent'), 'calendars', 'PATCH', false],
    [user('agent'), 'something-new', 'GET', false],
    [user('staff'), 'tickets', 'GET', true],
    [user('staff'), 'tickets', 'POST', false],
    [user('staff'), 'devices', 'GET', false],
    [user('staff'), 'intake', 'POST', true],
    [{ kind: 'gateway' }, 'intake', 'POST', true],
    [{ kind: 'gateway' }, 'tickets', 'GET', false],
    [{ kind: 'anonymous' }, 'health', 'GET', true],
    [{ kind: 'anonymous' }, 'auth', 'POST', true],
    [{ kind: 'anonymous' }, 'tickets', 'GET', false],
  ])('%o on %s %s → %s', (who, family, method, ok) => {
    expect(decideAccess(who, family, method).ok).toBe(ok);
  });

  it('answers the anonymous with UNAUTHORIZED and the rest with FORBIDDEN', () => {
    expect(decideAccess({ kind: 'anonymous' }, 'sites', 'GET')).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    expect(decideAccess(user('staff'), 'sites', 'POST')).toMatchObject({ ok: false, code: 'FORBIDDEN', message: 'the role staff may not write /api/sites' });
  });

  it('narrows a token by its scopes, never widening its role', () => {
    const token = (role: 'admin' | 'agent', scopes: string[]): Who => ({ kind: 'token', role, scopes });
    expect(decideAccess(token('agent', []), 'tickets', 'POST').ok).toBe(true);
    expect(decideAccess(token('agent', ['tickets:read']), 'tickets', 'POST')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideAccess(token('agent', ['tickets:write']), 'tickets', 'GET').ok).toBe(true);
    expect(decideAccess(token('agent', ['*']), 'users', 'POST').ok).toBe(false);
    expect(decideAccess(token('admin', ['tickets:read']), 'users', 'GET').ok).toBe(false);
  });

  it('treats an empty scope list as everything the role allows', () => {
    expect(scopeAllows([], 'anything', true)).toBe(true);
    expect(scopeAllows(['sites:read'], 'sites', true)).toBe(false);
  });
});

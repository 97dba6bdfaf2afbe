import { describe, expect, it } from 'vitest';
import { matchPolicy } from './match-policy.ts';
import type { MatchablePolicy } from './match-policy.ts';
import type { PolicyConditions, TicketFacts } from './types.ts';

const policy = (id: string, order: number, conditions: PolicyConditions, enabled = true): MatchablePolicy => ({ id, name: id, order, enabled, conditions });

const POLICIES: MatchablePolicy[] = [
  // Given out of order on purpose: matching sorts by `order`, then name.
  policy('default', 100, {}),
  policy('printers', 20, { categoryIds: ['cat-printer'] }),
  policy('gold sites', 10, { tiers: ['gold'] }),
  policy('holiday rota', 5, {}, false),
  policy('urgent tills', 20, { categoryIds: ['cat-till'], priorities: ['P1', 'P2'], sources: ['button', 'virtual'] }),
];

const NAMES = { 'cat-printer': 'Printer', 'cat-till': 'Cash register', 'site-1': 'Warsaw Centre' };
const facts = (over: Partial<TicketFacts> = {}): TicketFacts => ({ siteId: 'site-1', siteTier: 'standard', categoryId: 'cat-printer', priority: 'P3', source: 'button', ...over });

describe('matchPolicy', () => {
  it.each([
    // Order: holiday rota (5, disabled) → gold sites (10) → printers (20) → urgent tills (20; "p" < "u") → default.
    { name: 'a printer at a standard site gets "printers"', facts: facts(), winner: 'printers', skipped: ['holiday rota', 'gold sites'] },
    { name: 'a gold site wins before its category', facts: facts({ siteTier: 'gold' }), winner: 'gold sites', skipped: ['holiday rota'] },
    { name: 'an urgent till pressed on a button', facts: facts({ categoryId: 'cat-till', priority: 'P1' }), winner: 'urgent tills', skipped: ['holiday rota', 'gold sites', 'printers'] },
    { name: 'a P3 till falls through to the catch-all', facts: facts({ categoryId: 'cat-till' }), winner: 'default', skipped: ['holiday rota', 'gold sites', 'printers', 'urgent tills'] },
  ])('$name', ({ facts: f, winner, skipped }) => {
    const match = matchPolicy(POLICIES, f, NAMES);
    expect(match.policy?.id).toBe(winner);
    expect(match.skipped.map((s) => s.id)).toEqual(skipped);
  });

  it('explains every failed condition of a skipped policy, with names where known', () => {
    const match = matchPolicy(POLICIES, facts({ categoryId: 'cat-till', source: 'manual' }), NAMES);
    expect(match.skipped).toEqual([
      { id: 'holiday rota', name: 'holiday rota', reasons: ['policy is disabled'] },
      { id: 'gold sites', name: 'gold sites', reasons: ['tier standard is not in [gold]'] },
      { id: 'printers', name: 'printers', reasons: ['category Cash register is not in [Printer]'] },
      { id: 'urgent tills', name: 'urgent tills', reasons: ['priority P3 is not in [P1, P2]', 'source manual is not in [button, virtual]'] },
    ]);
    expect(match.policy?.id).toBe('default');
  });

  it('shows ids where no name is given', () => {
    const match = matchPolicy([policy('only here', 1, { siteIds: ['site-9'] })], facts());
    expect(match).toEqual({ policy: null, skipped: [{ id: 'only here', name: 'only here', reasons: ['site site-1 is not in [site-9]'] }] });
  });

  it('treats an empty list as no condition', () => {
    expect(matchPolicy([policy('open', 1, { tiers: [], sources: [] })], facts()).policy?.id).toBe('open');
  });

  it('returns no policy when none is enabled', () => {
    const match = matchPolicy([policy('off', 1, {}, false)], facts());
    expect(match.policy).toBeNull();
    expect(match.skipped[0]?.reasons).toEqual(['policy is disabled']);
  });

  it('hands back the caller\'s own row type', () => {
    const rows = [{ ...policy('row', 1, {}), calendarId: 'cal-1' }];
    expect(matchPolicy(rows, facts()).policy?.calendarId).toBe('cal-1');
  });
});

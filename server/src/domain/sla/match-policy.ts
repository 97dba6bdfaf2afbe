import type { PolicyConditions, PolicySpec, TicketFacts } from './types.ts';

export type MatchablePolicy = Pick<PolicySpec, 'id' | 'name' | 'order' | 'enabled' | 'conditions'>;
export type SkippedPolicy = { id: string; name: string; reasons: string[] };
export type PolicyMatch<P> = { policy: P | null; skipped: SkippedPolicy[] };
/** Display names by id (sites, categories); ids are shown where a name is missing. */
export type NameLookup = Readonly<Record<string, string>>;

/** Order then name then id, so the evaluation order is total and stable. */
function byOrder(a: MatchablePolicy, b: MatchablePolicy): number {
  if (a.order !== b.order) return a.order - b.order;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

type Check = { label: string; list: readonly string[] | undefined; value: string; named: boolean };

function checks(c: PolicyConditions, facts: TicketFacts): Check[] {
  return [
    { label: 'tier', list: c.tiers, value: facts.siteTier, named: false },
    { label: 'site', list: c.siteIds, value: facts.siteId, named: true },
    { label: 'category', list: c.categoryIds, value: facts.categoryId, named: true },
    { label: 'priority', list: c.priorities, value: facts.priority, named: false },
    { label: 'source', list: c.sources, value: facts.source, named: false },
  ];
}

/** Why a policy does not apply: one reason per failed condition; empty when it applies. */
export function mismatchReasons(policy: MatchablePolicy, facts: TicketFacts, names: NameLookup = {}): string[] {
  if (!policy.enabled) return ['policy is disabled'];
  const show = (id: string, named: boolean) => (named ? names[id] ?? id : id);
  return checks(policy.conditions, facts)
    // A missing or empty list is no condition: it matches everything.
    .filter(({ list, value }) => list !== undefined && list.length > 0 && !list.includes(value))
    .map(({ label, list, value, named }) => `${label} ${show(value, named)} is not in [${(list ?? []).map((id) => show(id, named)).join(', ')}]`);
}

/**
 * The SLA policy for a ticket: enabled policies in `order` (then name), the first whose
 * conditions all hold wins; a policy without conditions matches everything. `skipped` lists,
 * in order, every policy tried before the winner with the reasons it did not apply; policies
 * after the winner are not evaluated.
 */
export function matchPolicy<P extends MatchablePolicy>(policies: readonly P[], facts: TicketFacts, names: NameLookup = {}): PolicyMatch<P> {
  const skipped: SkippedPolicy[] = [];
  for (const policy of [...policies].sort(byOrder)) {
    const reasons = mismatchReasons(policy, facts, names);
    if (reasons.length === 0) return { policy, skipped };
    skipped.push({ id: policy.id, name: policy.name, reasons });
  }
  return { policy: null, skipped };
}

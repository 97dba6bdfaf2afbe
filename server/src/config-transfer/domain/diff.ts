/** Field-by-field comparison of a document entry with the installation's current entry. */

/** Deep equality of JSON values; object key order does not matter, array order does. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined).sort();
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined).sort();
  return sameValue(ka, kb) && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The fields of `incoming` whose value differs from `current`. A field the document leaves
 * out is not a change: it keeps its value. `additive` fields are lists an import only adds to
 * (team members, button mappings): they change only when the document brings something new.
 */
export function changedFields(
  incoming: Record<string, unknown>, current: Record<string, unknown>, additive: Record<string, (inc: unknown, cur: unknown) => boolean> = {},
): string[] {
  return Object.keys(incoming).filter((k) => {
    if (incoming[k] === undefined) return false;
    const adds = additive[k];
    if (adds) return adds(incoming[k], current[k]);
    return !sameValue(incoming[k], current[k] ?? null);
  }).sort();
}

/** Team members: e-mails not yet members. */
export const addsMembers = (inc: unknown, cur: unknown) => ((inc as string[] | undefined) ?? []).some((e) => !((cur as string[] | undefined) ?? []).includes(e));

type Button = { button: number; category: string; label?: string | null | undefined; color?: string | null | undefined };

/** Button mappings: a button that is new or mapped differently (label and colour go with the mapping). */
export const changesButtons = (inc: unknown, cur: unknown) => ((inc as Button[] | undefined) ?? []).some((b) => {
  const now = ((cur as Button[] | undefined) ?? []).find((c) => c.button === b.button);
  return !now || now.category !== b.category || (now.label ?? null) !== (b.label ?? null) || (now.color ?? null) !== (b.color ?? null);
});

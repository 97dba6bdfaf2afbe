export type Priority = 'P1' | 'P2' | 'P3' | 'P4';
const ORDER: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];

/** One level more urgent; P1 stays P1. */
export function raisePriority(p: Priority): Priority {
  return ORDER[Math.max(0, ORDER.indexOf(p) - 1)] as Priority;
}

/** The more urgent of the two. */
export function higherPriority(a: Priority, b: Priority): Priority {
  return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b;
}

/** Human ticket number: 123 → INC-000123. */
export function formatTicketNumber(n: number): string {
  return `INC-${String(n).padStart(6, '0')}`;
}

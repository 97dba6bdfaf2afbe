/**
 * Agent load vs capacity: open tickets (new, acknowledged, in progress, pending) assigned to
 * each person now, against `users.capacity` (the most auto-assignment gives them). Lists every
 * enabled agent and anyone else who holds open tickets.
 */
import { percentOf } from './percentiles.ts';

export type LoadUser = { id: string; name: string; role: string; capacity: number; available: boolean; disabled: boolean };
export type AgentLoad = { userId: string; name: string; role: string; available: boolean; openTickets: number; capacity: number; loadPercent: number | null };

export function agentLoad(users: readonly LoadUser[], openByAssignee: ReadonlyMap<string, number>): AgentLoad[] {
  return users
    .filter((u) => (u.role === 'agent' && !u.disabled) || (openByAssignee.get(u.id) ?? 0) > 0)
    .map((u) => {
      const open = openByAssignee.get(u.id) ?? 0;
      return { userId: u.id, name: u.name, role: u.role, available: u.available, openTickets: open, capacity: u.capacity, loadPercent: percentOf(open, u.capacity) };
    })
    .sort((a, b) => (b.loadPercent ?? 0) - (a.loadPercent ?? 0) || a.name.localeCompare(b.name));
}

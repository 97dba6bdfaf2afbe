/**
 * The ticket state machine (design §5): which verb moves a ticket from which statuses to
 * which. `reopen` brings a resolved or closed ticket back to in_progress.
 */
export type TicketStatus = 'new' | 'acknowledged' | 'in_progress' | 'pending' | 'resolved' | 'closed' | 'cancelled';
export const STATUS_VERBS = ['acknowledge', 'start', 'pend', 'resume', 'resolve', 'close', 'cancel', 'reopen'] as const;
export type StatusVerb = (typeof STATUS_VERBS)[number];

const OPEN: TicketStatus[] = ['new', 'acknowledged', 'in_progress', 'pending'];

export const TRANSITIONS: Record<StatusVerb, { from: readonly TicketStatus[]; to: TicketStatus }> = {
  acknowledge: { from: ['new'], to: 'acknowledged' },
  start: { from: ['new', 'acknowledged'], to: 'in_progress' },
  pend: { from: ['new', 'acknowledged', 'in_progress'], to: 'pending' },
  resume: { from: ['pending'], to: 'in_progress' },
  resolve: { from: OPEN, to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  cancel: { from: OPEN, to: 'cancelled' },
  reopen: { from: ['resolved', 'closed'], to: 'in_progress' },
};

export type TransitionPlan =
  | { ok: true; from: TicketStatus; to: TicketStatus; firstResponse: boolean }
  | { ok: false; from: TicketStatus; allowed: StatusVerb[] };

/** Plans `verb` on a ticket in `status`; refused plans name the verbs that are allowed. */
export function planTransition(status: TicketStatus, verb: StatusVerb, acknowledged: boolean): TransitionPlan {
  const rule = TRANSITIONS[verb];
  if (!rule.from.includes(status)) return { ok: false, from: status, allowed: allowedVerbs(status) };
  // Any agent action on an unacknowledged ticket is its first response (stops the response clock).
  const firstResponse = !acknowledged && verb !== 'cancel' && verb !== 'reopen';
  return { ok: true, from: status, to: rule.to, firstResponse };
}

export function allowedVerbs(status: TicketStatus): StatusVerb[] {
  return STATUS_VERBS.filter((v) => TRANSITIONS[v].from.includes(status));
}

export function isOpen(status: TicketStatus): boolean {
  return OPEN.includes(status);
}

export type LedPattern = 'off' | 'received' | 'acknowledged' | 'resolved';

/** What the buttons that reported a ticket show for its status (design §5). */
export function ledPatternFor(status: TicketStatus, inConfirmWindow: boolean): LedPattern {
  if (status === 'new') return 'received';
  if (status === 'resolved') return inConfirmWindow ? 'resolved' : 'off';
  if (status === 'closed' || status === 'cancelled') return 'off';
  return 'acknowledged';
}

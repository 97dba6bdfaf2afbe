/** Everything that happened to the ticket, oldest first, with who did it. */
import type { TimelineEntry } from '../../api/schemas.ts';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Reference } from '../board/use-reference.ts';

const KNOWN = new Set(['created', 'press_merged', 'late_press', 'reporter_says_fixed', 'priority_raised', 'updated', 'comment', 'assigned', 'sla_reminder', 'sla_breach', 'sla_escalation']);

export function TicketTimeline({ entries, reference, devices, timeZone }: {
  entries: TimelineEntry[]; reference: Reference; devices: ReadonlyMap<string, string>; timeZone: string | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const statusName = (s: string | null) => (s ? t(`status.${s}` as MessageKey) : '—');
  const clock = (e: TimelineEntry) => t(e.data?.target === 'response' ? 'sla.response' : 'sla.resolution');
  const what = (e: TimelineEntry): string => {
    if (e.type === 'status_changed') return t('event.status_changed', { from: statusName(e.fromStatus), to: statusName(e.toStatus) });
    if (e.type === 'feedback') return t('event.feedback', { rating: Number(e.data?.rating ?? 0) });
    if (e.type === 'priority_raised') return t('event.priority_raised', { priority: String(e.data?.priority ?? '') });
    if (e.type.startsWith('sla_')) return t(`event.${e.type}` as MessageKey, { clock: clock(e) });
    if (e.type === 'assigned') {
      const to = typeof e.data?.to === 'string' ? reference.users.get(e.data.to)?.name : null;
      return to ? `${t('event.assigned')}: ${to}` : t('event.assigned');
    }
    return KNOWN.has(e.type) ? t(`event.${e.type}` as MessageKey) : t('event.other', { type: e.type });
  };
  const who = (actor: string): string => {
    const [kind, id = ''] = actor.split(':');
    if (kind === 'user') return reference.users.get(id)?.name ?? id;
    if (kind === 'device') return t('event.byDevice', { name: devices.get(id) ?? id });
    if (kind === 'token') return t('event.byApi');
    return t('event.system');
  };
  return (
    <ol class="timeline">
      {entries.map((e) => (
        <li key={e.id} class={`timeline-entry timeline-${e.type}`}>
          <time dateTime={e.at}>{i18n.dateTime(e.at, timeZone)}</time>
          <p><strong>{what(e)}</strong> <span class="muted">{t('event.by', { actor: who(e.actor) })}</span></p>
          {e.note && <p class="timeline-note"><bdi>{e.note}</bdi></p>}
        </li>
      ))}
    </ol>
  );
}

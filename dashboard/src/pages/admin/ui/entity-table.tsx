/**
 * A list of admin records as a table; on a phone each row becomes a card with its facts
 * labelled (admin.css). Cells render user text as text (JSX), names inside <bdi>.
 */
import type { ComponentChildren } from 'preact';
import { useI18n } from '../../../i18n/i18n.tsx';

export type Column<T> = { key: string; label: string; render: (row: T) => ComponentChildren };

export function EntityTable<T extends { id: string }>({ caption, columns, rows, actions, empty, current }: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  /** Buttons of one row (edit, delete, …). */
  actions?: (row: T) => ComponentChildren;
  empty: string;
  /** The row being edited, marked for sight and screen readers. */
  current?: string | null;
}) {
  const { t } = useI18n();
  if (!rows.length) return <p class="empty">{empty}</p>;
  return (
    <div class="table-scroll">
      <table class="data-table entity-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}
            {actions && <th scope="col"><span class="visually-hidden">{t('admin.actions')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-id={row.id} class={row.id === current ? 'current' : undefined} aria-current={row.id === current ? 'true' : undefined}>
              {columns.map((c) => <td key={c.key} data-label={c.label}>{c.render(row)}</td>)}
              {actions && <td class="entity-actions"><div class="entity-actions-inner">{actions(row)}</div></td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The frame of every admin page: the section list beside (or, on a phone, above) the page.
 * A new admin page adds its entry to ADMIN_SECTIONS and its route in app.tsx.
 */
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AppShell } from '../../ui/app-shell.tsx';
import './admin.css';

export type AdminSection = { path: string; label: MessageKey };

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { path: '/admin/sites', label: 'admin.sites' },
  { path: '/admin/categories', label: 'admin.categories' },
  { path: '/admin/calendars', label: 'admin.calendars' },
  { path: '/admin/sla', label: 'admin.sla' },
  { path: '/admin/people', label: 'admin.people' },
  { path: '/admin/webhooks', label: 'admin.webhooks' },
  { path: '/admin/tokens', label: 'admin.tokens' },
  { path: '/admin/config', label: 'admin.config' },
];

export function AdminLayout({ title, children }: { title: string; children: ComponentChildren }) {
  const { t } = useI18n();
  const { path } = useLocation();
  return (
    <AppShell wide>
      <div class="admin-layout">
        <nav aria-label={t('admin.sections')} class="admin-nav">
          <ul>
            {ADMIN_SECTIONS.map((s) => (
              <li key={s.path}><a href={s.path} aria-current={path.startsWith(s.path) ? 'page' : undefined}>{t(s.label)}</a></li>
            ))}
          </ul>
        </nav>
        <section class="admin-page" aria-labelledby="admin-page-title">
          <h1 id="admin-page-title">{title}</h1>
          {children}
        </section>
      </div>
    </AppShell>
  );
}

/** The frame of every signed-in page: skip link, brand, navigation, live status, language, user. */
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n/i18n.tsx';
import { isDesk, useSession } from '../session/session.tsx';
import { LanguagePicker } from './language-picker.tsx';
import { LiveIndicator } from './live-indicator.tsx';

export function AppShell({ children, wide = false }: { children: ComponentChildren; wide?: boolean }) {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const { path } = useLocation();
  return (
    <>
      <a class="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header class="topbar">
        <a class="brand" href="/"><img src="/icon.svg" alt="" width="28" height="28" />{t('app.name')}</a>
        {user && isDesk(user) && (
          <nav aria-label={t('nav.main')} class="topnav">
            <a href="/" aria-current={path === '/' ? 'page' : undefined}>{t('nav.board')}</a>
            <a href="/devices" aria-current={path.startsWith('/devices') ? 'page' : undefined}>{t('nav.devices')}</a>
            {user.role !== 'agent' && <a href="/reports" aria-current={path.startsWith('/reports') ? 'page' : undefined}>{t('nav.reports')}</a>}
            {user.role === 'admin' && <a href="/admin/sites" aria-current={path.startsWith('/admin') ? 'page' : undefined}>{t('nav.admin')}</a>}
          </nav>
        )}
        <div class="topbar-end">
          {user && <LiveIndicator />}
          <LanguagePicker />
          {user && (
            <span class="user">
              <span class="user-name" title={t('user.menu', { name: user.name })}><bdi>{user.name}</bdi></span>
              <button type="button" class="link-button" onClick={() => void logout()}>{t('user.logout')}</button>
            </span>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} class={wide ? 'main main-wide' : 'main'}>{children}</main>
    </>
  );
}

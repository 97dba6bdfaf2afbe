import { useI18n } from '../i18n/i18n.tsx';
import { AppShell } from '../ui/app-shell.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <AppShell>
      <h1>{t('app.notFound')}</h1>
      <p><a href="/">{t('app.toBoard')}</a></p>
    </AppShell>
  );
}

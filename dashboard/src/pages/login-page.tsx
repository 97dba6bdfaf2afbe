import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { ApiError } from '../api/http.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { LanguagePicker } from '../ui/language-picker.tsx';
import { errorText } from '../ui/states.tsx';

/** Only a path on this site: `next=//evil.example` or `next=https://…` must not send anyone away. */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const { query, route } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (session.user) route(safeNext(query.next), true);
  }, [session.user]);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.login(email.trim(), password);
    } catch (err) {
      const failure = err as ApiError;
      setError(failure.code === 'UNAUTHORIZED' || failure.code === 'VALIDATION' ? t('login.failed')
        : failure.code === 'RATE_LIMITED' ? t('login.throttled') : errorText(t, failure));
      setBusy(false);
      requestAnimationFrame(() => errorRef.current?.focus());
    }
  }

  return (
    <div class="login-layout">
      <div class="login-lang"><LanguagePicker /></div>
      <main id="main" class="login-card">
        <img src="/icon.svg" alt="" width="48" height="48" />
        <h1>{t('login.title')}</h1>
        <p class="muted">{t('login.intro')}</p>
        <form onSubmit={submit}>
          {error && <p id="login-error" class="form-error" role="alert" tabIndex={-1} ref={errorRef}>{error}</p>}
          <label for="login-email">{t('login.email')}</label>
          <input
            id="login-email" type="email" name="email" autocomplete="username" required dir="ltr"
            value={email} onInput={(e) => setEmail(e.currentTarget.value)}
            aria-invalid={error ? true : undefined} aria-describedby={error ? 'login-error' : undefined}
          />
          <label for="login-password">{t('login.password')}</label>
          <input
            id="login-password" type="password" name="password" autocomplete="current-password" required
            value={password} onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={error ? true : undefined} aria-describedby={error ? 'login-error' : undefined}
          />
          <button type="submit" class="primary" disabled={busy}>{busy ? t('login.submitting') : t('login.submit')}</button>
        </form>
      </main>
    </div>
  );
}

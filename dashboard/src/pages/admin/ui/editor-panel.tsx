/**
 * The frame of an admin form: a heading that takes focus when the form opens, the
 * form-level error (field errors sit beside their controls), Save and Cancel.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../../i18n/i18n.tsx';

export function EditorPanel({ title, saving, formError, onSubmit, onCancel, children, extraButtons }: {
  title: ComponentChildren;
  saving: boolean;
  formError: string | null;
  onSubmit: () => void;
  onCancel: () => void;
  children: ComponentChildren;
  extraButtons?: ComponentChildren;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <form
      class="panel admin-form" noValidate aria-busy={saving}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={(e) => e.key === 'Escape' && !(e.target as HTMLElement).closest('.confirm') && onCancel()}
    >
      <h2 tabIndex={-1} ref={heading}>{title}</h2>
      {formError && <p class="form-error" role="alert">{formError}</p>}
      <div class="form-grid">{children}</div>
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={saving}>{saving ? t('admin.form.saving') : t('admin.form.save')}</button>
        <button type="button" onClick={onCancel}>{t('admin.form.cancel')}</button>
        {extraButtons}
      </div>
    </form>
  );
}

/** The list header: a count and the "New …" button. */
export function ListHeader({ count, onNew, newLabel }: { count: ComponentChildren; onNew?: () => void; newLabel: string }) {
  return (
    <div class="admin-list-header">
      <p class="muted">{count}</p>
      {onNew && <button type="button" class="primary" onClick={onNew}>{newLabel}</button>}
    </div>
  );
}

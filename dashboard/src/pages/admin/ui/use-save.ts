/**
 * One save or delete at a time: the busy flag, the server's field errors, and a toast that
 * says it worked (announced to screen readers too).
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../../../api/http.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAnnounce } from '../../../ui/announcer.tsx';
import { errorText } from '../../../ui/states.tsx';
import { fieldErrors, type FieldErrors } from './form-errors.ts';

export function useSave() {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  /** Runs `action`; true when it worked. Errors stay on the form, field by field where named. */
  async function run(action: () => Promise<unknown>, done: string): Promise<boolean> {
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      await action();
      announce(done);
      return true;
    } catch (err) {
      const failure = err instanceof ApiError ? err : new ApiError('INTERNAL', String(err), 0);
      const fields = fieldErrors(failure);
      setErrors(fields);
      setFormError(Object.keys(fields).length ? t('admin.form.fixFields') : errorText(t, failure));
      return false;
    } finally {
      setSaving(false);
    }
  }
  const clear = () => {
    setErrors({});
    setFormError(null);
  };
  return { saving, errors, formError, run, clear };
}

/**
 * A new API token: name, role, and optionally scopes narrowing it to some route families
 * (server/src/people/access-rules.ts), each read or write. No scopes: the whole role.
 */
import { useState } from 'preact/hooks';
import { FAMILIES } from '../../../../../server/src/people/access-rules.ts';
import type { TokenBody } from '../../../api/integrations.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { EditorPanel, errorFor, Field, type FieldErrors } from '../ui/index.ts';

type Access = '' | 'read' | 'write';
export type TokenDraft = { name: string; role: TokenBody['role']; limited: boolean; access: Record<string, Access> };

export const newToken = (): TokenDraft => ({ name: '', role: 'agent', limited: false, access: {} });

export function tokenBody(d: TokenDraft): TokenBody {
  const scopes = d.limited ? FAMILIES.filter((f) => d.access[f]).map((f) => `${f}:${d.access[f]}`) : [];
  return { name: d.name, role: d.role, scopes };
}

export function TokenForm({ errors, saving, formError, onSave, onCancel }: {
  errors: FieldErrors; saving: boolean; formError: string | null; onSave: (d: TokenDraft) => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  const [d, setD] = useState(newToken);
  const set = (patch: Partial<TokenDraft>) => setD((cur) => ({ ...cur, ...patch }));
  return (
    <EditorPanel title={t('integrations.tokens.new')} saving={saving} formError={formError} onSubmit={() => onSave(d)} onCancel={onCancel}>
      <Field label={t('integrations.tokens.name')} error={errorFor(errors, 'name')} hint={t('integrations.tokens.nameHint')}>
        {(p) => <input {...p} value={d.name} required maxLength={200} onInput={(e) => set({ name: e.currentTarget.value })} />}
      </Field>
      <Field label={t('integrations.tokens.role')} error={errorFor(errors, 'role')} hint={t('integrations.tokens.roleHint')}>
        {(p) => (
          <select {...p} value={d.role} onChange={(e) => set({ role: e.currentTarget.value as TokenDraft['role'] })}>
            {(['agent', 'manager', 'admin'] as const).map((r) => <option key={r} value={r}>{t(`integrations.role.${r}`)}</option>)}
          </select>
        )}
      </Field>
      <fieldset class="field field-wide">
        <legend>{t('integrations.tokens.scopes')}</legend>
        <label class="check-option">
          <input type="radio" name="token-limited" checked={!d.limited} onChange={() => set({ limited: false })} />
          <span>{t('integrations.tokens.wholeRole')}</span>
        </label>
        <label class="check-option">
          <input type="radio" name="token-limited" checked={d.limited} onChange={() => set({ limited: true })} />
          <span>{t('integrations.tokens.onlyScopes')}</span>
        </label>
        {errorFor(errors, 'scopes') && <p class="field-error">{errorFor(errors, 'scopes')}</p>}
        {d.limited && (
          <div class="table-scroll">
            <table class="data-table scope-table">
              <caption class="visually-hidden">{t('integrations.tokens.scopes')}</caption>
              <thead><tr><th scope="col">{t('integrations.tokens.family')}</th><th scope="col">{t('integrations.tokens.access')}</th></tr></thead>
              <tbody>
                {FAMILIES.map((f) => (
                  <tr key={f}>
                    <th scope="row"><code dir="ltr" id={`family-${f}`}>{f}</code></th>
                    <td>
                      <select
                        aria-labelledby={`family-${f}`} data-family={f} value={d.access[f] ?? ''}
                        onChange={(e) => set({ access: { ...d.access, [f]: e.currentTarget.value as Access } })}
                      >
                        <option value="">{t('integrations.tokens.none')}</option>
                        <option value="read">{t('integrations.tokens.read')}</option>
                        <option value="write">{t('integrations.tokens.write')}</option>
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </fieldset>
    </EditorPanel>
  );
}
